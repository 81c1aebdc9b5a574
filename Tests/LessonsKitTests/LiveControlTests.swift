import Browser
import Foundation
@testable import Presentation
import Testing
@testable import LessonsKit

// The controls of an editable graph: the address round trip, a link that does not read, a value
// that leaves its function's domain, numbers written as the build writes them, and the keyboard.

private let lesson = """
    # Live

    ```graph dom
    x = 2
    param W = [[1, 2], [3, 4]]
    big = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]
    y = log(x) / x + sum(W) + sum(big)
    ```

    ```graph digits
    a = 1
    b = 1
    c = 1
    d = 1
    e = 1
    f = 1
    y = a + b + c + d + e + f
    ```
    """

private func built() throws -> Workspace {
    let workspace = try Workspace()
    try workspace.write("live.md", lesson)
    let report = workspace.build(workspace.lessons, output: workspace.output, useCache: false)
    #expect(report.succeeded, "\(report.diagnostics)")
    return workspace
}

/// Waits for the widget's live files, then runs `body` (JavaScript that ends with `done(value)`).
private func live(_ browser: ChromiumSession, _ id: String, _ body: String) throws -> String {
    let probe = """
        new Promise(function (done) {
          var w = document.getElementById("\(id)"), live = w.lessonsLive;
          var status = function () { return w.querySelector(".live-status").textContent; };
          var card = function (i) { return w.querySelector('.diagram .cell.value[data-node="' + i + '"]').textContent; };
          var type = function (field, text) { field.value = text; field.dispatchEvent(new Event("input", { bubbles: true })); };
          live.ready(function () { \(body) });
        })
        """
    return try #require(try awaitedProbe(browser, probe), "\(browser.consoleErrors)")
}

@Suite(.serialized, .enabled(if: chromium != nil, "skipped: chromium is not installed (make test installs it)"))
struct LiveControlTests {
    @Test func theAddressHoldsTheEditsAndALinkBringsThemBack() throws {
        let workspace = try built()
        let browser = try BrowserPool.take(viewport: (1280, 900))
        defer { BrowserPool.release(browser) }
        let page = workspace.output + "/live/index.html"
        try browser.open(page, fragment: "#graph-digits:a=3,b=-1")
        let opened = try live(browser, "graph-digits", """
            done(JSON.stringify([card(0), card(1), card(10), w.querySelector('input[data-node="0"]').value, status(), location.hash]));
            """)
        #expect(opened == ##"["value 3","value −1","value 6","3","Recomputed: y = 6.","#graph-digits:a=3,b=-1"]"##)
        // Typing in a field rewrites the address; Reset goes back to the lesson and its plain anchor.
        let typed = try live(browser, "graph-digits", """
            type(w.querySelector('input[type="number"][data-node="2"]'), "0.5");
            var after = location.hash;
            w.querySelector(".live-reset").click();
            done(JSON.stringify([after, location.hash, card(10), status(), w.querySelector(".live-reset").disabled]));
            """)
        #expect(typed == ##"["#graph-digits:a=3,b=-1,c=0.5","#graph-digits","value 6","Back to the lesson's values: y = 6.",true]"##)
        #expect(browser.consoleErrors.isEmpty, "\(browser.consoleErrors)")
    }

    @Test func aLinkThatDoesNotReadIsIgnoredPolitely() throws {
        let workspace = try built()
        let browser = try BrowserPool.take(viewport: (1280, 900))
        defer { BrowserPool.release(browser) }
        let page = workspace.output + "/live/index.html"
        for (fragment, why) in [("#graph-digits:a=x", "x is not a number"), ("#graph-digits:zz=1", "no editable zz"),
                                ("#graph-dom:W=1;2", "W takes 4 numbers"), ("#graph-dom:big=1", "no editable big")] {
            try browser.open(page, fragment: "?" + String(fragment.count) + fragment)
            let id = String(fragment.dropFirst().prefix { $0 != ":" })
            let shown = try live(browser, id, "done(JSON.stringify([status(), w.classList.contains('edited')]));")
            #expect(shown == "[\"The numbers in this link could not be read (\(why)); the lesson's values are shown.\",false]", "\(fragment)")
        }
        // An address that names no editable graph is not ours: nothing happens.
        try browser.open(page, fragment: "?other#nothing:a=1")
        #expect(browser.consoleErrors.isEmpty, "\(browser.consoleErrors)")
    }

