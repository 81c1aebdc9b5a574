import LessonModel
import Site

/// Reads an image's displayed size from the first bytes of its file: PNG, GIF, JPEG (turned by
/// its Exif orientation, as browsers show it), WebP, BMP and SVG. Anything it cannot read with
/// certainty gives nil, and the page then writes no size, as before.
package enum ImageHeader {
    /// How much of a file is read: JPEG frame headers can follow a large Exif block.
    static let prefixLength = 256 << 10

    /// The size the browser lays the image out at, or nil.
    package static func size(of bytes: [UInt8]) -> ImageSize? {
        let b = Bytes(bytes)
        if b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            guard b.ascii(12, 4) == "IHDR", let w = b.u32be(16), let h = b.u32be(20) else { return nil }
            return make(Double(w), Double(h))
        }
        if b.ascii(0, 6) == "GIF87a" || b.ascii(0, 6) == "GIF89a" {
            guard let w = b.u16le(6), let h = b.u16le(8) else { return nil }
            return make(Double(w), Double(h))
        }
        if b.starts(with: [0xFF, 0xD8, 0xFF]) { return jpeg(b) }
        if b.ascii(0, 4) == "RIFF", b.ascii(8, 4) == "WEBP" { return webp(b) }
        if b.ascii(0, 2) == "BM" {
            guard let w = b.u32le(18), let h = b.u32le(22) else { return nil }
            return make(Double(Int32(bitPattern: w).magnitude), Double(Int32(bitPattern: h).magnitude))
        }
        return SVGSize.size(of: String(decoding: bytes, as: UTF8.self))
    }

    /// A size from two positive lengths, rounded to whole pixels; nil when either is absurd.
    static func make(_ width: Double, _ height: Double) -> ImageSize? {
        guard width.isFinite, height.isFinite, width > 0, height > 0,
              width <= 1e6, height <= 1e6 else { return nil }
        return ImageSize(width: max(1, Int(width.rounded())), height: max(1, Int(height.rounded())))
    }

    /// Walks the segments up to the first frame header; an Exif orientation of 5 to 8 turns the
    /// picture a quarter, so the shown width is the stored height.
    private static func jpeg(_ b: Bytes) -> ImageSize? {
        var i = 2
        var quarterTurn = false
        while true {
            guard b.byte(i) == 0xFF, var marker = b.byte(i + 1) else { return nil }
            while marker == 0xFF {  // fill bytes before a marker
                i += 1
                guard let next = b.byte(i + 1) else { return nil }
                marker = next
            }
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
            guard marker != 0xD9, marker != 0xDA, let length = b.u16be(i + 2), length >= 2 else { return nil }
            let body = i + 4
            if marker == 0xE1, b.ascii(body, 6) == "Exif\0\0", let o = exifOrientation(b, tiff: body + 6) {
                quarterTurn = (5...8).contains(o)
            }
            if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                guard let h = b.u16be(body + 1), let w = b.u16be(body + 3) else { return nil }
                return quarterTurn ? make(Double(h), Double(w)) : make(Double(w), Double(h))
            }
            i = body + Int(length) - 2
        }
    }

    /// The orientation tag (0x0112) of the first image directory of the TIFF block at `tiff`.
    private static func exifOrientation(_ b: Bytes, tiff: Int) -> Int? {
        let little: Bool
        switch b.ascii(tiff, 2) {
        case "II": little = true
        case "MM": little = false
        default: return nil
        }
        func u16(_ at: Int) -> Int? { (little ? b.u16le(at) : b.u16be(at)).map(Int.init) }
        func u32(_ at: Int) -> Int? { (little ? b.u32le(at) : b.u32be(at)).map(Int.init) }
        guard u16(tiff + 2) == 42, let offset = u32(tiff + 4), offset < prefixLength,
              let count = u16(tiff + offset) else { return nil }
        for k in 0..<min(count, 512) {
            let entry = tiff + offset + 2 + 12 * k
            guard let tag = u16(entry) else { return nil }
            if tag == 0x0112 { return u16(entry + 8) }
        }
        return nil
    }

    private static func webp(_ b: Bytes) -> ImageSize? {
        switch b.ascii(12, 4) {
        case "VP8 ":
            guard b.byte(23) == 0x9D, b.byte(24) == 0x01, b.byte(25) == 0x2A,
                  let w = b.u16le(26), let h = b.u16le(28) else { return nil }
            return make(Double(w & 0x3FFF), Double(h & 0x3FFF))
        case "VP8L":
            guard b.byte(20) == 0x2F, let bits = b.u32le(21) else { return nil }
            return make(Double(bits & 0x3FFF) + 1, Double(bits >> 14 & 0x3FFF) + 1)
        case "VP8X":
            guard let w = b.u24le(24), let h = b.u24le(27) else { return nil }
            return make(Double(w) + 1, Double(h) + 1)
        default:
            return nil
        }
    }
}

/// Bounds-checked reads: every accessor is nil past the end, so a cut or lying header is harmless.
private struct Bytes {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func byte(_ i: Int) -> UInt8? { i >= 0 && i < bytes.count ? bytes[i] : nil }

    func starts(with prefix: [UInt8]) -> Bool { bytes.starts(with: prefix) }

    func ascii(_ at: Int, _ count: Int) -> String? {
        guard at >= 0, count >= 0, at <= bytes.count - count else { return nil }
        return String(decoding: bytes[at..<at + count], as: UTF8.self)
    }

    private func value(_ at: Int, _ count: Int, bigEndian: Bool) -> UInt32? {
        guard at >= 0, at <= bytes.count - count else { return nil }
        let slice = bytes[at..<at + count]
        return (bigEndian ? Array(slice) : slice.reversed()).reduce(0) { $0 << 8 | UInt32($1) }
    }

    func u16be(_ at: Int) -> UInt16? { value(at, 2, bigEndian: true).map { UInt16($0) } }
    func u16le(_ at: Int) -> UInt16? { value(at, 2, bigEndian: false).map { UInt16($0) } }
    func u24le(_ at: Int) -> UInt32? { value(at, 3, bigEndian: false) }
    func u32be(_ at: Int) -> UInt32? { value(at, 4, bigEndian: true) }
    func u32le(_ at: Int) -> UInt32? { value(at, 4, bigEndian: false) }
}
