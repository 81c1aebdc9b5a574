import Foundation
import Testing
@testable import LessonsKit
import Browser

/// Per graph widget: its diagram box, the content in it, and the drawing shown and at what size.
struct DiagramMeasure: Decodable {
    struct Widget: Decodable {
        var id: String; var drawing: String
        var box: Double; var content: Double; var room: Double; var natural: Double; var shown: Double; var toggle: Bool
        var scale: Double { natural > 0 ? shown / natural : 0 }
    }
    var widgets: [Widget]
    var scrollWidth: Int
    var viewportWidth: Int

    /// Run in the page: the drawing shown is the one with a box (the stylesheet hides the other).
    static let probe = """
        JSON.stringify({
          widgets: Array.prototype.map.call(document.querySelectorAll(".graph-widget"), function (widget) {
            var box = widget.querySelector(".diagram-scroll");
            var shown = Array.prototype.filter.call(widget.querySelectorAll(".diagram"), function (d) { return d.getClientRects().length > 0; })[0];
            var img = shown ? shown.querySelector("img") : null;
            var bar = widget.querySelector(".diagram-bar");
            var style = getComputedStyle(box);
            return { id: widget.id, drawing: shown ? shown.className.replace("diagram ", "") : "",
                     box: box.clientWidth, content: box.scrollWidth,
                     room: box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
                     natural: shown ? parseFloat(shown.dataset.width) : 0, shown: img ? img.getBoundingClientRect().width : 0,
                     toggle: bar ? !bar.hidden : false };
          }),
          scrollWidth: document.documentElement.scrollWidth, viewportWidth: window.innerWidth
        })
        """
}

func measureDiagrams(_ page: String, in browser: ChromiumSession) throws -> DiagramMeasure {
    try browser.open(page)
    let json = try #require(try browser.evaluate(DiagramMeasure.probe) as? String, "\(page): the probe did not run")
    return try JSONDecoder().decode(DiagramMeasure.self, from: Data(json.utf8))
}

/// The acceptance of responsive diagrams: at 1280 and 390 px, no graph widget scrolls sideways
/// (content at most 1.05 of its box) and its drawing is shown at 0.8 (desktop) or 0.6 (phone)
/// of its size or more; the fit toggle is shown only when a drawing is wider than its box.
func expectDiagramsFit(_ page: String, in browser: ChromiumSession, width: Int, name: String) throws {
    expectDiagramsFit(try measureDiagrams(page, in: browser), width: width, name: name)
}

/// The same, on a page already measured.
func expectDiagramsFit(_ report: DiagramMeasure, width: Int, name: String) {
    #expect(report.viewportWidth == width)
    let least = width >= 1000 ? 0.8 : 0.6
    #expect(!report.widgets.isEmpty, "\(name): no graph widget")
    for w in report.widgets {
        #expect(w.content <= 1.05 * w.box, "\(name) \(w.id) at \(width) px: content \(w.content) in a box of \(w.box)")
        #expect(w.scale >= least, "\(name) \(w.id) at \(width) px: \(w.drawing) drawing (\(w.natural) px) shown at \(w.scale)")
        #expect(w.toggle == (w.natural > w.room + 0.5), "\(name) \(w.id) at \(width) px: toggle \(w.toggle), \(w.natural) px in \(w.room)")
    }
    #expect(report.scrollWidth <= report.viewportWidth, "\(name) at \(width) px: the page scrolls sideways")
}

@Suite(.enabled(if: chromium != nil, "skipped: chromium is not installed (make test installs it)"))
struct DiagramFitTests {
    /// 800 px (a tablet) is between the two drawings: the script picks the one shown larger.
    /// Read from the course's one visit per width (`BrowsedCourse`).
    @Test(arguments: [1280, 800, 390])
    func everyShippedGraphFitsItsBox(width: Int) throws {
        var measured = 0
        for visit in try BrowsedCourse.visits(width: width) where !visit.diagrams.widgets.isEmpty {
            expectDiagramsFit(visit.diagrams, width: width, name: visit.page)
            measured += 1
        }
        #expect(measured >= 10)
    }

    /// Graphs no shipped lesson has: a ten-layer net, a 60-node hand-written graph, and many
    /// small scalars as in micrograd's tests.
    @Test func largeGraphsNobodyWroteYetFitToo() throws {
        let w = try Workspace()
        try w.write("course.yml", "title: Large graphs\n")
        try w.write("big.md", LargeGraphs.lesson)
        let report = w.build(w.lessons, output: w.output, jobs: 2)
        try #require(report.succeeded, "\(report.diagnostics)")
        let page = w.output + "/big/index.html"
        let browser = try BrowserPool.take(viewport: (1280, 900))
        defer { BrowserPool.release(browser) }
        try expectDiagramsFit(page, in: browser, width: 1280, name: "big")
        try browser.resize(width: 390, height: 900)
        let measure = try measureDiagrams(page, in: browser)
        expectDiagramsFit(measure, width: 390, name: "big")
        #expect(Set(measure.widgets.map(\.id)) == ["model-ten", "graph-sixty", "graph-micrograd"])
        #expect(measure.widgets.allSatisfy { $0.drawing == "narrow" }, "each of these is too wide for a phone in its main drawing")
    }
}

