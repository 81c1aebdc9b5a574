import CCairo
import Testing
@testable import Figures

/// Cairo's own PNG writer, the reference our encoder must match pixel for pixel.
private func cairoPNG(_ surface: OpaquePointer) throws -> [UInt8] {
    let sink = ByteSink()
    try withExtendedLifetime(sink) {
        try FigureError.check(cairo_surface_write_to_png_stream(surface, ByteSink.write, sink.closure), "cairo PNG")
    }
    return sink.bytes
}

/// The surface's premultiplied ARGB words, row-major, as `PNGPixels` returns them.
private func surfacePixels(_ surface: OpaquePointer) throws -> [UInt32] {
    let image = ARGBImage(base: UnsafeRawPointer(try #require(cairo_image_surface_get_data(surface))),
                          width: Int(cairo_image_surface_get_width(surface)),
                          height: Int(cairo_image_surface_get_height(surface)),
                          stride: Int(cairo_image_surface_get_stride(surface)))
    return (0..<image.height).flatMap { Array(image.row($0)) }
}

/// Encodes `surface` with both writers and checks ours: valid, no varying chunk, filter None,
/// the same samples as Cairo's file and, decoded by libpng, exactly the surface's pixels.
private func expectMatchesCairo(_ surface: OpaquePointer, colorType: UInt8) throws {
    let ours = try PNGEncoder.encode(surface: surface)
    let reference = try PNGFile(cairoPNG(surface))
    let file = try PNGFile(ours)
    #expect(file.width == Int(cairo_image_surface_get_width(surface)))
    #expect(file.height == Int(cairo_image_surface_get_height(surface)))
    #expect(file.bitDepth == 8)
    #expect(file.colorType == colorType)
    #expect(reference.colorType == colorType)
    #expect((file.compressionMethod, file.filterMethod, file.interlaceMethod) == (0, 0, 0))
    #expect(file.chunkTypes.first == "IHDR" && file.chunkTypes.last == "IEND")
    #expect(Set(file.chunkTypes) == ["IHDR", "bKGD", "IDAT", "IEND"])
    #expect(file.rowFilters.allSatisfy { $0 == 0 })
    #expect(file.samples.count == reference.samples.count)
    #expect(firstDifference(file.samples, reference.samples) == nil)
    #expect(try PNGPixels(ours).pixels == surfacePixels(surface))
}

/// A fresh `width` x `height` ARGB32 surface whose pixels `pixel(x, y)` sets (premultiplied ARGB).
private func makeSurface(width: Int, height: Int, pixel: (Int, Int) -> UInt32) throws -> OpaquePointer {
    let surface = try #require(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)))
    try FigureError.check(cairo_surface_status(surface), "create surface")
    cairo_surface_flush(surface)
    let data = try #require(cairo_image_surface_get_data(surface))
    let stride = Int(cairo_image_surface_get_stride(surface))
    for y in 0..<height {
        let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
        for x in 0..<width { row[x] = pixel(x, y) }
    }
    cairo_surface_mark_dirty(surface)
    return surface
}

@Test func anOpaqueFigureIsWrittenAsRGBWithCairosPixels() throws {
    try SampleFigures.diagram(format: .png).withImageSurface { surface throws(FigureError) in
        #expect(throws: Never.self) { try expectMatchesCairo(surface, colorType: 2) }
    }
}

@Test func aFigureWithTransparencyIsWrittenAsRGBAWithCairosPixels() throws {
    let canvas = try SampleFigures.textHeavy(format: .png)
    canvas.fillCircle(center: Point(x: 200, y: 150), radius: 80, color: Color(hex: 0x3366CC, alpha: 0.4))
    try canvas.withImageSurface { surface throws(FigureError) in
        #expect(throws: Never.self) { try expectMatchesCairo(surface, colorType: 6) }
    }
}

/// Row a holds alpha a; columns sweep every colour value up to a, so each (colour, alpha) pair is
/// un-premultiplied once in each channel and compared with Cairo's rounding.
@Test func everyPremultipliedValueIsUnpremultipliedAsCairoDoes() throws {
    let surface = try makeSurface(width: 256, height: 256) { x, a in
        let c = UInt32(min(x, a))
        return UInt32(a) << 24 | c << 16 | (UInt32(a) - c) << 8 | UInt32(x * a / 255)
    }
    defer { cairo_surface_destroy(surface) }
    try expectMatchesCairo(surface, colorType: 6)
}

/// 4000 x 1000 of noise with every kind of alpha: many IDAT chunks, and the exact same pixels.
@Test func aLargeNoisyImageRoundTripsThroughManyIDATChunks() throws {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    let surface = try makeSurface(width: 4000, height: 1000) { x, y in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let random = UInt32(truncatingIfNeeded: state >> 32)
        let alpha: UInt32 = y < 300 ? 0xFF : y < 600 ? random >> 24 : x % 7 == 0 ? 0 : 0xFF
        let scale = { (v: UInt32) in (v & 0xFF) * alpha / 255 }
        return alpha << 24 | scale(random >> 16) << 16 | scale(random >> 8) << 8 | scale(random)
    }
    defer { cairo_surface_destroy(surface) }
    let file = try PNGFile(PNGEncoder.encode(surface: surface))
    #expect(file.chunkTypes.filter { $0 == "IDAT" }.count > 100)
    #expect(file.chunks.allSatisfy { $0.data.count <= PNGEncoder.idatSize })
    #expect(try PNGPixels(PNGEncoder.encode(surface: surface)).pixels == surfacePixels(surface))
}

@Test func encodingTheSameSurfaceTwiceGivesTheSameBytes() throws {
    try SampleFigures.diagram(format: .png).withImageSurface { surface throws(FigureError) in
        #expect(try PNGEncoder.encode(surface: surface) == PNGEncoder.encode(surface: surface))
    }
}

@Test func aSurfaceThatIsNotARGB32IsRejectedWithAFigureError() throws {
    let surface = try #require(cairo_image_surface_create(CAIRO_FORMAT_RGB24, 4, 4))
    defer { cairo_surface_destroy(surface) }
    let error = #expect(throws: FigureError.self) { try PNGEncoder.encode(surface: surface) }
    #expect(error?.operation == "write PNG")
}

@Test func anEmptyOrBadlyStridedImageIsRejectedWithAFigureError() throws {
    let pixels = [UInt32](repeating: 0, count: 16)
    try pixels.withUnsafeBytes { buffer in
        let base = try #require(buffer.baseAddress)
        #expect(throws: FigureError.self) { try PNGEncoder.encode(ARGBImage(base: base, width: 0, height: 4, stride: 16)) }
        #expect(throws: FigureError.self) { try PNGEncoder.encode(ARGBImage(base: base, width: 4, height: 4, stride: 8)) }
        #expect(throws: Never.self) { try PNGEncoder.encode(ARGBImage(base: base, width: 4, height: 4, stride: 16)) }
    }
}

@Test func zlibErrorsBecomeFigureErrors() throws {
    let badLevel = #expect(throws: FigureError.self) { try Deflater(level: 42, blockSize: 64) }
    #expect(badLevel?.message.hasPrefix("zlib error") == true)
    let deflater = try Deflater(level: 3, blockSize: 64)
    try deflater.compress(UnsafeBufferPointer(start: nil, count: 0), finish: true) { _ in }
    #expect(throws: FigureError.self) {
        try deflater.compress(UnsafeBufferPointer(start: nil, count: 0), finish: false) { _ in }
    }
}
