import CZlib

/// One zlib deflate stream (zlib format: header, deflate data, Adler-32) whose output is handed
/// out in blocks of at most `blockSize` bytes, so a PNG encoder can turn each into an IDAT chunk.
final class Deflater {
    let blockSize: Int
    // zlib's state points back at its z_stream, so the z_stream must not move: it lives on the heap.
    private let stream: UnsafeMutablePointer<z_stream>
    private let block: UnsafeMutablePointer<UInt8>
    private var finished = false

    /// A stream at `level` (0...9) with zlib's default window (32 KiB) and memory level (8).
    init(level: Int32, blockSize: Int) throws(FigureError) {
        guard blockSize > 0, blockSize <= Int(UInt32.max) else {
            throw FigureError(operation: "start deflate", message: "block size \(blockSize) out of range")
        }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = CZlib_deflateInit2(stream, level, MAX_WBITS, 8, Z_DEFAULT_STRATEGY)
        guard status == Z_OK else {
            let error = Deflater.error(status, stream, "start deflate")
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw error
        }
        self.stream = stream
        self.blockSize = blockSize
        self.block = UnsafeMutablePointer<UInt8>.allocate(capacity: blockSize)
        stream.pointee.next_out = block
        stream.pointee.avail_out = UInt32(blockSize)
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        block.deallocate()
    }

    /// Compresses all of `input` (at most 4 GiB - 1 bytes), calling `emit` with each block that fills up;
    /// with `finish`, ends the stream and also emits the last, partial block. Nothing may follow a finish.
    func compress(_ input: UnsafeBufferPointer<UInt8>, finish: Bool,
                  emit: (UnsafeBufferPointer<UInt8>) -> Void) throws(FigureError) {
        guard !finished else { throw FigureError(operation: "deflate", message: "stream already finished") }
        guard input.count <= Int(UInt32.max) else {
            throw FigureError(operation: "deflate", message: "input of \(input.count) bytes is too large")
        }
        stream.pointee.next_in = input.baseAddress.map { UnsafeMutablePointer(mutating: $0) }
        stream.pointee.avail_in = UInt32(input.count)
        let flush = finish ? Z_FINISH : Z_NO_FLUSH
        while true {
            let status = deflate(stream, flush)
            // Z_BUF_ERROR (no progress possible) cannot happen with output room and input or a finish
            // pending; it is an error here like any other status.
            guard status == Z_OK || status == Z_STREAM_END else { throw Deflater.error(status, stream, "deflate") }
            if stream.pointee.avail_out == 0 { emitBlock(emit) }
            if status == Z_STREAM_END {
                emitBlock(emit)
                finished = true
                return
            }
            if !finish && stream.pointee.avail_in == 0 { return }
        }
    }

    /// Hands out the bytes produced since the last block, if any, and starts a new block.
    private func emitBlock(_ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        let produced = blockSize - Int(stream.pointee.avail_out)
        if produced > 0 { emit(UnsafeBufferPointer(start: block, count: produced)) }
        stream.pointee.next_out = block
        stream.pointee.avail_out = UInt32(blockSize)
    }

    private static func error(_ status: Int32, _ stream: UnsafeMutablePointer<z_stream>, _ operation: String) -> FigureError {
        let detail = stream.pointee.msg.map { String(cString: $0) } ?? zError(status).map { String(cString: $0) }
        return FigureError(operation: operation, message: "zlib error \(status)" + (detail.map { ": \($0)" } ?? ""))
    }
}
