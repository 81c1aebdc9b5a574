import Foundation
import Testing
import Browser
@testable import LessonsKit

/// The search indexes of the shipped course together weigh at most a tenth of its HTML (README
/// gives the figures), and no page shows a search box without JavaScript or names its index
/// other than its edition's.
@Test func theSearchIndexesAreAtMostATenthOfTheSitesHTML() throws {
    let course = try SharedCourse.get()
    let files = Workspace.tree(at: course.output)
    let html = files.filter { $0.key.hasSuffix(".html") }.values.reduce(0) { $0 + $1.count }
    let indexes = files.filter { $0.key.hasPrefix("assets/search-") }
    #expect(indexes.keys.sorted() == ["assets/search-en.js", "assets/search-zh.js"])
    let size = indexes.values.reduce(0) { $0 + $1.count }
    #expect(size * 10 <= html, "the indexes are \(size / 1000) KB, \(size * 100 / max(html, 1))% of \(html / 1000) KB of HTML")
    for (path, bytes) in files where path.hasSuffix("index.html") {
        let page = String(decoding: bytes, as: UTF8.self)
        #expect(page.contains("<div class=\"site-search\" role=\"search\" hidden"), "\(path) has no hidden search box")
        let edition = path.hasPrefix("zh") ? "zh" : "en"
        #expect(page.contains("assets/search-\(edition).js\""), "\(path) does not search its edition")
    }
}

@Suite(.serialized, .enabled(if: chromium != nil, "skipped: chromium is not installed (make test installs it)"))
final class SearchBrowserTests {
    let course: SharedCourse
    /// From the pool (each test gets a new suite instance; starting Chromium for each cost a
    /// few seconds of CPU), given back when the test ends.
    let browser: ChromiumSession

    init() throws {
        course = try SharedCourse.get()
        browser = try BrowserPool.take(viewport: (1280, 900))
    }

    deinit { BrowserPool.release(browser) }

    private func value(_ expression: String) throws -> String { try browser.string(expression) }

    private func press(_ key: String, code: String, keyCode: Int, text: String? = nil) throws {
        try browser.press(key, code: code, keyCode: keyCode, text: text)
    }

    /// Focuses the box with `/`, types `query`, and waits (however long the index takes to load)
    /// for results; returns the first result's place, snippet marks and link, and the count read out.
    private func search(_ query: String) throws -> [String: String] {
        try press("/", code: "Slash", keyCode: 191, text: "/")
        let focused = try value("document.activeElement.className + '|' + document.activeElement.value")
        #expect(focused == "search-input|", "`/` did not focus an empty box")
        _ = try browser.page("Input.insertText", ["text": query])
        let json = try value("""
            new Promise(function (done) {
              (function check() {
                var first = document.querySelector('.search-result');
                if (!first) { setTimeout(check, 20); return; }
                done(JSON.stringify({ where: first.querySelector('.search-where').textContent,
                  marks: Array.prototype.map.call(first.querySelectorAll('mark'), function (m) { return m.textContent; }).join('|'),
                  href: first.getAttribute('href'), count: document.querySelector('.search-count').textContent,
                  expanded: document.querySelector('.search-input').getAttribute('aria-expanded') }));
              })();
            })
            """)
        return try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
    }

    /// Presses Enter in the box and goes where the result it follows leads. The test browser keeps
    /// a tab on the page it opened (a script may not take it elsewhere), so the link Enter clicks
    /// is noted, then opened; within the page, the jump itself is seen.
    private func follow() throws -> (path: String, hash: String, target: Bool) {
        _ = try browser.evaluate("""
            window.followed = ''; document.addEventListener('click', function (e) {
              var a = e.target.closest && e.target.closest('a'); if (a) window.followed = a.href; }, true)
            """)
        let before = try value("location.href.split('#')[0]")
        try press("Enter", code: "Enter", keyCode: 13)
        let followed = try value("window.followed")
        let parts = followed.split(separator: "#", maxSplits: 1).map(String.init)
        let path = parts.first ?? ""
        let hash = parts.count > 1 ? "#" + parts[1] : ""
        if path != before {
            let file = try #require(URL(string: path)?.path)
            try browser.open(file, fragment: hash)
        }
        #expect(try value("location.hash") == hash)
        let target = try value("String(!!document.getElementById(decodeURIComponent(location.hash.slice(1))))") == "true"
        return (try value("location.href.split('#')[0]"), hash, target)
    }

