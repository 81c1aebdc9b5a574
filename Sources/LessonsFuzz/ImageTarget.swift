import LessonsKit

/// Image files as the build reads their headers for the page's `width` and `height`: a teacher's
/// file may be cut short, mislabelled or hostile, and must give a sane size or none.
enum ImageTarget {
    static func target() -> Target {
        Target(name: "images", maxSize: 8_000, timeLimit: 2, dictionary: Target.tokens(tokens) + [[0xFF], [0xFF, 0xD8], [0xFF, 0xC0], [0x00]]) { input, _ in
            var outcome = Outcome()
            if let size = ImageHeader.size(of: input) {
                if !(1...1_000_000).contains(size.width) || !(1...1_000_000).contains(size.height) {
                    outcome.violations.append("an image size of \(size.width)x\(size.height)")
                }
                outcome.signature = "sized"
            } else {
                outcome.warnings = 1
            }
            return outcome
        }
    }

    private static let tokens = ["<svg", " width=\"", " height=\"", " viewBox=\"", "\"", ">", "<?xml ?>", "<!--", "-->",
                                 "<!DOCTYPE svg [", "]>", "px", "pt", "in", "%", "em", "e9", "-", ".", "IHDR", "GIF89a",
                                 "RIFF", "WEBPVP8 ", "WEBPVP8L", "WEBPVP8X", "Exif\0\0", "MM\0*", "II*\0", "BM"]

    /// One well-formed header of each kind the build reads.
    static var seeds: [[UInt8]] {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + [0, 0, 2, 128, 0, 0, 1, 224, 8, 6, 0, 0, 0]
        let tiff: [UInt8] = Array("MM".utf8) + [0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0]
        let exif = Array("Exif".utf8) + [0, 0] + tiff
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE1, 0, UInt8(exif.count + 2)] + exif
            + [0xFF, 0xC0, 0, 17, 8, 3, 0, 4, 0, 3] + [UInt8](repeating: 0, count: 9) + [0xFF, 0xD9]
        let webp = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8X".utf8) + [0, 0, 0, 0, 0, 0, 0, 0, 0x1F, 0x03, 0x00, 0x57, 0x02, 0x00]
        let svg = Array("<?xml version=\"1.0\"?>\n<!-- a plot -->\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"460.8pt\" viewBox=\"0 0 460.8 345.6\"><rect/></svg>\n".utf8)
        return [png, Array("GIF89a".utf8) + [0x2C, 0x01, 0x96, 0x00, 0, 0], jpeg, webp, svg]
    }
}
