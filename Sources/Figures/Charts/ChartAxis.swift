import Foundation

/// How data values map to positions along an axis.
package enum AxisScale: Sendable, Hashable {
    /// Equal distances for equal differences.
    case linear
    /// Equal distances for equal ratios (base 10); only positive values have a position.
    case log
}

/// One resolved axis: scale, domain, tick values with their labels, unlabelled minor grid values.
struct ChartAxis: Sendable, Hashable {
    var scale: AxisScale
    var lo: Double
    var hi: Double
    var ticks: [DecimalNumber]
    var minor: [Double]

    var labels: [String] { ticks.map(TickFormat.compact) }

    /// Where `v` lies, 0 at `lo` and 1 at `hi` (outside for values beyond the domain);
    /// nil for NaN, infinities and, on a log axis, values <= 0.
    func fraction(_ v: Double) -> Double? {
        guard v.isFinite, scale == .linear || v > 0 else { return nil }
        let t = Self.transform(v, scale), tlo = Self.transform(lo, scale), thi = Self.transform(hi, scale)
        // Halves keep ±1e308 from overflowing.
        let span = thi / 2 - tlo / 2
        guard span > 0 else { return 0.5 }
        return (t / 2 - tlo / 2) / span
    }

    static func transform(_ v: Double, _ scale: AxisScale) -> Double {
        scale == .log ? log10(v) : v
    }

    static func inverse(_ t: Double, _ scale: AxisScale) -> Double {
        scale == .log ? pow(10, t) : t
    }

    /// What an axis is asked to cover, before ticks are chosen.
    struct Request: Sendable, Hashable {
        var scale: AxisScale
        /// Smallest and largest finite data values (positive for a log axis); may be equal.
        var dataLo: Double
        var dataHi: Double
        /// Fraction of the span added on each side so lines do not touch the frame.
        var padding: Double = 0
        /// Extend to the next tick outside when it is within this fraction of the span.
        var snap: Double = 0
        /// Keep the domain at or above 0 when the data is (steps, losses).
        var keepNonNegative: Bool = true
        /// Only whole-number ticks (training steps).
        var integer: Bool = false
    }

    /// Chooses domain and ticks for `request` with at most `maxCount` labelled ticks (and at least 2).
    static func make(_ request: Request, maxCount: Int) -> ChartAxis {
        let scale = request.scale
        let limit = 1e300
        var dataLo = request.dataLo.isFinite ? request.dataLo : 0
        var dataHi = request.dataHi.isFinite ? request.dataHi : 1
        if scale == .log {
            dataLo = min(max(dataLo, 1 / limit), limit)
            dataHi = min(max(dataHi, 1 / limit), limit)
        } else {
            dataLo = min(max(dataLo, -limit), limit)
            dataHi = min(max(dataHi, -limit), limit)
        }
        if dataLo > dataHi { swap(&dataLo, &dataHi) }
        let nonNegative = request.keepNonNegative && dataLo >= 0

        var tlo = transform(dataLo, scale), thi = transform(dataHi, scale)
        // A zero (or vanishing) span gets a sensible width around its value.
        let centre = tlo / 2 + thi / 2
        if scale == .log {
            if thi - tlo < 1e-9 { tlo = centre - 0.5; thi = centre + 0.5 }
        } else if thi / 2 - tlo / 2 <= max(abs(centre), 1e-290) * 5e-13 {
            let half = abs(centre) > 1e-290 ? abs(centre) * 0.1 : 0.5
            tlo = centre - half
            thi = centre + half
            if nonNegative && tlo < 0 { tlo = 0 }
        }
        let pad = (thi / 2 - tlo / 2) * 2 * max(request.padding, 0)
        tlo -= pad
        thi += pad
        if scale == .linear && nonNegative && tlo < 0 { tlo = 0 }
        let tLimit = transform(limit, scale)
        tlo = max(tlo, -tLimit)
        thi = min(thi, tLimit)
        var lo = inverse(tlo, scale), hi = inverse(thi, scale)

        let chosen: (ticks: [DecimalNumber], pattern: TickPattern)
        if scale == .log {
            let log = NiceTicks.log(lo, hi, maxCount: maxCount)
            chosen = (log.ticks, log.pattern)
        } else {
            chosen = NiceTicks.linear(lo, hi, maxCount: maxCount, minExponent: request.integer ? 0 : nil)
        }
        let pattern = chosen.pattern
        // Snap each end outwards to a tick when that costs little space.
        let span = thi - tlo
        if request.snap > 0 {
            let below = pattern.atOrBelow(lo).value
            if below < lo, (scale == .linear || below > 0), tlo - transform(below, scale) <= request.snap * span {
                lo = below
            }
            let above = pattern.atOrAbove(hi).value
            if above > hi, above.isFinite, transform(above, scale) - thi <= request.snap * span {
                hi = above
            }
        }
        var ticks = pattern.ticks(in: lo, hi)
        if ticks.count < 2 {
            // Too narrow for two ticks (a nearly constant series): widen to the ticks around it.
            let below = pattern.atOrBelow(lo), above = pattern.atOrAbove(hi)
            var newLo = below.value, newHi = above.value
            if newHi <= newLo { newHi = pattern.next(after: above).value }
            if scale == .log && newLo <= 0 { newLo = lo }
            if newHi.isFinite && newHi > newLo {
                lo = min(lo, newLo)
                hi = max(hi, newHi)
            }
            ticks = pattern.ticks(in: lo, hi)
        }
        let minor = scale == .log ? NiceTicks.minor(lo, hi, pattern: pattern, labelled: ticks) : []
        return ChartAxis(scale: scale, lo: lo, hi: hi, ticks: ticks, minor: minor)
    }
}