    @Test func anEnglishTermFindsItsLessonAndItsSection() throws {
        try browser.open(course.output + "/index.html")
        #expect(try value("String(document.querySelector('.site-search').hidden)") == "false")
        #expect(try value("String(document.querySelectorAll('script[src*=\"search-\"]').length)") == "0", "the index loaded before use")
        let found = try search("chain rule")
        #expect(found["where"] == "The Chain Rule" && found["href"] == "chain-rule/index.html", "\(found)")
        #expect(found["marks"]?.lowercased().contains("chain") == true && found["expanded"] == "true")
        #expect(found["count"]?.hasSuffix(" results") == true)
        let page = try follow()
        #expect(page.path.hasSuffix("/chain-rule/index.html"))

        let section = try search("diagonal jacobian")
        #expect(section["where"] == "The Chain Rule › Elementwise operations: a diagonal Jacobian", "\(section)")
        let landed = try follow()
        #expect(landed.path.hasSuffix("/chain-rule/index.html") && landed.hash == "#elementwise-operations-a-diagonal-jacobian" && landed.target)
    }

    @Test func aChineseTermFindsTheChainRuleLesson() throws {
        try browser.open(course.output + "/zh/index.html")
        let found = try search("链式法则")
        #expect(found["where"] == "链式法则" && found["href"] == "../zh-chain-rule/index.html", "\(found)")
        #expect(found["marks"]?.contains("链式法则") == true && found["count"]?.hasSuffix("个结果") == true)
        #expect(try follow().path.hasSuffix("/zh-chain-rule/index.html"))

        let section = try search("对角")
        #expect(section["where"]?.hasPrefix("链式法则 › 逐元素运算") == true, "\(section)")
        let landed = try follow()
        #expect(landed.path.hasSuffix("/zh-chain-rule/index.html") && landed.hash.hasPrefix("#") && landed.target)
    }

    @Test func arrowKeysMoveThroughResultsAndEscapeCloses() throws {
        try browser.open(course.output + "/chain-rule/index.html")
        _ = try search("gradient")
        try press("ArrowDown", code: "ArrowDown", keyCode: 40)
        try press("ArrowDown", code: "ArrowDown", keyCode: 40)
        #expect(try value("document.querySelector('.search-input').getAttribute('aria-activedescendant')") == "search-result-1")
        #expect(try value("document.getElementById('search-result-1').getAttribute('aria-selected')") == "true")
        try press("ArrowUp", code: "ArrowUp", keyCode: 38)
        #expect(try value("document.querySelector('.search-input').getAttribute('aria-activedescendant')") == "search-result-0")
        try press("Escape", code: "Escape", keyCode: 27)
        #expect(try value("String(document.querySelector('.search-results').hidden) + document.querySelector('.search-input').getAttribute('aria-expanded')") == "truefalse")
        _ = try browser.page("Emulation.setEmulatedMedia", ["media": "print"])
        #expect(try value("getComputedStyle(document.querySelector('.site-search')).display") == "none")
        _ = try browser.page("Emulation.setEmulatedMedia", ["media": ""])
        if let folder = ProcessInfo.processInfo.environment["SEARCH_SHOTS"] {
            // For looking at the open list: SEARCH_SHOTS=<folder> saves the first screen at both widths.
            for (width, height) in [(1280, 800), (390, 800)] {
                try browser.resize(width: width, height: height)
                _ = try browser.evaluate("document.querySelector('.search-input').value = ''; document.activeElement.blur()")
                _ = try search("chain rule")
                let shot = try browser.page("Page.captureScreenshot", ["format": "png"])
                if let data = (shot["data"] as? String).flatMap({ Data(base64Encoded: $0) }) {
                    try data.write(to: URL(fileURLWithPath: folder + "/search-open-\(width).png"))
                }
            }
        }
    }
}
