import Foundation
import Testing
import Browser
@testable import LessonsKit

/// What Chromium showed of one page of the shared course at one window width, measured on a
/// single load: the page checks, the page weight, the diagram fit and the chart scale tests all
/// read it, so each page is loaded once per width for all of them, not once per test.
struct PageVisit: Sendable {
    /// The page's path in the output folder (`welcome/index.html`).
    let page: String
    let scrollWidth: Int, viewportWidth: Int
    /// `<math>` and `<figure>` elements after the page's scripts ran.
    let maths: Int, figures: Int
    /// Eager images that did not load.
    let brokenImages: [String]
    /// Console errors and uncaught exceptions, from the load to the last measurement.
    let consoleErrors: [String]
    /// Bytes of a PNG of the first screen (the whole page with `LESSONS_SCREENSHOTS`).
    let screenshotBytes: Int
    /// Every image as the page first shows it (see `ShownImage`).
    let images: [ShownImage]
    /// The graph widgets' boxes and drawings (none on a page without one).
    let diagrams: DiagramMeasure
    /// Every chart, loaded (charts are lazy): the file shown and its widths.
    let charts: [ShownChart]
}

/// An image before anything scrolled: which file it shows (the `<picture>` source the browser
/// picks), whether it is lazy, and whether it is in the first screen.
struct ShownImage: Decodable, Sendable { var file: String; var lazy: Bool; var inView: Bool }

/// A chart image: its file (`folder/name`), its width on the page and the width it was drawn at.
struct ShownChart: Decodable, Sendable { var file: String; var shown: Double; var natural: Double }

struct BrowseFailure: Error, CustomStringConvertible { let description: String }

/// The shared course's pages visited in Chromium, once per width per test run (like `SharedCourse`).
enum BrowsedCourse {
    private static let at1280 = visitAll(width: 1280)
    private static let at390 = visitAll(width: 390)
    /// A tablet width, between the diagrams' two drawings; only pages with a graph widget.
    private static let at800 = visitAll(width: 800) { $0.contains("graph-widget") }

    /// Every page (graph pages only at 800 px) at `width`: 1280, 800 or 390.
    static func visits(width: Int) throws -> [PageVisit] {
        switch width {
        case 1280: try at1280.get()
        case 800: try at800.get()
        case 390: try at390.get()
        default: throw BrowseFailure(description: "no browsed course at \(width) px")
        }
    }

    /// The course's pages: the index and every `<folder>/index.html`, sorted.
    static func pages(of course: SharedCourse) -> [String] {
        ["index.html"] + Workspace.tree(at: course.output).keys.filter { $0.hasSuffix("/index.html") }.sorted()
    }

    private static let measure = """
        JSON.stringify({scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth,
          maths: document.querySelectorAll("math").length, figures: document.querySelectorAll("figure").length,
          broken: Array.prototype.slice.call(document.images).filter(function (i) {
            return i.loading !== "lazy" && !(i.complete && i.naturalWidth > 0); }).map(function (i) { return i.getAttribute("src"); }),
          images: Array.prototype.slice.call(document.images).map(function (i) {
            var file = i.getAttribute("src"), picture = i.parentElement;
            if (picture && picture.tagName === "PICTURE") {
              var sources = picture.querySelectorAll("source");
              for (var k = 0; k < sources.length; k++) {
                var media = sources[k].getAttribute("media");
                if (!media || window.matchMedia(media).matches) { file = sources[k].getAttribute("srcset"); break; }
              }
            }
            var r = i.getBoundingClientRect();
            return {file: file, lazy: i.loading === "lazy",
                    inView: r.width > 0 && r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth};
          }),
          diagrams: \(DiagramMeasure.probe)})
        """

    /// Loads every chart (they are lazy), so it runs after everything else has been measured.
    private static let charts = """
        (async function () {
          var images = Array.prototype.slice.call(document.querySelectorAll("figure.chart img"));
          images.forEach(function (i) { i.loading = "eager"; });
          await Promise.all(images.map(function (i) {
            return i.complete && i.naturalWidth > 0 ? null : new Promise(function (done) { i.onload = i.onerror = done; });
          }));
          return JSON.stringify(images.map(function (i) {
            return {file: i.currentSrc.split("/").slice(-2).join("/"), shown: i.getBoundingClientRect().width, natural: i.naturalWidth};
          }));
        })()
        """

    private struct Measure: Decodable {
        var scrollWidth: Int; var width: Int; var maths: Int; var figures: Int; var broken: [String]
        var images: [ShownImage]; var diagrams: String
    }

    private static func visitAll(width: Int, only wanted: (String) -> Bool = { _ in true }) -> Result<[PageVisit], BrowseFailure> {
        do {
            let course = try SharedCourse.get()
            let browser = try BrowserPool.take(viewport: (width, 900))
            defer { BrowserPool.release(browser) }
            let screenshots = ProcessInfo.processInfo.environment["LESSONS_SCREENSHOTS"]
            var visits: [PageVisit] = []
            for page in pages(of: course) {
                let path = course.output + "/" + page
                guard wanted(try String(contentsOfFile: path, encoding: .utf8)) else { continue }
                try browser.open(path)
                guard let json = try browser.evaluate(measure) as? String else { throw BrowseFailure(description: "\(page): the probe did not run") }
                let m = try JSONDecoder().decode(Measure.self, from: Data(json.utf8))
                // The first screen: the whole page adds seconds a page and nothing to "not blank".
                let shot = try browser.screenshot(wholePage: screenshots != nil)
                if let screenshots {
                    try shot.write(to: URL(fileURLWithPath: screenshots)
                        .appendingPathComponent(page.replacingOccurrences(of: "/", with: "_") + "-\(width).png"))
                }
                let charts = try JSONDecoder().decode([ShownChart].self, from: Data(try browser.string(charts).utf8))
                visits.append(PageVisit(page: page, scrollWidth: m.scrollWidth, viewportWidth: m.width, maths: m.maths,
                                        figures: m.figures, brokenImages: m.broken, consoleErrors: browser.consoleErrors,
                                        screenshotBytes: shot.count, images: m.images,
                                        diagrams: try JSONDecoder().decode(DiagramMeasure.self, from: Data(m.diagrams.utf8)),
                                        charts: charts))
            }
            return .success(visits)
        } catch let failure as BrowseFailure {
            return .failure(failure)
        } catch {
            return .failure(BrowseFailure(description: "browsing the course at \(width) px: \(error)"))
        }
    }
}