/// Margins, plot rectangle, both axes and where every axis text goes, for a chart with x and y axes.
struct PlotFrame: Sendable {
    var size: Size
    var plot: Rect
    var x: ChartAxis
    var y: ChartAxis
    var xLabelFrames: [Rect]
    var yLabelFrames: [Rect]
    var titleFrame: Rect?
    /// The band kept free between the title and the plot (`Request.reserveTop`), e.g. for a legend.
    var topBand: Rect?
    var xTitleFrame: Rect
    /// The bounding box of the rotated y-axis title.
    var yTitleFrame: Rect

    static let pad = 12.0
    static let tickLength = 4.0
    static let labelGap = 4.0
    static let titleGap = 6.0
    static let minXLabelGap = 14.0
    static let minYLabelGap = 4.0

    struct Request {
        var size: Size
        var title: String?
        var xTitle: String
        var yTitle: String
        var x: ChartAxis.Request
        var y: ChartAxis.Request
        /// Space kept free on the right, e.g. for a legend outside the plot.
        var reserveRight: Double = 0
        /// Space kept free above the plot (below the title).
        var reserveTop: Double = 0
        /// Equal data units on both axes (a decision boundary); the plot is centred in the space.
        var equalAspect: Bool = false
        /// Desired distance between ticks, in px.
        var xSpacing: Double = 80
        var ySpacing: Double = 40
    }

    /// A pixel position for data `(x, y)`, or nil if either has no position on its axis.
    func point(_ vx: Double, _ vy: Double) -> Point? {
        guard let fx = x.fraction(vx), let fy = y.fraction(vy) else { return nil }
        return Point(x: plot.minX + fx * plot.width, y: plot.maxY - fy * plot.height)
    }

    func xPixel(_ v: Double) -> Double? { x.fraction(v).map { plot.minX + $0 * plot.width } }
    func yPixel(_ v: Double) -> Double? { y.fraction(v).map { plot.maxY - $0 * plot.height } }

