import Foundation
import Testing
import Browser
@testable import LessonsKit

/// A deck printed to PDF and presented, in Chromium, on a small two-edition course: printed, each
/// slide is one landscape 1280x720 page (with or without `beforeprint`); the presenter window
/// opened with `P` follows the deck, and the deck follows it.
@Suite(.serialized, .enabled(if: chromium != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")
                             && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftoppm"),
                             "skipped: chromium or poppler-utils is not installed (make test installs them)"))
struct SlidesPrintBrowserTests {
    let workspace: Workspace
    let browser: ChromiumSession

    init() throws {
        workspace = try Workspace()
        try Self.writeCourse(workspace)
        let report = workspace.build(workspace.lessons, output: workspace.output)
        guard report.succeeded else { throw SharedCourseFailure(description: "\(report.diagnostics)") }
        browser = try ChromiumSession(viewport: (1280, 720))
    }

    static func writeCourse(_ w: Workspace) throws {
        let long = (1...9).map { "Paragraph \($0) of the long section, " + String(repeating: "with words that fill the slide ", count: 9) + "." }
        try w.write("course.yml", "title: Decks\ndescription: A deck course.\nlang: en\n")
        try w.write("deck.md", """
            ---
            title: Printed Deck
            order: 1
            summary: A deck printed one slide per page and presented.
            ---

            Opening words of the deck.

            ## First words

            Some words on the first slide.

            > Notes: greet the room first.

            ## The graph

            Here it is:

            ```graph chain
            x = 1.5
            y = x^2
            z = log(y)
            ```

            ## A long section

            \(long.joined(separator: "\n\n"))

            > Notes: the long one goes over two slides.

            """)
        let 长 = (1...9).map { "长段落第 \($0) 段，" + String(repeating: "这些文字把幻灯片填满，", count: 12) + "。" }
        try w.write("zh/course.yml", "title: 幻灯片\ndescription: 一门幻灯片课程。\nlang: zh-CN\n")
        try w.write("zh/deck.md", """
            ---
            title: 打印的幻灯片
            order: 1
            lang: zh-CN
            summary: 每页一张幻灯片打印，也能演讲。
            ---

            幻灯片的开场白。

            ## 第一张

            第一张幻灯片上的几句话。

            > 备注：先向大家问好。

            ## 计算图

            ```graph chain
            x = 1.5
            y = x^2
            z = log(y)
            ```

            ## 很长的一节

            \(长.joined(separator: "\n\n"))

            """)
    }

    private func value(_ expression: String, in session: String? = nil) throws -> String {
        try browser.string(expression, in: session)
    }

    private func right(in session: String? = nil) throws {
        try browser.press("ArrowRight", code: "ArrowRight", keyCode: 39, in: session)
    }

    /// Each slide of the deck on show, in order: its heading (the title on the first) and its notes.
    private static let slidesScript = """
        Array.prototype.filter.call(document.querySelector('article.lesson').children, function (e) {
          return /lesson-header|slide|references/.test(e.className); })
        """

    /// Prints the deck open in the browser; `withoutBeforePrint` stops the event before the page sees it.
    private func printDeck(withoutBeforePrint: Bool) throws -> String {
        if withoutBeforePrint {
            _ = try value("addEventListener('beforeprint', function (e) { e.stopImmediatePropagation(); }, true); ''")
            // The deck lays the other slides out in the background once one is shown.
            _ = try value("new Promise(function (done) { setTimeout(function () { done(''); }, 500); })")
        }
        _ = try value("window.printedOnce = 0; addEventListener('beforeprint', function () { window.printedOnce++; }); ''")
        let printed = try browser.page("Page.printToPDF", ["printBackground": true, "preferCSSPageSize": true])
        let data = try #require((printed["data"] as? String).flatMap { Data(base64Encoded: $0) })
        let file = workspace.root.appendingPathComponent("deck-\(UUID().uuidString).pdf").path
        try data.write(to: URL(fileURLWithPath: file))
        let fired = try value("String(window.printedOnce)")
        #expect(fired == (withoutBeforePrint ? "0" : "1"), "beforeprint under Page.printToPDF: \(fired)")
        return file
    }

