import Figures
import Foundation
import Testing
@testable import LessonsKit
import Browser

/// Every chart of the course in a real browser, at a desktop and a phone width: shown at no
/// less than 0.85 (desktop) or 0.8 (phone) of the size it was drawn at, and its tick labels,
/// the smallest text of a chart, at least 11 CSS px tall (their size in the drawing times the
/// scale the page shows it at).
@Suite(.serialized, .enabled(if: chromium != nil, "skipped: chromium is not installed (make test installs it)"))
struct ChartScaleTests {
    let course: SharedCourse

    init() throws {
        course = try SharedCourse.get()
    }

    /// Loads every chart (they are lazy) and reports, per chart, the file shown, its width on the
    /// page and the width it was drawn at.
    private static let probe = """
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

    private struct Chart: Decodable { var file: String; var shown: Double; var natural: Double }

    @Test(arguments: [(1280, 0.85), (390, 0.8)])
    func everyChartIsShownNearTheSizeItWasDrawnAtWithLegibleTicks(width: Int, minimumScale: Double) throws {
        let browser = try ChromiumSession(viewport: (width, 900))
        let pages = Workspace.tree(at: course.output).keys.filter { $0.hasSuffix("/index.html") }.sorted()
        var measured = 0
        for page in pages {
            let path = course.output + "/" + page
            guard try String(contentsOfFile: path, encoding: .utf8).contains("<figure class=\"chart ") else { continue }
            try browser.open(path)
            let result = try browser.page("Runtime.evaluate", ["expression": Self.probe, "returnByValue": true, "awaitPromise": true])
            let json = try #require((result["result"] as? [String: Any])?["value"] as? String, "\(page): \(result)")
            for chart in try JSONDecoder().decode([Chart].self, from: Data(json.utf8)) {
                measured += 1
                let scale = chart.shown / chart.natural
                let tick = ChartTheme.tickFontSize * scale
                #expect(chart.natural > 0 && scale >= minimumScale,
                        "\(page) at \(width) px: \(chart.file) is shown at \(chart.shown) px of \(chart.natural) (scale \(scale))")
                #expect(tick >= 11, "\(page) at \(width) px: \(chart.file)'s tick labels are \(tick) px tall")
                if width < 600, chart.natural > 400 {
                    Issue.record("\(page): a phone got the desktop drawing \(chart.file)")
                }
            }
        }
        #expect(measured >= 20, "only \(measured) charts found in the course")
    }
}