    /// Measures every text and lays the frame out.
    static func make(_ request: Request, ruler: Canvas) throws(FigureError) -> PlotFrame {
        let size = request.size
        let labelHeight = try ruler.measure("0123456789", style: ChartType.tick).height
        let xTitleHeight = try ruler.measure(request.xTitle.isEmpty ? " " : request.xTitle, style: ChartType.axisTitle).height
        let yTitleHeight = try ruler.measure(request.yTitle.isEmpty ? " " : request.yTitle, style: ChartType.axisTitle).height
        let titleHeight = try request.title.map { t throws(FigureError) in try ruler.measure(t, style: ChartType.title).height }

        // Vertical space first: it depends only on font heights, and the y ticks depend on it.
        var top = pad
        if let titleHeight { top += titleHeight + 8 }
        let bandTop = top
        top += max(request.reserveTop, 0) + labelHeight / 2
        let bottom = pad + (request.xTitle.isEmpty ? 0 : xTitleHeight + titleGap) + labelHeight + labelGap + tickLength
        top = top.rounded(.up)
        var plotHeight = (size.height - top - bottom).rounded(.down)
        guard plotHeight >= 20 else {
            throw FigureError(operation: "lay out chart", message: "height \(size.height) px leaves no room for the plot")
        }

        var y = try fittedY(request, length: plotHeight, labelHeight: labelHeight)
        var yLabelWidths = try widths(y.labels, ruler)
        let left = (pad + (request.yTitle.isEmpty ? 0 : yTitleHeight + titleGap)
            + (yLabelWidths.max() ?? 0) + labelGap + tickLength).rounded(.up)
        var right = pad + max(request.reserveRight, 0)
        var plotWidth = (size.width - left - right).rounded(.down)
        guard plotWidth >= 20 else {
            throw FigureError(operation: "lay out chart", message: "width \(size.width) px leaves no room for the plot")
        }
        var x = try fittedX(request, length: plotWidth, ruler: ruler)
        var xLabelWidths = try widths(x.labels, ruler)
        // The last label is centred on its tick; make room if it would stick out of the figure.
        if let last = x.ticks.last, let w = xLabelWidths.last, let f = x.fraction(last.value) {
            let overflow = left + f * plotWidth + w / 2 - (size.width - pad / 2 - max(request.reserveRight, 0))
            if overflow > 0 {
                right += overflow.rounded(.up)
                plotWidth = (size.width - left - right).rounded(.down)
                x = try fittedX(request, length: plotWidth, ruler: ruler)
                xLabelWidths = try widths(x.labels, ruler)
            }
        }

        var plot = Rect(x: left, y: top, width: plotWidth, height: plotHeight)
        if request.equalAspect {
            let xSpan = ChartAxis.transform(x.hi, x.scale) - ChartAxis.transform(x.lo, x.scale)
            let ySpan = ChartAxis.transform(y.hi, y.scale) - ChartAxis.transform(y.lo, y.scale)
            let aspect = xSpan / ySpan
            let box = plotWidth / plotHeight
            // Equal units are dropped when they would squash the plot to a sliver (ranges like 100 × 1).
            if xSpan > 0, ySpan > 0, xSpan.isFinite, ySpan.isFinite, aspect / box < 4, box / aspect < 4 {
                if plotWidth / plotHeight > aspect {
                    let w = max((plotHeight * aspect).rounded(), 20)
                    plot = Rect(x: (left + (plotWidth - w) / 2).rounded(), y: top, width: w, height: plotHeight)
                } else {
                    let h = max((plotWidth / aspect).rounded(), 20)
                    plot = Rect(x: left, y: (top + (plotHeight - h) / 2).rounded(), width: plotWidth, height: h)
                }
                plotWidth = plot.width
                plotHeight = plot.height
                x = try fittedX(request, length: plotWidth, ruler: ruler)
                xLabelWidths = try widths(x.labels, ruler)
                y = try fittedY(request, length: plotHeight, labelHeight: labelHeight)
                yLabelWidths = try widths(y.labels, ruler)
            }
        }

        var xFrames: [Rect] = []
        for (i, tick) in x.ticks.enumerated() {
            let px = plot.minX + (x.fraction(tick.value) ?? 0) * plot.width
            xFrames.append(Rect(x: px - xLabelWidths[i] / 2, y: plot.maxY + tickLength + labelGap,
                                width: xLabelWidths[i], height: labelHeight))
        }
        var yFrames: [Rect] = []
        for (i, tick) in y.ticks.enumerated() {
            let py = plot.maxY - (y.fraction(tick.value) ?? 0) * plot.height
            yFrames.append(Rect(x: plot.minX - tickLength - labelGap - yLabelWidths[i], y: py - labelHeight / 2,
                                width: yLabelWidths[i], height: labelHeight))
        }
        let xTitleFrame = Rect(x: plot.minX, y: plot.maxY + tickLength + labelGap + labelHeight + titleGap,
                               width: plot.width, height: xTitleHeight)
        let labelsLeft = yFrames.map(\.minX).min() ?? plot.minX - tickLength - labelGap
        let yTitleFrame = Rect(x: labelsLeft - titleGap - yTitleHeight, y: plot.minY, width: yTitleHeight, height: plot.height)
        // The title (and the reserved band) sit right above the plot, which equal aspect may have moved down.
        let shift = plot.minY - top
        let titleFrame = titleHeight.map { Rect(x: pad, y: pad + shift, width: size.width - 2 * pad, height: $0) }
        let topBand = request.reserveTop > 0
            ? Rect(x: pad, y: bandTop + shift, width: size.width - 2 * pad, height: request.reserveTop) : nil
        return PlotFrame(size: size, plot: plot, x: x, y: y, xLabelFrames: xFrames, yLabelFrames: yFrames,
                         titleFrame: titleFrame, topBand: topBand, xTitleFrame: xTitleFrame, yTitleFrame: yTitleFrame)
    }

