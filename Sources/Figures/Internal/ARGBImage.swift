/// A read-only view of Cairo ARGB32 pixels (32-bit native-endian words, alpha in the top byte,
/// colour premultiplied by alpha) and their conversion to PNG scanlines, exactly as Cairo's own
/// PNG writer converts them.
struct ARGBImage {
    let base: UnsafeRawPointer
    let width: Int
    let height: Int
    /// Bytes from one row to the next; at least `4 * width` and a multiple of 4 (Cairo's rows are aligned).
    let stride: Int

    /// The pixels of row `y`.
    func row(_ y: Int) -> UnsafeBufferPointer<UInt32> {
        UnsafeBufferPointer(start: (base + y * stride).assumingMemoryBound(to: UInt32.self), count: width)
    }

    /// True if every pixel has alpha 255 (then the PNG can drop the alpha channel, as Cairo's writer does).
    var isOpaque: Bool {
        for y in 0..<height {
            var all: UInt32 = 0xFF00_0000
            for pixel in row(y) { all &= pixel }
            if all < 0xFF00_0000 { return false }
        }
        return true
    }

    /// Writes row `y` as 8-bit RGB (3 * width bytes) to `out`, ignoring alpha.
    func writeRGB(row y: Int, to out: UnsafeMutablePointer<UInt8>) {
        let pixels = row(y)
        var out = out
        for pixel in pixels {
            out[0] = UInt8(truncatingIfNeeded: pixel &>> 16)
            out[1] = UInt8(truncatingIfNeeded: pixel &>> 8)
            out[2] = UInt8(truncatingIfNeeded: pixel)
            out += 3
        }
    }

    /// Writes row `y` as 8-bit straight-alpha RGBA (4 * width bytes) to `out`, un-premultiplying as
    /// Cairo does: `(c * 255 + a / 2) / a` kept to 8 bits, and all zero where alpha is 0.
    func writeRGBA(row y: Int, to out: UnsafeMutablePointer<UInt8>) {
        let pixels = row(y)
        var out = out
        for pixel in pixels {
            let alpha = pixel &>> 24
            switch alpha {
            case 0xFF:
                // (c * 255 + 127) / 255 == c for every c <= 255, so opaque pixels need no division.
                out[0] = UInt8(truncatingIfNeeded: pixel &>> 16)
                out[1] = UInt8(truncatingIfNeeded: pixel &>> 8)
                out[2] = UInt8(truncatingIfNeeded: pixel)
                out[3] = 0xFF
            case 0:
                out[0] = 0; out[1] = 0; out[2] = 0; out[3] = 0
            default:
                out[0] = ARGBImage.unpremultiply((pixel &>> 16) & 0xFF, alpha)
                out[1] = ARGBImage.unpremultiply((pixel &>> 8) & 0xFF, alpha)
                out[2] = ARGBImage.unpremultiply(pixel & 0xFF, alpha)
                out[3] = UInt8(truncatingIfNeeded: alpha)
            }
            out += 4
        }
    }

    /// Cairo's rounding; a colour above its alpha (invalid premultiplied data) wraps to 8 bits as in Cairo.
    @inline(__always)
    private static func unpremultiply(_ component: UInt32, _ alpha: UInt32) -> UInt8 {
        UInt8(truncatingIfNeeded: (component &* 255 &+ alpha / 2) / alpha)
    }
}
