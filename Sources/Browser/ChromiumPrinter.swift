import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Prints a page to PDF with headless Chromium, over the DevTools protocol on a pipe
/// (`--remote-debugging-pipe`: commands on fd 3, replies on fd 4, NUL-separated JSON), which,
/// unlike `--print-to-pdf`, allows a page-number footer without a date and a PDF outline.
package struct ChromiumPrinter {
    struct Failure: Error, CustomStringConvertible { let description: String }

    package init() {}

    static let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]

    /// The Chromium executable (`LESSONS_CHROMIUM` overrides the search), or nil when there is none.
    static var executable: String? {
        if let chosen = ProcessInfo.processInfo.environment["LESSONS_CHROMIUM"] {
            return FileManager.default.isExecutableFile(atPath: chosen) ? chosen : nil
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The PDF of `page` (a file path inside the folder `site`), A4, backgrounds printed,
    /// numbered pages, an outline; the page may load nothing from outside `site`.
    package func pdf(of page: String, site: String, footer: String) throws -> [UInt8] {
        let browser = try ChromiumSession(viewport: nil, site: site)
        try browser.open(page)
        let printed = try browser.page("Page.printToPDF", [
            "printBackground": true, "preferCSSPageSize": true, "displayHeaderFooter": true,
            "headerTemplate": "<span></span>", "footerTemplate": footer,
            "marginTop": 0.6, "marginBottom": 0.7, "marginLeft": 0.6, "marginRight": 0.6,
            "generateDocumentOutline": true, "generateTaggedPDF": true,
        ])
        guard let base64 = printed["data"] as? String, let data = Data(base64Encoded: base64) else {
            throw Failure(description: "Chromium did not print the page")
        }
        return Self.renumberedNodeIDs(Self.fixedDates([UInt8](data)))
    }

    /// Replaces the creation and modification dates with a fixed one of the same length, so the
    /// bytes (and the cross-reference offsets) do not depend on when the course was built.
    static func fixedDates(_ pdf: [UInt8]) -> [UInt8] {
        var bytes = pdf
        for key in ["/CreationDate (D:", "/ModDate (D:"] {
            let needle = Array(key.utf8)
            var i = 0
            while i + needle.count < bytes.count {
                if bytes[i] == needle[0], Array(bytes[i..<(i + needle.count)]) == needle {
                    var j = i + needle.count
                    var digit = 0
                    while j < bytes.count, bytes[j] != UInt8(ascii: ")") {
                        if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[j]) {
                            bytes[j] = Array("20000101000000000000".utf8)[min(digit, 19)]
                            digit += 1
                        }
                        j += 1
                    }
                    i = j
                } else {
                    i += 1
                }
            }
        }
        return bytes
    }

    /// Tagged PDFs name structure elements after Chromium's internal node numbers
    /// (`(node00000106)`), which differ between runs; renumber them in order of first appearance,
    /// keeping their length so the cross-reference offsets stay valid.
    static func renumberedNodeIDs(_ pdf: [UInt8]) -> [UInt8] {
        var bytes = pdf
        let prefix = Array("(node".utf8)
        // Keys are copied out of `bytes`: a slice would keep the buffer alive, so every replacement
        // below would copy the whole PDF, and the copies stayed alive as keys (the course's
        // handout took 20 GB and was killed).
        var mapping: [[UInt8]: [UInt8]] = [:]
        var i = 0
        while i + prefix.count + 9 <= bytes.count {
            guard bytes[i] == prefix[0], bytes[i..<(i + prefix.count)].elementsEqual(prefix) else { i += 1; continue }
            let start = i + prefix.count
            var end = start
            while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
            guard end < bytes.count, bytes[end] == UInt8(ascii: ")"), end > start else { i += 1; continue }
            let digits = Array(bytes[start..<end])
            let replacement = mapping[digits] ?? {
                let number = String(mapping.count + 1)
                let padded = String(repeating: "0", count: max(0, digits.count - number.count)) + number
                let new = Array(padded.utf8.suffix(digits.count))
                mapping[digits] = new
                return new
            }()
            bytes.replaceSubrange(start..<end, with: replacement)
            i = end
        }
        return bytes
    }
}