    private static func widths(_ labels: [String], _ ruler: Canvas) throws(FigureError) -> [Double] {
        var out: [Double] = []
        for label in labels { out.append(try ruler.measure(label, style: ChartType.tick).width) }
        return out
    }

    /// The most y ticks whose labels keep a gap between them.
    private static func fittedY(_ request: Request, length: Double, labelHeight: Double) throws(FigureError) -> ChartAxis {
        var count = max(2, min(10, Int(length / request.ySpacing) + 1))
        while true {
            let axis = ChartAxis.make(request.y, maxCount: count)
            let positions = axis.ticks.map { (axis.fraction($0.value) ?? 0) * length }
            let tight = zip(positions, positions.dropFirst()).contains { $1 - $0 < labelHeight + minYLabelGap }
            if !tight || count <= 2 { return axis }
            count -= 1
        }
    }

    /// The most x ticks whose measured labels keep `minXLabelGap` between them.
    private static func fittedX(_ request: Request, length: Double, ruler: Canvas) throws(FigureError) -> ChartAxis {
        var count = max(2, min(12, Int(length / request.xSpacing) + 1))
        while true {
            let axis = ChartAxis.make(request.x, maxCount: count)
            let w = try widths(axis.labels, ruler)
            let positions = axis.ticks.map { (axis.fraction($0.value) ?? 0) * length }
            var tight = false
            for i in positions.indices.dropFirst() where positions[i] - positions[i - 1] < (w[i] + w[i - 1]) / 2 + minXLabelGap {
                tight = true
            }
            if !tight || count <= 2 { return axis }
            count -= 1
        }
    }
}

extension PlotFrame {
    /// A coordinate moved to the middle of a device pixel, so 1 px lines are crisp.
    static func crisp(_ v: Double) -> Double { v.rounded(.down) + 0.5 }

    /// Grid lines at the ticks (and fainter ones at the minor values), under the data.
    func drawGrid(on canvas: Canvas, theme: ChartTheme, minorToo: Bool = true) {
        let minorPen = StrokeStyle(width: 1, color: theme.minorGrid)
        let pen = StrokeStyle(width: 1, color: theme.grid)
        if minorToo {
            for v in y.minor where y.minor.count * 4 < Int(plot.height) {
                if let py = yPixel(v) {
                    canvas.line(from: Point(x: plot.minX, y: Self.crisp(py)), to: Point(x: plot.maxX, y: Self.crisp(py)), style: minorPen)
                }
            }
        }
        for tick in y.ticks {
            if let py = yPixel(tick.value) {
                canvas.line(from: Point(x: plot.minX, y: Self.crisp(py)), to: Point(x: plot.maxX, y: Self.crisp(py)), style: pen)
            }
        }
        for tick in x.ticks {
            if let px = xPixel(tick.value) {
                canvas.line(from: Point(x: Self.crisp(px), y: plot.minY), to: Point(x: Self.crisp(px), y: plot.maxY), style: pen)
            }
        }
    }

