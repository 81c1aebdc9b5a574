import Foundation
import Testing
import Browser
@testable import LessonsKit

/// The deck each lesson page becomes at `#slide-<n>` (Script+Slides), driven with the keyboard in
/// Chromium at 1280x720: the keys move, the address follows, widgets split over slides come back
/// whole. (That no slide of the shipped course is cut off is `SlideFitTests`.)
@Suite(.serialized, .enabled(if: chromium != nil, "skipped: chromium is not installed (make test installs it)"))
final class SlidesBrowserTests {
    let course: SharedCourse
    /// From the pool (each test gets a new suite instance; starting Chromium for each cost a
    /// few seconds of CPU), given back when the test ends.
    let browser: ChromiumSession

    init() throws {
        course = try SharedCourse.get()
        browser = try BrowserPool.take(viewport: (1280, 720))
    }

    deinit { BrowserPool.release(browser) }

    private func value(_ expression: String) throws -> String { try browser.string(expression) }

    private func press(_ key: String, code: String, keyCode: Int, text: String? = nil) throws {
        try browser.press(key, code: code, keyCode: keyCode, text: text)
    }

    /// The slide on show: its number (from 1) and the address. The deck writes the address 100 ms
    /// after the last move; a timer set later for longer fires after it, however busy the machine.
    private func place() throws -> String {
        try value("""
            new Promise(function (done) { setTimeout(done, 150); }).then(function () { var all = Array.prototype.filter.call(document.querySelector('article.lesson').children,
              function (e) { return /lesson-header|slide|references/.test(e.className); });
              var i = all.findIndex(function (e) { return e.classList.contains('slide-current'); });
              return (i + 1) + ' ' + location.hash + ' ' + all.length; })
            """)
    }

    @Test func theKeysMoveThroughTheDeckAndTheAddressFollows() throws {
        try browser.open(course.output + "/chain-rule/index.html")
        #expect(try value("String(document.querySelector('.slides-link').hidden)") == "false", "no Slides link on the page")
        _ = try browser.evaluate("document.querySelector('.slides-link a').click()")
        _ = try value("new Promise(function (done) { setTimeout(function () { done(''); }, 100); })")  // hashchange comes after
        let first = try place().split(separator: " ")
        #expect(first.count == 3 && first[0] == "1" && first[1] == "#slide-1", "\(first)")
        let count = Int(first.last ?? "") ?? 0
        #expect(count >= 5, "chain-rule has \(count) slides")
        #expect(try value("getComputedStyle(document.querySelector('.site-header')).display") == "none")
        try press("ArrowRight", code: "ArrowRight", keyCode: 39)
        #expect(try place() == "2 #slide-2 \(count)")
        try press(" ", code: "Space", keyCode: 32, text: " ")
        try press("PageDown", code: "PageDown", keyCode: 34)
        #expect(try place() == "4 #slide-4 \(count)")
        try press("ArrowLeft", code: "ArrowLeft", keyCode: 37)
        try press("PageUp", code: "PageUp", keyCode: 33)
        #expect(try place() == "2 #slide-2 \(count)")
        try press("End", code: "End", keyCode: 35)
        #expect(try place() == "\(count) #slide-\(count) \(count)")
        try press("ArrowRight", code: "ArrowRight", keyCode: 39)
        #expect(try place() == "\(count) #slide-\(count) \(count)", "went past the last slide")
        try press("Home", code: "Home", keyCode: 36)
        #expect(try place() == "1 #slide-1 \(count)")
        // A reload keeps the place: the address alone says which slide (another page first, so it loads anew).
        try browser.open(course.output + "/index.html")
        try browser.open(course.output + "/chain-rule/index.html", fragment: "#slide-3")
        #expect(try place() == "3 #slide-3 \(count)")
        if let folder = ProcessInfo.processInfo.environment["SLIDES_SHOTS"] {
            // For looking: SLIDES_SHOTS=<folder> saves slides 1 and 3 at 1280x720 and 390x844, light and dark.
            for scheme in ["light", "dark"] {
                _ = try browser.page("Emulation.setEmulatedMedia", ["features": [["name": "prefers-color-scheme", "value": scheme]]])
                for (width, height) in [(1280, 720), (390, 844)] {
                    try browser.resize(width: width, height: height)
                    for n in [1, 3] {
                        try press("Home", code: "Home", keyCode: 36)
                        for _ in 1..<n { try press("ArrowRight", code: "ArrowRight", keyCode: 39) }
                        _ = try value("new Promise(function (done) { setTimeout(function () { done(''); }, 300); })")
                        try browser.screenshot().write(to: URL(fileURLWithPath: folder + "/slide\(n)-\(width)-\(scheme).png"))
                    }
                }
            }
            try browser.resize(width: 1280, height: 720)
            try press("Home", code: "Home", keyCode: 36)
            try press("ArrowRight", code: "ArrowRight", keyCode: 39)
            try press("ArrowRight", code: "ArrowRight", keyCode: 39)
        }
        try press("Escape", code: "Escape", keyCode: 27)
        #expect(try value("document.documentElement.classList.contains('deck') + location.hash") == "false")
        #expect(try value("getComputedStyle(document.querySelector('.site-header')).display") != "none")
    }

