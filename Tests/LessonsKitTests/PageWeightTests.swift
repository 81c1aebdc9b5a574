import Foundation
import Testing
@testable import LessonsKit

/// The weight of the built course: the whole site at most 25 MB, so is each edition (one
/// language's pages and everything they load or link to, the shared traces, the index and our
/// assets), and the first view
/// of every page at most 400 KB: its HTML, stylesheet and scripts, and the images it loads for one
/// colour scheme (those not marked `loading="lazy"`, and the lazy ones in the first screen), at a
/// desktop and a phone width. README states the measured figures.
@Suite(.enabled(if: chromium != nil, "skipped: chromium is not installed (make test installs it)"))
struct PageWeightTests {
    static let siteLimit = 25_000_000
    static let editionLimit = 25_000_000
    static let firstViewLimit = 400_000

    let course: SharedCourse

    init() throws {
        course = try SharedCourse.get()
    }

    @Test func everyEditionIsAtMost25MB() throws {
        let files = Workspace.tree(at: course.output)
        var editions: [String: [String]] = [:]
        for (path, bytes) in files where path.hasSuffix("/index.html") && path.split(separator: "/").count == 2 {
            let html = String(decoding: bytes, as: UTF8.self)
            let lang = html.firstMatch(of: #/<html lang="(?<lang>[^"]+)"/#).map { String($0.output.lang) } ?? "?"
            editions[lang, default: []].append(String(path.dropLast("/index.html".count)))
        }
        #expect(editions.count >= 2, "the shipped course has an English and a Chinese edition")
        for (lang, folders) in editions.sorted(by: { $0.key < $1.key }) {
            var total = 0, shared: Set<String> = [], byKind: [String: Int] = [:]
            for (path, bytes) in files {
                let top = String(path.split(separator: "/").first ?? "")
                let counts = folders.contains(top) || top == "assets" || path == "index.html"
                if counts { total += bytes.count; byKind[(path as NSString).pathExtension, default: 0] += bytes.count }
                if folders.contains(top), path.hasSuffix(".html") {
                    let html = String(decoding: bytes, as: UTF8.self)
                    for match in html.matches(of: #/"\.\./(?<f>shared/[^"]+)"/#) { shared.insert(String(match.output.f)) }
                }
            }
            for path in shared { total += files[path]?.count ?? 0; byKind["shared", default: 0] += files[path]?.count ?? 0 }
            let kinds = byKind.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value / 1000) KB" }.joined(separator: ", ")
            #expect(total <= Self.editionLimit, "the \(lang) edition is \(total / 1000) KB (\(kinds))")
        }
    }

    @Test func theWholeSiteIsAtMost25MB() throws {
        let files = Workspace.tree(at: course.output)
        let total = files.values.reduce(0) { $0 + $1.count }
        var byKind: [String: Int] = [:]
        for (path, bytes) in files { byKind[(path as NSString).pathExtension, default: 0] += bytes.count }
        let kinds = byKind.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value / 1000) KB" }.joined(separator: ", ")
        #expect(total <= Self.siteLimit, "the site is \(total / 1000) KB (\(kinds))")
    }

    /// The editions run the same blocks, so their traces are one set of files.
    @Test func theEditionsShareTheirTraces() throws {
        let files = Workspace.tree(at: course.output)
        #expect(!files.keys.contains { $0.hasPrefix("zh-") && $0.contains("/trace/") }, "a Chinese lesson wrote its own trace")
        let shared = files.keys.filter { $0.hasPrefix("shared/") }
        #expect(!shared.isEmpty)
        // Each page read once for the shared files it links (searching every page for each of
        // some 250 shared files took 20 s).
        var linking: [String: [String]] = [:]
        for (page, bytes) in files where page.hasSuffix("/index.html") {
            let html = String(decoding: bytes, as: UTF8.self)
            for match in Set(html.matches(of: #/"\.\./(?<f>shared/[^"]+)"/#).map { String($0.output.f) }) {
                linking[match, default: []].append(page)
            }
        }
        for path in shared {
            #expect(linking[path, default: []].count >= 2, "\(path) is linked from \(linking[path, default: []].sorted())")
        }
    }

    /// Read from the course's one visit per width (`BrowsedCourse`): the images as loaded, before
    /// anything scrolled.
    @Test(arguments: [1280, 390])
    func theFirstViewOfEveryPageIsAtMost400KB(width: Int) throws {
        for visit in try BrowsedCourse.visits(width: width) {
            let page = visit.page
            let path = course.output + "/" + page
            let folder = (path as NSString).deletingLastPathComponent
            let html = try String(contentsOfFile: path, encoding: .utf8)
            var files: Set<String> = []
            for pattern in [#/<script src="(?<f>[^"]+)"/#, #/<link rel="stylesheet" href="(?<f>[^"]+)"/#] {
                for match in html.matches(of: pattern) { files.insert(String(match.output.f)) }
            }
            for image in visit.images where !image.lazy || image.inView {
                files.insert(image.file)
            }
            var total = html.utf8.count
            var parts = ["HTML \(html.utf8.count / 1000) KB"]
            for file in files.sorted() {
                let size = try #require(try FileManager.default.attributesOfItem(atPath: folder + "/" + file)[.size] as? Int, "\(page): \(file)")
                total += size
                parts.append("\(file) \(size / 1000) KB")
            }
            let inline = Self.inlineSliderData(html)
            let note = inline == 0 ? "" : total - inline <= Self.firstViewLimit
                ? "; over only because of \(inline / 1000) KB of inline slider data, which the widget branch moves to a file loaded on use"
                : "; over even without its \(inline / 1000) KB of inline slider data (which the widget branch moves out)"
            #expect(total <= Self.firstViewLimit, "\(page) at \(width) px: first view \(total / 1000) KB (\(parts.joined(separator: ", ")))\(note)")
        }
    }

    /// The bytes of the model widgets' inline step snapshots.
    static func inlineSliderData(_ html: String) -> Int {
        html.matches(of: #/<script type="application/json" class="snapshots">(?<data>[^<]*)</script>/#).reduce(0) { $0 + $1.output.data.utf8.count }
    }
}