    /// The PDF has one landscape slide-sized page per slide, in order, each with its own heading
    /// (a slide cut over two pages would add a page and shift the headings); printed in light and
    /// dark, with and without `beforeprint`, for an English and a Chinese deck. Print is always
    /// light (the stylesheet's print colours): a page's corner is white even when the screen is dark.
    @Test(arguments: ["deck", "zh-deck"]) func aDeckPrintsOneSlidePerLandscapePage(slug: String) throws {
        for scheme in ["light", "dark"] {
            _ = try browser.page("Emulation.setEmulatedMedia", ["features": [["name": "prefers-color-scheme", "value": scheme]]])
            // Another page first: the same address again would only move within the open document.
            try browser.open(workspace.output + "/index.html")
            try browser.open(workspace.output + "/\(slug)/index.html", fragment: "#slide-2")
            let headings = try value("""
                \(Self.slidesScript).map(function (s) {
                  var h = s.querySelector('h1, h2'); return (h ? h.textContent : '').replace(/#$/, '').replace(/\\s+/g, ' ').trim(); }).join('\\n')
                """).components(separatedBy: "\n")
            #expect(headings.count >= 6, "\(slug): \(headings)")
            let pdf = try printDeck(withoutBeforePrint: scheme == "dark")
            let raw = String(decoding: try Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self)
            let boxes = raw.components(separatedBy: "/MediaBox [").dropFirst().map { $0.prefix { $0 != "]" } }
            #expect(boxes.count == headings.count, "\(slug) \(scheme): \(boxes.count) pages for \(headings.count) slides")
            #expect(Set(boxes) == ["0 0 960 540"], "\(slug) \(scheme): pages are not 1280x720 px landscape: \(Set(boxes))")
            for (k, heading) in headings.enumerated() where !heading.isEmpty {
                let text = try run("/usr/bin/pdftotext", ["-f", "\(k + 1)", "-l", "\(k + 1)", pdf, "-"])
                #expect(text.replacingOccurrences(of: "\n", with: " ").contains(heading), "\(slug) \(scheme): page \(k + 1) lacks \(heading): \(text.prefix(200))")
            }
            // The graph's last part, its code, is printed too (on a slide after the diagram's).
            let all = try run("/usr/bin/pdftotext", [pdf, "-"])
            #expect(all.contains("log(y)"), "\(slug): the graph's code is not printed")
            _ = try run("/usr/bin/pdftoppm", ["-f", "2", "-l", "2", "-r", "8", "-x", "0", "-y", "0", "-W", "2", "-H", "2", "-singlefile", pdf, pdf])
            let corner = try Data(contentsOf: URL(fileURLWithPath: pdf + ".ppm"))
            #expect(corner.count > 3 && corner.suffix(3).allSatisfy { $0 > 240 }, "\(slug) \(scheme): a printed page is not white")
            if let folder = ProcessInfo.processInfo.environment["SLIDES_SHOTS"] {
                // For looking: SLIDES_SHOTS=<folder> keeps the PDF and its first pages as PNGs.
                try? FileManager.default.removeItem(atPath: "\(folder)/print-\(slug)-\(scheme).pdf")
                try FileManager.default.copyItem(atPath: pdf, toPath: "\(folder)/print-\(slug)-\(scheme).pdf")
                _ = try run("/usr/bin/pdftoppm", ["-png", "-r", "48", "-l", "8", pdf, "\(folder)/print-\(slug)-\(scheme)"])
            }
        }
    }

