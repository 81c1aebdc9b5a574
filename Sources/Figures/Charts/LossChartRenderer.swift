/// Draws a laid-out `LossChart`.
struct LossChartRenderer {
    let chart: LossChart
    let layout: LossChart.Layout
    let theme: ChartTheme

    static let lineWidth = 2.0
    /// Dash patterns (px) paired with the colours; series i gets the pair (i, i + i / colours), so
    /// series 0...35 all differ even where colours repeat.
    static let dashes: [[Double]] = [[], [7, 4], [2, 3], [9, 3, 2, 3], [4, 2], [12, 3, 2, 3, 2, 3]]
    /// Series with at most this many points also get a dot at each point.
    static let dotLimit = 30

    static func dash(for index: Int, colours: Int) -> [Double] {
        dashes[(index + index / max(colours, 1)) % dashes.count]
    }

    func style(for index: Int) -> StrokeStyle {
        StrokeStyle(width: Self.lineWidth, color: theme.seriesColor(index),
                    dash: Self.dash(for: index, colours: theme.series.count), cap: .butt, join: .round)
    }

    func drawing(format: Format, idPrefix: String) throws(FigureError) -> Drawing {
        let canvas = try Canvas(size: layout.size, format: format, idPrefix: idPrefix)
        let frame = layout.frame
        canvas.paint(theme.background)
        frame.drawGrid(on: canvas, theme: theme)
        let plot = frame.plot
        // A little room past the plot so a line along the edge is not cut in half.
        canvas.withClip(Rect(x: plot.minX - 3, y: plot.minY - 3, width: plot.width + 6, height: plot.height + 6)) {
            // The first series on top, except that a series of fewer points (a validation curve
            // measured every few steps) goes over a denser one (a noisy minibatch curve) it would vanish under.
            let order = layout.lines.indices.sorted { a, b in
                layout.pointCounts[a] != layout.pointCounts[b] ? layout.pointCounts[a] > layout.pointCounts[b] : a > b
            }
            for index in order {
                let line = layout.lines[index]
                let pen = style(for: index)
                if line.count >= 2 { canvas.polyline(line, style: pen) }
                if layout.pointCounts[index] <= Self.dotLimit {
                    for p in line { canvas.fillCircle(center: p, radius: line.count == 1 ? 3.5 : 2.6, color: pen.color) }
                }
            }
        }
        frame.drawAxes(on: canvas, theme: theme, title: chart.title, xTitle: chart.xLabel, yTitle: chart.yLabel, fullFrame: false)
        if layout.isEmpty {
            canvas.text(chart.noDataNote, at: plot.center,
                        style: ChartType.styled(ChartType.note, theme.muted, maxWidth: plot.width - 16), anchor: .center)
        }
        if let legend = layout.legend {
            let inside = legend.frame.minY >= plot.minY
            legend.draw(on: canvas, theme: theme, filled: inside) { key, rect in
                guard case .line(let index) = key else { return }
                var pen = style(for: index)
                pen.dashOffset = 0
                canvas.line(from: Point(x: rect.minX, y: rect.midY), to: Point(x: rect.maxX, y: rect.midY), style: pen)
            }
        }
        return Drawing(canvas: canvas)
    }
}
