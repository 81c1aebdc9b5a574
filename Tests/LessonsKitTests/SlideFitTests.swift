import Foundation
import Testing
import Browser
@testable import LessonsKit

/// Every slide of every lesson of the shipped course fits its 1280x720 stage without scrolling:
/// long sections are split into continuation slides, and what is still too big is scaled down;
/// the counts are printed. One edition per case, each in its own Chromium, so the two run side
/// by side (this walks over a thousand slides).
@Suite(.enabled(if: chromium != nil, "skipped: chromium is not installed (make test installs it)"))
struct SlideFitTests {
    /// Walks the deck of the page open at `#slide-1` to its end inside the page (a round trip to
    /// Chromium per slide made this test minutes long): each slide is shown with the key the
    /// deck reads, then measured once the images drawn on it have loaded. The deck's own `load`
    /// listener, added when the slide was shown, refits the slide before ours runs.
    private static let walk = """
        (async function () {
          var article = document.querySelector('article.lesson');
          var all = Array.prototype.filter.call(article.children, function (e) {
            return /lesson-header|slide|references/.test(e.className); });
          var loaded = function (i) { return new Promise(function (done) {
            i.addEventListener('load', done, { once: true }); i.addEventListener('error', done, { once: true }); }); };
          await document.fonts.ready;
          var out = [];
          for (var n = 1; n <= all.length; n++) {
            if (n > 1) document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
            var s = document.querySelector('.slide-current');
            if (!s || all.indexOf(s) !== n - 1) { out.push('lost ' + (all.indexOf(s) + 1)); break; }
            // Images drawn on the slide (a hidden or lazy one elsewhere never loads).
            await Promise.all(Array.prototype.filter.call(s.querySelectorAll('img'), function (i) {
              return !i.complete && i.getClientRects().length > 0; }).map(loaded));
            var style = getComputedStyle(s);
            out.push([s.scrollHeight <= s.clientHeight + 1 && s.scrollWidth <= s.clientWidth + 1 ? 'fits' : 'over',
              s.dataset.fit, style.overflowY, s.clientWidth + 'x' + s.clientHeight,
              // Scrolled to the end, the end shows: nothing is out of reach.
              (function () { s.scrollTop = s.scrollHeight; var end = s.scrollTop + s.clientHeight >= s.scrollHeight - 1;
                s.scrollTop = 0; return end ? 'reachable' : 'cut'; })(),
              Array.prototype.some.call(s.querySelectorAll('.diagram-scroll, .table-wrap'), function (b) {
                return b.getClientRects().length > 0; }) ? 'boxed' : 'free'].join(' '));
          }
          return JSON.stringify(out);
        })()
        """

    @Test(arguments: ["English", "Chinese"])
    func noSlideOfTheShippedCourseOverflowsAt1280x720(edition: String) throws {
        let course = try SharedCourse.get()
        // A Chromium of its own: the deck splits sections when it opens, and a lesson image
        // without a size is measured only once it loads, which a reused browser may have cached.
        let browser = try ChromiumSession(viewport: (1280, 720))
        let pages = Workspace.tree(at: course.output)
            .filter { $0.key.hasSuffix("/index.html") && String(decoding: $0.value, as: UTF8.self).contains("class=\"slides-link\"") }
            .keys.filter { $0.hasPrefix("zh") == (edition == "Chinese") }.sorted()
        #expect(pages.count >= 10)
        var checked = 0, scaled = 0, small: [String] = []
        for page in pages {
            try browser.open(course.output + "/" + page, fragment: "#slide-1")
            let slides = try JSONDecoder().decode([String].self, from: Data(try browser.string(Self.walk).utf8))
            #expect(slides.count >= 3, "\(page) has \(slides.count) slides")
            for (i, fit) in slides.enumerated() {
                let n = i + 1, parts = fit.split(separator: " ").map(String.init)
                checked += 1
                #expect(parts.count == 6 && parts[3] == "1280x720", "\(page) slide \(n): \(fit)")
                #expect(parts.first == "fits", "\(page) slide \(n) overflows its stage: \(fit)")
                if parts.first == "fits", parts.count > 1, parts[1] != "1" { scaled += 1 }
                if parts.count > 1, let z = Double(parts[1]), z < 0.8 { small.append("\(page)#slide-\(n) at \(z)") }
                // A tall diagram or table scrolls in its own box rather than shrinking the slide out
                // of reading (slides of charts alone may still be scaled further; they are listed).
                if parts.count == 6, parts[5] == "boxed", let z = Double(parts[1]) {
                    #expect(z >= 0.5, "\(page) slide \(n) is shown at \(z) of its size")
                }
            }
        }
        print("slides (\(edition)): \(checked) checked, \(scaled) scaled to fit, \(small.count) below 80%: \(small)")
        #expect(checked > pages.count * 3)
    }
}