    /// `P` opens the presenter window; arrow keys in the deck move it to the same slide with the
    /// next slide's preview and the slide's notes, and keys in the presenter move the deck.
    @Test func thePresenterWindowFollowsTheDeckAndLeadsIt() throws {
        try browser.open(workspace.output + "/deck/index.html", fragment: "#slide-1")
        let count = Int(try value("String(\(Self.slidesScript).length)")) ?? 0
        #expect(count >= 6)
        try browser.press("p", code: "KeyP", keyCode: 80, text: "p")
        var presenter: String?
        for _ in 0..<2400 where presenter == nil {
            presenter = try browser.openedPage(addressContaining: "#presenter-")
            if presenter == nil { usleep(50_000) }
        }
        let session = try #require(presenter, "P opened no presenter window")
        _ = try browser.page("Runtime.enable", [:], in: session)
        _ = try browser.page("Emulation.setDeviceMetricsOverride", ["width": 1280, "height": 720, "deviceScaleFactor": 1, "mobile": false],
                             in: session)
        let describe = """
            (function () { var all = \(Self.slidesScript);
              var i = all.findIndex(function (e) { return e.classList.contains('slide-current'); });
              var heading = function (s) { var h = s && s.querySelector('h1, h2'); return h ? h.textContent.replace(/\\s+/g, ' ').trim() : '-'; };
              var preview = document.querySelector('.deck-next .slide-preview');
              var notes = Array.prototype.map.call(all[i] ? all[i].querySelectorAll('.slide-notes') : [], function (n) { return n.textContent.trim(); });
              return [i + 1, heading(all[i]), preview ? heading(preview) : heading(all[i + 1]), notes.join(' ')].join(' | '); })()
            """
        // The deck's own view of slide n (its next slide and notes), and the presenter's when it shows n.
        func presenterShows(_ n: Int) throws -> (deck: String, presenter: String) {
            let deck = try value(describe)
            // Polls until the presenter shows slide n: on a loaded machine its page may still be
            // loading, so a missing element means "not yet". The two minutes only stop a broken
            // presenter from hanging the run; a correct one answers within a frame or two.
            let shown = try value("""
                new Promise(function (done) { var t0 = Date.now();
                  (function check() {
                    var on = false;
                    try { on = document.documentElement.classList.contains('presenter') && location.hash === '#presenter-\(n)'
                      && document.querySelector('.deck-notes') !== null && document.readyState === 'complete'; } catch (e) {}
                    if (on || Date.now() - t0 > 120000) setTimeout(function () {
                      try { done(\(describe) + ' | ' + document.querySelector('.deck-notes').textContent.trim()); }
                      catch (e) { done('presenter failed: ' + e); } }, 50);
                    else setTimeout(check, 30); })(); })
                """, in: session)
            return (deck, shown)
        }
        var sawNotes = false
        for n in 1...count {
            if n > 1 { try right() }
            let (deck, shown) = try presenterShows(n)
            #expect(deck.hasPrefix("\(n) | "), "the deck is not on slide \(n): \(deck)")
            let parts = shown.components(separatedBy: " | ")
            #expect(parts.count == 5 && parts[0...3].joined(separator: " | ") == deck, "slide \(n): deck \(deck), presenter \(shown)")
            // The panel's notes are the slide's notes (the presenter's own copy, shown).
            #expect(parts.count == 5 && parts[4] == parts[3], "slide \(n): notes panel \(shown)")
            if parts.count == 5, parts[4].contains("greet the room first") { sawNotes = true }
            if n == 3, let folder = ProcessInfo.processInfo.environment["SLIDES_SHOTS"] {
                // For looking: SLIDES_SHOTS=<folder> saves the deck and the presenter at slide 3, light and dark.
                for scheme in ["light", "dark"] {
                    let media: [String: Any] = ["features": [["name": "prefers-color-scheme", "value": scheme]]]
                    _ = try browser.page("Emulation.setEmulatedMedia", media)
                    _ = try browser.page("Emulation.setEmulatedMedia", media, in: session)
                    _ = try value("new Promise(function (done) { setTimeout(function () { done(''); }, 300); })")
                    try browser.screenshot().write(to: URL(fileURLWithPath: "\(folder)/deck-slide3-\(scheme).png"))
                    let shot = try browser.page("Page.captureScreenshot", ["format": "png"], in: session)
                    try Data(base64Encoded: shot["data"] as? String ?? "")?.write(to: URL(fileURLWithPath: "\(folder)/presenter-slide3-\(scheme).png"))
                }
            }
        }
        #expect(sawNotes, "the presenter never showed the notes of 'First words'")
        // Keys in the presenter window move the deck.
        try browser.press("Home", code: "Home", keyCode: 36)
        _ = try presenterShows(1)
        try right(in: session)
        try right(in: session)
        let deck = try value("""
            new Promise(function (done) { var t0 = Date.now();
              (function check() { if (location.hash === '#slide-3' || Date.now() - t0 > 120000) done(location.hash); else setTimeout(check, 30); })(); })
            """)
        #expect(deck == "#slide-3", "the deck did not follow the presenter: \(deck)")
    }
}
