import Foundation
import Testing
@testable import LessonsKit
@testable import Browser

/// Every page of the shipped course, in a real browser: not blank, no sideways scrolling on a
/// phone, every figure and formula present after load, no console errors; and every internal
/// link, image and fragment resolves.
@Suite(.serialized, .enabled(if: chromium != nil, "skipped: chromium is not installed (make test installs it)"))
struct PageChecksTests {
    /// The shipped course, built once for the whole test run (read only).
    let course: SharedCourse
    let pages: [String]

    init() throws {
        course = try SharedCourse.get()
        pages = ["index.html"] + Workspace.tree(at: course.output).keys.filter { $0.hasSuffix("/index.html") }.sorted()
    }

    private static let probe = """
        JSON.stringify({scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth,
          maths: document.querySelectorAll("math").length, figures: document.querySelectorAll("figure").length,
          broken: Array.prototype.slice.call(document.images).filter(function (i) {
            return i.loading !== "lazy" && !(i.complete && i.naturalWidth > 0); }).map(function (i) { return i.getAttribute("src"); })})
        """

    private struct Probe: Decodable { var scrollWidth: Int; var width: Int; var maths: Int; var figures: Int; var broken: [String] }

    @Test(arguments: [390, 1280])
    func everyPageRendersFullyWithoutErrorsOrSidewaysScrolling(width: Int) throws {
        let browser = try ChromiumSession(viewport: (width, 900))
        for page in pages {
            let path = course.output + "/" + page
            let html = try String(contentsOfFile: path, encoding: .utf8)
            try browser.open(path)
            let json = try #require(try browser.evaluate(Self.probe) as? String)
            let probe = try JSONDecoder().decode(Probe.self, from: Data(json.utf8))
            #expect(probe.scrollWidth <= probe.width, "\(page) at \(width) px scrolls sideways (\(probe.scrollWidth) > \(probe.width))")
            #expect(probe.maths == html.components(separatedBy: "<math").count - 1, "\(page): formulas after load")
            #expect(probe.figures == html.components(separatedBy: "<figure").count - 1, "\(page): figures after load")
            #expect(probe.broken.isEmpty, "\(page): images that did not load: \(probe.broken)")
            #expect(browser.consoleErrors.isEmpty, "\(page): \(browser.consoleErrors)")
            // The first screen: the whole page adds seconds a page and nothing to "not blank".
            let shot = try browser.screenshot(wholePage: ProcessInfo.processInfo.environment["LESSONS_SCREENSHOTS"] != nil)
            #expect(shot.count > 20_000, "\(page) at \(width) px looks blank (\(shot.count) bytes)")
            if let dir = ProcessInfo.processInfo.environment["LESSONS_SCREENSHOTS"] {
                try shot.write(to: URL(fileURLWithPath: dir).appendingPathComponent(page.replacingOccurrences(of: "/", with: "_") + "-\(width).png"))
            }
        }
    }

    @Test func everyInternalLinkImageAndFragmentResolves() throws {
        for page in pages {
            let path = course.output + "/" + page
            let html = try String(contentsOfFile: path, encoding: .utf8)
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            for target in Self.references(in: html) {
                if target.contains(":") || target.hasPrefix("//") { continue }
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let file = parts[0].isEmpty ? URL(fileURLWithPath: path) : folder.appendingPathComponent(String(parts[0]).removingPercentEncoding ?? String(parts[0]))
                #expect(FileManager.default.fileExists(atPath: file.standardizedFileURL.path), "\(page): \(target) does not exist")
                if parts.count == 2, !parts[1].isEmpty, file.pathExtension == "html",
                   let targetHTML = try? String(contentsOf: file, encoding: .utf8) {
                    let id = String(parts[1]).removingPercentEncoding ?? String(parts[1])
                    #expect(targetHTML.contains("id=\"\(id)\""), "\(page): \(target) has no element with that id")
                }
            }
        }
    }

    /// Every `href`, `src` and `srcset` value in a page.
    static func references(in html: String) -> [String] {
        var found: [String] = []
        for attribute in ["href=\"", "src=\"", "srcset=\""] {
            var rest = Substring(html)
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                found.append(String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
                rest = rest[end...]
            }
        }
        return found
    }
}
