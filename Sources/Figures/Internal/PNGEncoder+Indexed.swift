extension PNGEncoder {
    /// The PNG bytes of a palette image: `indices` row by row from the top, each an index into
    /// `palette` (at most 256 opaque colours). A boundary chart's heatmap is a few dozen colours
    /// over a hundred-odd cells a side: as a palette PNG of one pixel per cell it takes a few
    /// kilobytes, where the same cells as SVG rectangles took a hundred.
    static func encodeIndexed(width: Int, height: Int, indices: [UInt8], palette: [Color]) throws(FigureError) -> [UInt8] {
        guard width > 0, height > 0, width <= Int(Int32.max), height <= Int(Int32.max), indices.count == width * height,
              (1...256).contains(palette.count), indices.allSatisfy({ Int($0) < palette.count }) else {
            throw FigureError(operation: "write PNG", message: "bad palette image (\(width)x\(height), \(palette.count) colours)")
        }
        var png = signature
        var header: [UInt8] = []
        appendBigEndian(UInt32(width), to: &header)
        appendBigEndian(UInt32(height), to: &header)
        // Bit depth 8; colour type 3 (palette); deflate; adaptive filtering method; no interlace.
        header += [8, 3, 0, 0, 0]
        appendChunk("IHDR", header, to: &png)
        func byte(_ v: Double) -> UInt8 { UInt8((min(max(v, 0), 1) * 255).rounded()) }
        appendChunk("PLTE", palette.flatMap { [byte($0.red), byte($0.green), byte($0.blue)] }, to: &png)
        // Filter None on every row; the smallest level: these images are tiny and flat.
        var raw: [UInt8] = []
        raw.reserveCapacity(height * (width + 1))
        for y in 0..<height {
            raw.append(0)
            raw += indices[(y * width)..<((y + 1) * width)]
        }
        let deflater = try Deflater(level: 9, blockSize: idatSize)
        try raw.withUnsafeBufferPointer { buffer throws(FigureError) in
            try deflater.compress(buffer, finish: true) { block in appendChunk("IDAT", block, to: &png) }
        }
        appendChunk("IEND", [], to: &png)
        return png
    }
}
