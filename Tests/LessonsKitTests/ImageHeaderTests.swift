import Foundation
import Site
import Testing
@testable import LessonsKit

/// The size of a teacher's image, read from the file's own header, lets the page reserve its box
/// before the image loads: slides split by measured heights, and the page does not jump.
struct ImageHeaderTests {
    static func png(width: UInt32, height: UInt32) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
            + bigEndian(width) + bigEndian(height) + [8, 6, 0, 0, 0]
    }

    static func bigEndian(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }

    /// A JPEG with an Exif orientation tag (big-endian TIFF) before its frame header.
    static func jpeg(width: UInt16, height: UInt16, orientation: UInt16? = nil) -> [UInt8] {
        var out: [UInt8] = [0xFF, 0xD8]
        out += [0xFF, 0xE0, 0, 16] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
        if let orientation {
            let tiff: [UInt8] = Array("MM".utf8) + [0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1,
                                                   UInt8(orientation >> 8), UInt8(orientation & 0xFF), 0, 0, 0, 0, 0, 0]
            let body = Array("Exif".utf8) + [0, 0] + tiff
            out += [0xFF, 0xE1, UInt8((body.count + 2) >> 8), UInt8((body.count + 2) & 0xFF)] + body
        }
        out += [0xFF, 0xC2, 0, 17, 8, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF), 3]
            + [UInt8](repeating: 0, count: 9)
        return out + [0xFF, 0xD9]
    }

    static func svg(_ rootAttributes: String, prologue: String = "") -> [UInt8] {
        Array((prologue + "<svg xmlns=\"http://www.w3.org/2000/svg\" \(rootAttributes)><rect width=\"9\" height=\"9\"/></svg>\n").utf8)
    }

    @Test func pngGifAndWebPGiveTheirPixelSize() {
        #expect(ImageHeader.size(of: Self.png(width: 640, height: 480)) == ImageSize(width: 640, height: 480))
        #expect(ImageHeader.size(of: Array("GIF89a".utf8) + [0x2C, 0x01, 0x96, 0x00, 0, 0, 0]) == ImageSize(width: 300, height: 150))
        let lossy = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8 ".utf8) + [0, 0, 0, 0]
            + [0, 0, 0, 0x9D, 0x01, 0x2A, 0x20, 0x03, 0x58, 0x02]
        #expect(ImageHeader.size(of: lossy) == ImageSize(width: 800, height: 600))
        // VP8L packs width-1 and height-1 in 14 bits each: 99 and 49.
        let bits: UInt32 = 99 | (49 << 14)
        let lossless = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8L".utf8) + [0, 0, 0, 0, 0x2F]
            + [UInt8(bits & 0xFF), UInt8(bits >> 8 & 0xFF), UInt8(bits >> 16 & 0xFF), UInt8(bits >> 24)]
        #expect(ImageHeader.size(of: lossless) == ImageSize(width: 100, height: 50))
        let extended = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8X".utf8) + [0, 0, 0, 0, 0, 0, 0, 0]
            + [0x1F, 0x03, 0x00, 0x57, 0x02, 0x00]
        #expect(ImageHeader.size(of: extended) == ImageSize(width: 800, height: 600))
    }

    @Test func jpegSizeComesFromItsFrameHeaderTurnedByItsOrientation() {
        #expect(ImageHeader.size(of: Self.jpeg(width: 1024, height: 768)) == ImageSize(width: 1024, height: 768))
        #expect(ImageHeader.size(of: Self.jpeg(width: 1024, height: 768, orientation: 1)) == ImageSize(width: 1024, height: 768))
        // Orientations 5 to 8 turn the picture a quarter: the browser shows it 768 wide.
        #expect(ImageHeader.size(of: Self.jpeg(width: 1024, height: 768, orientation: 6)) == ImageSize(width: 768, height: 1024))
    }

    @Test func svgSizeComesFromItsRootWidthHeightAndViewBox() {
        #expect(ImageHeader.size(of: Self.svg("width=\"560\" height=\"340\" viewBox=\"0 0 560 340\"")) == ImageSize(width: 560, height: 340))
        #expect(ImageHeader.size(of: Self.svg("viewBox='-10 -10 40,20' width='200'")) == ImageSize(width: 200, height: 100))
        #expect(ImageHeader.size(of: Self.svg("width=\"2in\" height=\"72pt\"")) == ImageSize(width: 192, height: 96))
        #expect(ImageHeader.size(of: Self.svg("width=\"120px\" height=\"80.6\"")) == ImageSize(width: 120, height: 81))
        let prologue = "\u{FEFF}<?xml version=\"1.0\"?>\n<!-- <svg width=\"1\" height=\"1\"> -->\n<!DOCTYPE svg [<!ENTITY x \"y\">]>\n"
        #expect(ImageHeader.size(of: Self.svg("width=\"64\" height=\"32\"", prologue: prologue)) == ImageSize(width: 64, height: 32))
    }

    @Test func unknownOrBrokenFilesHaveNoSize() {
        #expect(ImageHeader.size(of: []) == nil)
        #expect(ImageHeader.size(of: Array("not an image".utf8)) == nil)
        #expect(ImageHeader.size(of: Array(Self.png(width: 10, height: 10).prefix(20))) == nil)
        #expect(ImageHeader.size(of: Self.png(width: 0, height: 10)) == nil)
        #expect(ImageHeader.size(of: Array(Self.jpeg(width: 10, height: 10).prefix(12))) == nil)
        #expect(ImageHeader.size(of: Self.svg("width=\"50%\" height=\"3em\"")) == nil)
        #expect(ImageHeader.size(of: Self.svg("width=\"10\" viewBox=\"0 0 0 10\"")) == nil)
        // Without an absolute width or height an SVG has only a ratio, and the browser sizes it
        // from the page (as wide as there is room): stating a size would change how it looks.
        #expect(ImageHeader.size(of: Self.svg("viewBox=\"0 0 400 250\"")) == nil)
        #expect(ImageHeader.size(of: Self.svg("width=\"100%\" viewBox=\"0 0 300 100\"")) == nil)
        #expect(ImageHeader.size(of: Self.svg("width=\"1e400\" height=\"5\"")) == nil)
        #expect(ImageHeader.size(of: Array("<svg width=\"5\" height=".utf8)) == nil)
    }

    /// Every prefix and many corruptions of valid headers: an answer or nil, never a trap.
    @Test func corruptHeadersNeverTrap() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let valid = [Self.png(width: 3, height: 4), Self.jpeg(width: 5, height: 6, orientation: 8),
                     Self.svg("width=\"5\" viewBox=\"0 0 1 2\""), Array("GIF87a".utf8) + [1, 0, 1, 0]]
        for bytes in valid {
            for n in 0...bytes.count { _ = ImageHeader.size(of: Array(bytes.prefix(n))) }
            for _ in 0..<2000 {
                var b = bytes
                state = state &* 6364136223846793005 &+ 1442695040888963407
                b[Int(state >> 33) % b.count] = UInt8(truncatingIfNeeded: state >> 20)
                state = state &* 6364136223846793005 &+ 1442695040888963407
                b[Int(state >> 33) % b.count] = [0x00, 0xFF, 0x7F, 0x80][Int(state >> 13) & 3]
                _ = ImageHeader.size(of: b)
            }
        }
    }

    /// A built page gives the teacher's images their width and height, in Markdown and in HTML.
    @Test func builtPagesGiveLessonImagesTheirSize() throws {
        let w = try Workspace()
        try w.write("pictures/plot.svg", bytes: Self.svg("width=\"560\" height=\"340\""))
        try w.write("pictures/photo.png", bytes: Self.png(width: 800, height: 600))
        try w.write("pictures/broken.png", bytes: Array("PNG?".utf8))
        try w.buildLesson("figures.md", """
            ---
            title: Figures
            ---

            ![A plot](pictures/plot.svg)

            <figure><img src="pictures/photo.png" alt="Photo"></figure>

            <img src="pictures/photo.png" alt="Half" width="400">

            <img src="pictures/photo.png" alt="Own" width="10" height="10">

            ![Broken](pictures/broken.png)
            """)
        let page = w.page("figures")
        #expect(page.contains("<img src=\"media/pictures/plot.svg\" alt=\"A plot\" width=\"560\" height=\"340\" loading=\"lazy\">"))
        #expect(page.contains("<img src=\"media/pictures/photo.png\" alt=\"Photo\" width=\"800\" height=\"600\">"))
        #expect(page.contains("<img src=\"media/pictures/photo.png\" alt=\"Half\" width=\"400\" height=\"300\">"))
        #expect(page.contains("<img src=\"media/pictures/photo.png\" alt=\"Own\" width=\"10\" height=\"10\">"))
        #expect(page.contains("<img src=\"media/pictures/broken.png\" alt=\"Broken\" loading=\"lazy\">"))
    }
}
