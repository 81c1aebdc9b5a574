import CZlib

/// A PNG parsed strictly and independently of any encoder: signature, chunk layout and every
/// chunk's CRC (with a CRC-32 of its own), the IHDR fields, then the IDAT stream inflated and
/// every row un-filtered (all five filter types), giving the raw 8-bit samples.
struct PNGFile {
    struct Chunk {
        let type: String
        let data: [UInt8]
    }
    struct Invalid: Error, CustomStringConvertible {
        let description: String
    }

    let chunks: [Chunk]
    let width: Int
    let height: Int
    let bitDepth: UInt8
    let colorType: UInt8
    let compressionMethod: UInt8
    let filterMethod: UInt8
    let interlaceMethod: UInt8
    /// The filter type byte of each row.
    let rowFilters: [UInt8]
    /// Un-filtered samples, row after row, without the filter bytes (RGB or RGBA).
    let samples: [UInt8]

    var channels: Int { colorType == 6 ? 4 : 3 }
    var chunkTypes: [String] { chunks.map(\.type) }

    init(_ bytes: [UInt8]) throws {
        guard bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { throw Invalid(description: "no PNG signature") }
        var chunks: [Chunk] = []
        var offset = 8
        while chunks.last?.type != "IEND" {
            guard offset + 12 <= bytes.count else { throw Invalid(description: "truncated chunk at \(offset)") }
            let length = Int(PNGFile.bigEndian(bytes, offset))
            guard length < 1 << 31, offset + 12 + length <= bytes.count else { throw Invalid(description: "bad chunk length at \(offset)") }
            let typeAndData = Array(bytes[offset + 4 ..< offset + 8 + length])
            guard PNGFile.crc32(typeAndData) == PNGFile.bigEndian(bytes, offset + 8 + length) else {
                throw Invalid(description: "bad CRC in chunk at \(offset)")
            }
            chunks.append(Chunk(type: String(decoding: typeAndData.prefix(4), as: UTF8.self), data: Array(typeAndData.dropFirst(4))))
            offset += 12 + length
        }
        guard offset == bytes.count else { throw Invalid(description: "\(bytes.count - offset) bytes after IEND") }
        guard let header = chunks.first, header.type == "IHDR", header.data.count == 13 else { throw Invalid(description: "IHDR is not first") }
        self.chunks = chunks
        width = Int(PNGFile.bigEndian(header.data, 0))
        height = Int(PNGFile.bigEndian(header.data, 4))
        (bitDepth, colorType) = (header.data[8], header.data[9])
        (compressionMethod, filterMethod, interlaceMethod) = (header.data[10], header.data[11], header.data[12])
        guard width > 0, height > 0, bitDepth == 8, colorType == 2 || colorType == 6,
              compressionMethod == 0, filterMethod == 0, interlaceMethod == 0 else {
            throw Invalid(description: "unsupported IHDR \(header.data)")
        }
        let rowBytes = width * (colorType == 6 ? 4 : 3)
        let raw = try PNGFile.inflate(chunks.filter { $0.type == "IDAT" }.flatMap(\.data), count: height * (1 + rowBytes))
        (rowFilters, samples) = try PNGFile.unfilter(raw, rowBytes: rowBytes, height: height, bpp: colorType == 6 ? 4 : 3)
    }

    private static func bigEndian(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        bytes[at ..< at + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    private static let crcTable: [UInt32] = (0..<256).map { n in
        (0..<8).reduce(UInt32(n)) { c, _ in c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        ~bytes.reduce(UInt32.max) { crcTable[Int(($0 ^ UInt32($1)) & 0xFF)] ^ ($0 >> 8) }
    }

    /// Inflates a zlib stream that must decompress to exactly `count` bytes and end there.
    private static func inflate(_ compressed: [UInt8], count: Int) throws -> [UInt8] {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        guard CZlib_inflateInit(stream) == Z_OK else { throw Invalid(description: "inflateInit failed") }
        defer { inflateEnd(stream) }
        var input = compressed
        var output = [UInt8](repeating: 0, count: count + 1) // one spare byte to notice too much data
        let status = input.withUnsafeMutableBufferPointer { input in
            output.withUnsafeMutableBufferPointer { output in
                stream.pointee.next_in = input.baseAddress
                stream.pointee.avail_in = UInt32(input.count)
                stream.pointee.next_out = output.baseAddress
                stream.pointee.avail_out = UInt32(output.count)
                return CZlib.inflate(stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END, stream.pointee.avail_in == 0, Int(stream.pointee.total_out) == count else {
            throw Invalid(description: "zlib stream: status \(status), \(stream.pointee.total_out) of \(count) bytes, \(stream.pointee.avail_in) left over")
        }
        output.removeLast()
        return output
    }

    private static func unfilter(_ raw: [UInt8], rowBytes: Int, height: Int, bpp: Int) throws -> ([UInt8], [UInt8]) {
        var filters: [UInt8] = []
        var out = [UInt8](repeating: 0, count: rowBytes * height)
        for y in 0..<height {
            let filter = raw[y * (rowBytes + 1)]
            filters.append(filter)
            let src = y * (rowBytes + 1) + 1, row = y * rowBytes, above = row - rowBytes
            for x in 0..<rowBytes {
                let a = x >= bpp ? Int(out[row + x - bpp]) : 0
                let b = y > 0 ? Int(out[above + x]) : 0
                let c = x >= bpp && y > 0 ? Int(out[above + x - bpp]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
                default: throw Invalid(description: "filter type \(filter) in row \(y)")
                }
                out[row + x] = UInt8(truncatingIfNeeded: Int(raw[src + x]) + predictor)
            }
        }
        return (filters, out)
    }
}
