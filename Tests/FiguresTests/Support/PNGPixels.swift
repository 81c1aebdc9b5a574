import CCairo
import Figures

/// Decodes PNG bytes with libpng (through Cairo's PNG reader), independently of how they were drawn.
struct PNGPixels: Equatable {
    let width: Int
    let height: Int
    /// Premultiplied ARGB of each pixel, row-major (opaque PNGs get alpha 0xFF).
    let pixels: [UInt32]

    init(_ png: [UInt8]) throws {
        final class Reader {
            let bytes: [UInt8]
            var offset = 0
            init(_ bytes: [UInt8]) { self.bytes = bytes }
        }
        let reader = Reader(png)
        let surface = withExtendedLifetime(reader) {
            cairo_image_surface_create_from_png_stream({ closure, data, length in
                guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
                let reader = Unmanaged<Reader>.fromOpaque(closure).takeUnretainedValue()
                let count = Int(length)
                guard reader.offset + count <= reader.bytes.count else { return CAIRO_STATUS_READ_ERROR }
                for i in 0..<count { data[i] = reader.bytes[reader.offset + i] }
                reader.offset += count
                return CAIRO_STATUS_SUCCESS
            }, Unmanaged.passUnretained(reader).toOpaque())
        }
        guard let surface else { throw FigureError(operation: "decode PNG", message: "no surface") }
        defer { cairo_surface_destroy(surface) }
        let format = cairo_image_surface_get_format(surface)
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS,
              format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24,
              let data = cairo_image_surface_get_data(surface) else {
            throw FigureError(operation: "decode PNG", message: "not an 8-bit RGB(A) PNG")
        }
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let opaque: UInt32 = format == CAIRO_FORMAT_RGB24 ? 0xFF00_0000 : 0
        var pixels: [UInt32] = []
        pixels.reserveCapacity(width * height)
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width { pixels.append(row[x] | opaque) }
        }
        self.pixels = pixels
    }

    /// The pixel at (x, y) as premultiplied ARGB.
    func pixel(x: Int, y: Int) -> UInt32 { pixels[y * width + x] }

    /// Alpha (coverage) at (x, y), 0...255.
    func alpha(x: Int, y: Int) -> UInt8 { UInt8(pixel(x: x, y: y) >> 24) }

    /// Pixels with any coverage on a transparent background.
    var inkedPixelCount: Int { pixels.count { $0 >> 24 > 0 } }
}