    /// Axis lines (left and bottom, or a full frame), tick marks, tick labels and titles.
    func drawAxes(on canvas: Canvas, theme: ChartTheme, title: String?, xTitle: String, yTitle: String, fullFrame: Bool) {
        let pen = StrokeStyle(width: 1, color: theme.axis)
        let left = Self.crisp(plot.minX - 1), bottom = Self.crisp(plot.maxY)
        if fullFrame {
            canvas.stroke(Rect(x: left, y: Self.crisp(plot.minY - 1), width: Self.crisp(plot.maxX) - left,
                               height: bottom - Self.crisp(plot.minY - 1)), style: pen)
        } else {
            canvas.line(from: Point(x: left, y: plot.minY), to: Point(x: left, y: bottom), style: pen)
            canvas.line(from: Point(x: left, y: bottom), to: Point(x: plot.maxX, y: bottom), style: pen)
        }
        let tickStyle = ChartType.styled(ChartType.tick, theme.text)
        for (i, tick) in x.ticks.enumerated() {
            guard let px = xPixel(tick.value) else { continue }
            canvas.line(from: Point(x: Self.crisp(px), y: bottom), to: Point(x: Self.crisp(px), y: bottom + Self.tickLength), style: pen)
            let frame = xLabelFrames[i]
            canvas.text(TickFormat.compact(tick), at: Point(x: frame.midX, y: frame.minY), style: tickStyle, anchor: TextAnchor(.center, .top))
        }
        for (i, tick) in y.ticks.enumerated() {
            guard let py = yPixel(tick.value) else { continue }
            canvas.line(from: Point(x: left - Self.tickLength, y: Self.crisp(py)), to: Point(x: left, y: Self.crisp(py)), style: pen)
            let frame = yLabelFrames[i]
            canvas.text(TickFormat.compact(tick), at: Point(x: frame.maxX, y: frame.midY), style: tickStyle, anchor: TextAnchor(.right, .middle))
        }
        let axisTitle = ChartType.styled(ChartType.axisTitle, theme.muted, maxWidth: plot.width)
        if !xTitle.isEmpty {
            canvas.text(xTitle, at: Point(x: xTitleFrame.midX, y: xTitleFrame.minY), style: axisTitle, anchor: TextAnchor(.center, .top))
        }
        if !yTitle.isEmpty {
            canvas.withSavedState {
                canvas.translate(by: Point(x: yTitleFrame.midX, y: yTitleFrame.midY))
                canvas.rotate(by: -Double.pi / 2)
                canvas.text(yTitle, at: .zero, style: ChartType.styled(ChartType.axisTitle, theme.muted, maxWidth: plot.height),
                            anchor: .center)
            }
        }
        if let title, let frame = titleFrame {
            canvas.text(title, at: Point(x: frame.midX, y: frame.minY),
                        style: ChartType.styled(ChartType.title, theme.text, maxWidth: frame.width), anchor: TextAnchor(.center, .top))
        }
    }
}

/// One axis of a chart's layout: its tick values, their labels and where the labels went.
package struct AxisTicks: Sendable {
    package var values: [Double]
    package var labels: [String]
    package var labelFrames: [Rect]
}

extension PlotFrame {
    /// The x axis's ticks as a layout reports them.
    var xTicks: AxisTicks { AxisTicks(values: x.ticks.map(\.value), labels: x.labels, labelFrames: xLabelFrames) }
    /// The y axis's ticks as a layout reports them.
    var yTicks: AxisTicks { AxisTicks(values: y.ticks.map(\.value), labels: y.labels, labelFrames: yLabelFrames) }
}
