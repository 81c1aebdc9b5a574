import Foundation
import Testing
@testable import LessonsKit

/// Every page of the shipped course, in a real browser: not blank, no sideways scrolling on a
/// phone, every figure and formula present after load, no console errors; and every internal
/// link, image and fragment resolves.
@Suite(.enabled(if: chromium != nil, "skipped: chromium is not installed (make test installs it)"))
struct PageChecksTests {
    /// The shipped course, built once for the whole test run (read only).
    let course: SharedCourse
    let pages: [String]

    init() throws {
        course = try SharedCourse.get()
        pages = BrowsedCourse.pages(of: course)
    }

    /// Read from the course's one visit per width (`BrowsedCourse`).
    @Test(arguments: [390, 1280])
    func everyPageRendersFullyWithoutErrorsOrSidewaysScrolling(width: Int) throws {
        let visits = try BrowsedCourse.visits(width: width)
        #expect(visits.map(\.page) == pages)
        for visit in visits {
            let page = visit.page
            let html = try String(contentsOfFile: course.output + "/" + page, encoding: .utf8)
            #expect(visit.scrollWidth <= visit.viewportWidth, "\(page) at \(width) px scrolls sideways (\(visit.scrollWidth) > \(visit.viewportWidth))")
            #expect(visit.maths == html.components(separatedBy: "<math").count - 1, "\(page): formulas after load")
            #expect(visit.figures == html.components(separatedBy: "<figure").count - 1, "\(page): figures after load")
            #expect(visit.brokenImages.isEmpty, "\(page): images that did not load: \(visit.brokenImages)")
            #expect(visit.consoleErrors.isEmpty, "\(page): \(visit.consoleErrors)")
            #expect(visit.screenshotBytes > 20_000, "\(page) at \(width) px looks blank (\(visit.screenshotBytes) bytes)")
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