    /// The stage is 1280x720 in every window, so a phone gets the slides a desktop gets: in the
    /// deck the page's phone rules (narrow graph drawings, charts and type) give way. Activations
    /// (graphs and charts) had 45 slides at 390 px and 44 at 1280 before; chain-rule 30 and 28.
    @Test func aPhoneGetsTheSlidesADesktopGets() throws {
        defer { try? browser.resize(width: 1280, height: 720) }
        var counts: [String] = []
        for (width, height) in [(1280, 720), (390, 844)] {
            try browser.resize(width: width, height: height)
            try browser.open(course.output + "/index.html")
            try browser.open(course.output + "/activations/index.html", fragment: "#slide-1")
            counts.append(try place().split(separator: " ").last.map(String.init) ?? "?")
        }
        #expect(counts[0] == counts[1], "slides at 1280 px, then at 390 px: \(counts)")
        // Leaving the deck gives the phone its own drawing of the graph back.
        try press("Escape", code: "Escape", keyCode: 27)
        #expect(try value("getComputedStyle(document.querySelector('.diagram.narrow')).display") == "block")
    }

    @Test func thePresenterViewShowsTheNextSlideAndTheNotes() throws {
        try browser.open(course.output + "/chain-rule/index.html", fragment: "#presenter-2")
        #expect(try value("document.documentElement.className.indexOf('presenter') >= 0 ? 'yes' : 'no'") == "yes")
        #expect(try value("String(document.querySelectorAll('.deck-next .slide-preview').length)") == "1")
        #expect(try value("/\\d/.test(document.querySelector('.deck-clock').textContent) ? 'clock' : ''") == "clock")
        try press("ArrowRight", code: "ArrowRight", keyCode: 39)
        #expect(try place().hasPrefix("3 #presenter-3"))
    }