/// A lesson of large graphs, written as a teacher might.
enum LargeGraphs {
    static var lesson: String {
        var text = "---\ntitle: Large graphs\n---\n\nA deep net.\n\n```model ten\ndata moons(n: 20, noise: 0.1)\nlayers 2"
        text += String(repeating: " -> 4 tanh", count: 10) + " -> 1\nloss = bce_logits(out, y)\ntrain sgd(lr: 0.1) epochs 2 seed 0\n```\n\n"
        text += "Sixty nodes.\n\n```graph sixty\n" + sixty + "```\n\nMicrograd's scalars.\n\n```graph micrograd\n" + micrograd + "```\n"
        return text
    }

    /// Eight inputs, then 52 operations, each on the one before and an input or one further back.
    static var sixty: String {
        var lines = (0..<8).map { "x\($0) = \(Double($0 % 5) / 4 - 0.5)" }
        var names = lines.map { String($0.prefix { $0 != " " }) }
        for k in 0..<52 {
            let a = names[names.count - 1], b = k < 7 ? names[k] : names[names.count - 2 - (k * 5) % 9]
            let name = "n\(k)"
            switch k % 3 {
            case 0: lines.append("\(name) = \(a) + \(b)")
            case 1: lines.append("\(name) = \(a) * \(b)")
            default: lines.append("\(name) = \(a) - \(b)")
            }
            names.append(name)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// After micrograd's test_more_ops, one operation a line.
    static let micrograd = """
    a = -4.0
    b = 2.0
    c = a + b
    ab = a * b
    b3 = b^3
    d = ab + b3
    c1 = c + 1
    c2 = c + c1
    c3 = c2 - a
    c4 = c + c3
    d2 = d * 2
    bad = b + a
    r = relu(bad)
    d3 = d2 + r
    d4 = d + d3
    e = c4 - d4
    f = e^2
    g = f / 2
    h = 10 / f
    i = g + h
    j = i + d4
    k = j * c4
    l = tanh(k / 100)
    m = l + e
    n = m * m
    o = n + g

    """
}

/// The toggle and the walk in a real browser, on a phone, with reduced motion (so scrolling is
/// immediate and the test waits for nothing).
@Suite(.serialized, .enabled(if: chromium != nil, "skipped: chromium is not installed (make test installs it)"))
struct DiagramWalkViewTests {
    private static let walk = """
        (function () {
          var widget = document.getElementById("graph-three_paths");
          var box = widget.querySelector(".diagram-scroll");
          var toggle = widget.querySelector(".fit-toggle");
          var fitted = { scroll: box.scrollWidth, client: box.clientWidth, bar: !widget.querySelector(".diagram-bar").hidden };
          toggle.click();
          var actual = { scroll: box.scrollWidth, client: box.clientWidth, pressed: toggle.getAttribute("aria-pressed") };
          var next = widget.querySelector("[data-go=next]");
          var outside = [];
          var steps = widget.querySelectorAll(".steps > li").length;
          for (var k = 0; k < steps; k++) {
            next.click();
            var card = widget.querySelector(".diagram.narrow .node.current");
            var c = card.getBoundingClientRect(), b = box.getBoundingClientRect();
            if (c.left < b.left - 0.5 || c.right > b.right + 0.5) outside.push(card.dataset.node);
          }
          return JSON.stringify({ fitted: fitted, actual: actual, outside: outside, steps: steps, page: window.scrollX });
        })()
        """

    private struct Result: Decodable {
        struct Fitted: Decodable { var scroll: Double; var client: Double; var bar: Bool }
        struct Actual: Decodable { var scroll: Double; var client: Double; var pressed: String }
        var fitted: Fitted; var actual: Actual; var outside: [String]; var steps: Int; var page: Double
    }

    @Test func actualSizeScrollsAndTheWalkKeepsEachCardInTheBox() throws {
        let course = try SharedCourse.get()
        let browser = try BrowserPool.take(viewport: (390, 900))
        defer { BrowserPool.release(browser) }
        _ = try browser.page("Emulation.setEmulatedMedia", ["features": [["name": "prefers-reduced-motion", "value": "reduce"]]])
        try browser.open(course.output + "/chain-rule/index.html")
        let json = try #require(try browser.evaluate(Self.walk) as? String)
        let result = try JSONDecoder().decode(Result.self, from: Data(json.utf8))
        #expect(result.fitted.bar && result.fitted.scroll <= result.fitted.client, "fitted: no sideways scrolling, toggle shown")
        #expect(result.actual.pressed == "true" && result.actual.scroll > result.actual.client, "actual size scrolls sideways")
        #expect(result.steps >= 12 && result.outside.isEmpty, "cards left out of view: \(result.outside)")
        #expect(result.page == 0, "the page itself never scrolls sideways")
    }
}