    @Test func aValueOutsideItsDomainShowsAtItsNodeAndAValidEditClearsIt() throws {
        let workspace = try built()
        let browser = try BrowserPool.take(viewport: (1280, 900))
        defer { BrowserPool.release(browser) }
        try browser.open(workspace.output + "/live/index.html")
        let json = try live(browser, "graph-dom", """
            var field = w.querySelector('input[type="number"][data-node="0"]');
            var errors = function () { return Array.prototype.map.call(w.querySelectorAll(".diagram .live-error"), function (e) { return e.textContent; }); };
            var bad = function () { return Array.prototype.map.call(w.querySelectorAll(".node.live-bad"), function (e) { return e.dataset.node; }); };
            type(field, "-1");
            var negative = [errors()[0], bad()[0], status()];
            type(field, "0");
            var zero = [errors()[0], status()];
            type(field, "");
            var empty = [status(), field.getAttribute("aria-invalid")];
            type(field, "3");
            var fixed = [errors().length, bad().length, status()];
            // The walk still works: Next shows the first step.
            w.querySelector('[data-go="next"]').click();
            done(JSON.stringify({ negative: negative, zero: zero, empty: empty, fixed: fixed,
                                  step: w.querySelector(".steps > li.current .equation").textContent }));
            """)
        struct Seen: Decodable { var negative: [String]; var zero: [String]; var empty: [String?]; var fixed: [Value]; var step: String }
        enum Value: Decodable, Equatable {
            case n(Int), s(String)
            init(from d: Decoder) throws {
                let c = try d.singleValueContainer()
                if let i = try? c.decode(Int.self) { self = .n(i) } else { self = .s(try c.decode(String.self)) }
            }
        }
        let seen = try JSONDecoder().decode(Seen.self, from: Data(json.utf8))
        let message = "The value of u1 is NaN (not a number): log needs positive inputs."
        #expect(seen.negative == [message, "3", message])
        #expect(seen.zero == ["The value of u1 is infinite: log needs positive inputs.", "The value of u1 is infinite: log needs positive inputs."])
        #expect(seen.empty == ["x needs a number; the last one is kept.", "true"])
        #expect(seen.fixed.prefix(2) == [.n(0), .n(0)] && seen.fixed.last == .s("Recomputed: y = 163.4."))
        #expect(seen.step == "x = 3, an input")
        #expect(browser.consoleErrors.isEmpty, "\(browser.consoleErrors)")
    }

    @Test func numbersAreWrittenAsTheBuildWritesThem() throws {
        let workspace = try built()
        let browser = try BrowserPool.take(viewport: (1280, 900))
        defer { BrowserPool.release(browser) }
        let numbers = [1.0625, 1234.5, 9999.5, 0.00012345, 1e-5, 123456.0, -2.5e-7, 0.1, 1.0675, 98765.4321, 3.14159e300, -1.5]
        for chunk in stride(from: 0, to: numbers.count, by: 6) {
            let six = Array(numbers[chunk..<min(chunk + 6, numbers.count)])
            let link = zip(["a", "b", "c", "d", "e", "f"], six).map { "\($0)=\(LivePresentation.literal($1))" }.joined(separator: ",")
            try browser.open(workspace.output + "/live/index.html", fragment: "?\(chunk)#graph-digits:" + link)
            let json = try live(browser, "graph-digits", "done(JSON.stringify([0, 1, 2, 3, 4, 5].slice(0, \(six.count)).map(card)));")
            let cards = try JSONDecoder().decode([String].self, from: Data(json.utf8))
            #expect(cards == six.map { "value " + DisplayNumber.format($0) })
        }
    }

    @Test func everyControlIsLabelledAndReachedByTheKeyboard() throws {
        let workspace = try built()
        let page = workspace.page("live")
        // Without JavaScript the controls stay hidden; the print page has none.
        #expect(page.contains("<div class=\"live-edit\" hidden data-live=\"live/graph-dom.js\""))
        #expect(page.contains("role=\"status\" aria-live=\"polite\""))
        #expect(page.contains("too big to edit here"))
        let browser = try BrowserPool.take(viewport: (1280, 900))
        defer { BrowserPool.release(browser) }
        try browser.open(workspace.output + "/live/index.html")
        let unnamed = try #require(try browser.evaluate("""
            JSON.stringify(Array.prototype.filter.call(document.querySelectorAll(".live-edit input, .live-edit button"), function (c) {
              var label = c.id && document.querySelector('label[for="' + c.id + '"]');
              return !(c.getAttribute("aria-label") || (label && label.textContent.trim()));
            }).length)
            """) as? String)
        #expect(unnamed == "0")
        // Tab from the first widget reaches every field of its controls, in order, then Reset
        // (disabled until an edit, so skipped); arrow keys in a field leave the walk alone.
        _ = try browser.evaluate("document.getElementById('graph-dom').focus()")
        var reached: [String] = []
        for _ in 0..<8 {
            for type in ["keyDown", "keyUp"] {
                _ = try browser.page("Input.dispatchKeyEvent", ["type": type, "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9])
            }
            reached.append(try browser.evaluate("document.activeElement.getAttribute('aria-label') || document.activeElement.id") as? String ?? "")
        }
        #expect(Array(reached.prefix(6)) == ["graph-dom-live-0", "x, slider", "W, row 1, column 1", "W, row 1, column 2",
                                              "W, row 2, column 1", "W, row 2, column 2"], "\(reached)")
        let counter = "document.querySelector('#graph-dom .counter').textContent"
        let before = try browser.evaluate(counter) as? String
        _ = try browser.evaluate("document.querySelector('#graph-dom input[type=\"range\"]').focus()")
        for type in ["keyDown", "keyUp"] {
            _ = try browser.page("Input.dispatchKeyEvent", ["type": type, "key": "ArrowRight", "code": "ArrowRight", "windowsVirtualKeyCode": 39])
        }
        let after = try browser.evaluate(counter) as? String
        #expect(before?.hasPrefix("Overview") == true && after == before)
        // On paper nothing of this shows.
        _ = try browser.page("Emulation.setEmulatedMedia", ["media": "print"])
        #expect(try browser.evaluate("getComputedStyle(document.querySelector('.live-edit')).display") as? String == "none")
    }
}