    /// A widget too tall for one slide is shown in parts on consecutive slides (the caption on
    /// each): the live widget moves to the slide on show, its walk still steps, and leaving the
    /// deck puts it back whole where the page has it.
    @Test func aTallWidgetIsShownInPartsAndComesBackWhole() throws {
        try browser.open(course.output + "/activations/index.html", fragment: "#slide-1")
        let count = Int(try place().split(separator: " ").last ?? "") ?? 0
        var parts: [Int] = []
        for n in 1...max(count, 1) {
            if n > 1 { try press("ArrowRight", code: "ArrowRight", keyCode: 39) }
            let holds = try value("""
                (function () { var s = document.querySelector('.slide-current'), m = s.querySelector(':scope > .deck-part');
                  if (!m) return 'no';
                  var w = m.nextElementSibling, shown = Array.prototype.filter.call(w.children, function (c) {
                    return getComputedStyle(c).display !== 'none'; });
                  return (w === m.deckWidget && w.parentNode === s ? 'here ' : 'elsewhere ') + shown.length + ' of ' + w.children.length
                    + ' ' + shown[0].tagName + ' ' + (shown.some(function (c) { return c.classList.contains('diagram-scroll'); }) ? 'diagram' : '-'); })()
                """)
            guard holds != "no" else { continue }
            parts.append(n)
            let words = holds.split(separator: " ")
            #expect(words.first == "here", "slide \(n): \(holds)")
            #expect(words.count == 6 && words[1] != words[3] && words[4] == "FIGCAPTION", "slide \(n) shows the whole widget or no caption: \(holds)")
            if words.last == "diagram" {
                let before = try value("document.querySelector('.slide-current .stepper .counter').textContent")
                _ = try browser.evaluate("document.querySelector('.slide-current .stepper [data-go=next]').click()")
                #expect(try value("document.querySelector('.slide-current .stepper .counter').textContent") != before,
                        "the walk does not step on slide \(n)")
            }
        }
        #expect(parts.count >= 4, "activations' tall widgets are split: \(parts)")
        try press("Escape", code: "Escape", keyCode: 27)
        #expect(try value("""
            (function () { var bad = 0;
              document.querySelectorAll('.deck-part').forEach(function (m) { if (m.deckHome && m.nextElementSibling !== m.deckWidget) bad++; });
              return bad + ' ' + document.querySelectorAll('.deck-off, .deck-copy').length; })()
            """) == "0 0", "a widget is not back whole in its place")
    }

    /// A diagram too tall for a readable slide (batch norm's graph) scrolls in its own box on
    /// the slide, and stepping through the walk keeps the current node's card in that box's view.
    @Test func aTallDiagramScrollsOnItsSlideAndTheWalkFollowsTheCurrentNode() throws {
        try browser.open(course.output + "/batch-norm/index.html", fragment: "#slide-1")
        let count = Int(try place().split(separator: " ").last ?? "") ?? 0
        var found = 0
        for n in 1...max(count, 1) where found == 0 {
            if n > 1 { try press("ArrowRight", code: "ArrowRight", keyCode: 39) }
            if try value("String(!!document.querySelector('.slide-current .deck-clamped'))") == "true" { found = n }
        }
        try #require(found > 0, "no slide of batch-norm has a scrolling diagram")
        let fit = try value("document.querySelector('.slide-current').dataset.fit")
        #expect((Double(fit) ?? 0) >= 0.75, "slide \(found) is scaled to \(fit)")
        // Steps through the whole walk: after each step the current card is inside the box
        // (with reduced motion the box scrolls at once, so no waiting is needed).
        _ = try browser.page("Emulation.setEmulatedMedia", ["features": [["name": "prefers-reduced-motion", "value": "reduce"]]])
        let report = try value("""
            (function () {
              var slide = document.querySelector('.slide-current'), box = slide.querySelector('.deck-clamped');
              var next = slide.querySelector('.stepper [data-go=next]'), out = [], k = 0;
              while (next && !next.disabled && k < 300) {
                next.click(); k++;
                var card = slide.querySelector('.diagram .node.current');
                if (card && card.getClientRects().length) {
                  var c = card.getBoundingClientRect(), b = box.getBoundingClientRect();
                  if (c.top < b.top - 1 || c.bottom > b.bottom + 1)
                    out.push(card.dataset.node + ' at ' + Math.round(c.top) + '..' + Math.round(c.bottom) + ' outside ' + Math.round(b.top) + '..' + Math.round(b.bottom));
                }
              }
              return out.length ? out.join('; ') : 'ok ' + k;
            })()
            """)
        #expect(report.hasPrefix("ok "), "cards out of view: \(report)")
        #expect((Int(report.dropFirst(3)) ?? 0) > 10, "the walk took \(report) steps")
    }
}
