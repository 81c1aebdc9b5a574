import Figures
import Foundation
import Testing
@testable import LessonsKit

/// Every chart of the course in a real browser, at a desktop and a phone width: shown at no
/// less than 0.85 (desktop) or 0.8 (phone) of the size it was drawn at, and its tick labels,
/// the smallest text of a chart, at least 11 CSS px tall (their size in the drawing times the
/// scale the page shows it at). Read from the course's one visit per width (`BrowsedCourse`).
@Suite(.enabled(if: chromium != nil, "skipped: chromium is not installed (make test installs it)"))
struct ChartScaleTests {
    @Test(arguments: [(1280, 0.85), (390, 0.8)])
    func everyChartIsShownNearTheSizeItWasDrawnAtWithLegibleTicks(width: Int, minimumScale: Double) throws {
        var measured = 0
        for visit in try BrowsedCourse.visits(width: width) {
            let page = visit.page
            for chart in visit.charts {
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
