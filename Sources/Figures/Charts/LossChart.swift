/// A loss curve: one or more named series of (step, value) points on shared axes.
///
/// The y axis is logarithmic when every value is positive and the data spans more than two
/// decades, linear otherwise (or as chosen). NaN and infinite points are skipped (the line joins
/// their neighbours); long series are thinned per pixel column for drawing, keeping extremes.
package struct LossChart: Sendable {
    /// One line of the chart, e.g. training loss, validation loss, or one optimizer's run.
    package struct Series: Sendable, Hashable {
        package var name: String
        /// x positions (training steps); same count as `values`; need not be sorted.
        package var steps: [Double]
        package var values: [Double]

        package init(name: String, steps: [Double], values: [Double]) {
            self.name = name
            self.steps = steps
            self.values = values
        }

        /// Values recorded at `firstStep`, `firstStep + stepInterval`, ...
        package init(name: String, values: [Double], firstStep: Double = 0, stepInterval: Double = 1) {
            self.init(name: name, steps: values.indices.map { firstStep + Double($0) * stepInterval }, values: values)
        }
    }

    /// How to choose the y scale.
    package enum YScale: Sendable, Hashable {
        /// Log if every finite value is positive and max/min > 100, else linear.
        case automatic
        case linear
        case log
    }

    package var series: [Series]
    package var title: String?
    package var xLabel: String
    package var yLabel: String
    package var yScale: YScale
    /// Figure size in px.
    package var size: Size
    /// Shown in the middle of the plot when no series has a finite point.
    package var noDataNote: String

    package init(series: [Series], title: String? = nil, xLabel: String = "step", yLabel: String = "loss",
                 yScale: YScale = .automatic, size: Size = Size(width: 640, height: 400),
                 noDataNote: String = "no finite values to plot") {
        self.series = series
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.yScale = yScale
        self.size = size
        self.noDataNote = noDataNote
    }

    /// Where everything went, for pages that overlay markers (e.g. the current step).
    package struct Layout: Sendable {
        package var size: Size
        /// The rectangle the data is drawn in.
        package var plotArea: Rect
        /// The y scale actually used.
        package var yScale: AxisScale
        package var xDomain: ClosedRange<Double>
        package var yDomain: ClosedRange<Double>
        package var xAxis: AxisTicks
        package var yAxis: AxisTicks
        /// The legend box (nil with a single series); inside the plot when a corner is free of lines.
        package var legendFrame: Rect?
        /// True when no series had a finite point and the chart shows only its note.
        package var isEmpty: Bool

        let frame: PlotFrame
        let legend: LegendLayout?
        /// Each series in pixels, thinned for drawing.
        let lines: [[Point]]
        /// How many finite points each series had before thinning.
        let pointCounts: [Int]

        /// The horizontal pixel position of `step` (extrapolated outside the domain).
        package func xPixel(forStep step: Double) -> Double {
            frame.xPixel(step) ?? plotArea.minX
        }

        /// The vertical pixel position of `value`; nil for NaN, infinities and, on a log scale, values <= 0.
        package func yPixel(forValue value: Double) -> Double? {
            frame.yPixel(value)
        }
    }

    /// The scale `.automatic` picks: log when every finite value is positive and max/min > 100.
    package static func automaticYScale(for series: [Series]) -> AxisScale {
        var lo = Double.infinity, hi = -Double.infinity
        for s in series {
            for (i, v) in s.values.enumerated() where v.isFinite && i < s.steps.count && s.steps[i].isFinite {
                if v <= 0 { return .linear }
                lo = min(lo, v)
                hi = max(hi, v)
            }
        }
        guard lo.isFinite, hi.isFinite else { return .linear }
        return hi / lo > 100 ? .log : .linear
    }

    /// Measures the text and lays the chart out.
    package func layout() throws(FigureError) -> Layout {
        try layout(data: try prepared())
    }

    /// The chart as PNG, SVG or PDF bytes; `idPrefix` keeps SVG ids unique on a page.
    package func render(theme: ChartTheme, format: Format, idPrefix: String) throws(FigureError) -> [UInt8] {
        try drawing(theme: theme, format: format, idPrefix: idPrefix).render()
    }

    /// The chart drawn, to render (`ThemedSVG.render` renders a light and a dark one together).
    package func drawing(theme: ChartTheme, format: Format, idPrefix: String) throws(FigureError) -> Drawing {
        try drawing(theme: theme, layout: try layout(), format: format, idPrefix: idPrefix)
    }

    /// The chart drawn as `layout` (this chart's own, at its size) places it: a figure drawn in
    /// two themes is laid out once (thinning 50,000 steps to pixels is most of a layout).
    package func drawing(theme: ChartTheme, layout: Layout, format: Format, idPrefix: String) throws(FigureError) -> Drawing {
        try LossChartRenderer(chart: self, layout: layout, theme: theme).drawing(format: format, idPrefix: idPrefix)
    }

    // MARK: - Data preparation

    /// Finite points of each series sorted by step, and the resolved scale.
    struct Prepared {
        var scale: AxisScale
        /// Per series: (steps, values), finite (and positive on a log scale), sorted by step.
        var points: [(steps: [Double], values: [Double])]
        var xRange: ClosedRange<Double>?
        var yRange: ClosedRange<Double>?
        /// Every step is a whole number, so x ticks are too.
        var integerSteps: Bool
    }

    /// Limits that keep a chart drawable; checked before any work.
    static let minSize = Size(width: 160, height: 120)

    func prepared() throws(FigureError) -> Prepared {
        let operation = "loss chart"
        guard !series.isEmpty else {
            throw FigureError(operation: operation, message: "needs at least one series")
        }
        for (i, s) in series.enumerated() where s.steps.count != s.values.count {
            throw FigureError(operation: operation,
                              message: "series \(i) (\(s.name)) has \(s.steps.count) steps but \(s.values.count) values")
        }
        try Self.checkSize(size, operation: operation)
        let scale: AxisScale = switch yScale {
        case .automatic: Self.automaticYScale(for: series)
        case .linear: .linear
        case .log: .log
        }
        var points: [(steps: [Double], values: [Double])] = []
        var xLo = Double.infinity, xHi = -Double.infinity, yLo = Double.infinity, yHi = -Double.infinity
        var integerSteps = true
        for s in series {
            var steps: [Double] = [], values: [Double] = []
            steps.reserveCapacity(s.steps.count)
            values.reserveCapacity(s.values.count)
            var sorted = true
            for (x, y) in zip(s.steps, s.values) where x.isFinite && y.isFinite && (scale == .linear || y > 0) {
                if let last = steps.last, x < last { sorted = false }
                if integerSteps && x != x.rounded() { integerSteps = false }
                steps.append(x)
                values.append(y)
                xLo = min(xLo, x); xHi = max(xHi, x)
                yLo = min(yLo, y); yHi = max(yHi, y)
            }
            if !sorted {
                // Stable, so equal steps keep their recorded order.
                let order = steps.indices.sorted { steps[$0] < steps[$1] || (steps[$0] == steps[$1] && $0 < $1) }
                steps = order.map { steps[$0] }
                values = order.map { values[$0] }
            }
            points.append((steps, values))
        }
        let hasData = xLo <= xHi
        return Prepared(scale: scale, points: points, xRange: hasData ? xLo...xHi : nil, yRange: hasData ? yLo...yHi : nil,
                        integerSteps: integerSteps)
    }

    static func checkSize(_ size: Size, operation: String) throws(FigureError) {
        guard size.width.isFinite, size.height.isFinite, size.width >= minSize.width, size.height >= minSize.height,
              size.width <= Canvas.maxDimension, size.height <= Canvas.maxDimension else {
            throw FigureError(operation: operation,
                              message: "size must be between \(Int(minSize.width)) x \(Int(minSize.height)) and \(Int(Canvas.maxDimension)) px, got \(size.width) x \(size.height)")
        }
    }

    // MARK: - Layout

    func layout(data: Prepared) throws(FigureError) -> Layout {
        let ruler = try Canvas(size: Size(width: 10, height: 10), format: .png, idPrefix: "ruler")
        let scale = data.yRange == nil ? AxisScale.linear : data.scale
        var request = PlotFrame.Request(
            size: size, title: title, xTitle: xLabel, yTitle: yLabel,
            x: ChartAxis.Request(scale: .linear, dataLo: data.xRange?.lowerBound ?? 0, dataHi: data.xRange?.upperBound ?? 1,
                                 padding: 0, snap: 0.08, integer: data.integerSteps),
            y: ChartAxis.Request(scale: scale, dataLo: data.yRange?.lowerBound ?? 0, dataHi: data.yRange?.upperBound ?? 1,
                                 padding: 0.04, snap: 0.07))
        var frame = try PlotFrame.make(request, ruler: ruler)
        var legend: LegendLayout? = nil
        var lines = data.yRange == nil ? [] : pixelLines(data: data, frame: frame)
        if series.count >= 2 {
            let entries = series.enumerated().map { LegendLayout.Entry(label: $0.element.name, key: .line(series: $0.offset)) }
            var box = try LegendLayout.measure(entries, ruler: ruler, maxTextWidth: min(200, size.width * 0.35))
            if let corner = box.bestCorner(in: frame.plot, avoiding: lines) {
                box.origin = corner
            } else {
                // Every corner crosses a line: put the legend in a row between title and plot instead.
                box = try LegendLayout.measureFlow(entries, ruler: ruler, maxWidth: size.width - 2 * PlotFrame.pad)
                request.reserveTop = box.size.height
                frame = try PlotFrame.make(request, ruler: ruler)
                let band = frame.topBand ?? Rect(x: 0, y: 0, width: size.width, height: box.size.height)
                box.origin = Point(x: (band.midX - box.size.width / 2).rounded(), y: band.minY)
                if data.yRange != nil { lines = pixelLines(data: data, frame: frame) }
            }
            legend = box
        }
        return Layout(size: size, plotArea: frame.plot, yScale: frame.y.scale,
                      xDomain: frame.x.lo...frame.x.hi, yDomain: frame.y.lo...frame.y.hi,
                      xAxis: frame.xTicks, yAxis: frame.yTicks,
                      legendFrame: legend?.frame, isEmpty: data.yRange == nil, frame: frame, legend: legend, lines: lines,
                      pointCounts: data.points.map(\.steps.count))
    }

    /// Points closer than this (px) to the line through their neighbours are not drawn.
    static let simplifyTolerance = 0.2

    /// Each series as pixel points, thinned to at most 4 per pixel column, then simplified.
    func pixelLines(data: Prepared, frame: PlotFrame) -> [[Point]] {
        data.points.map { p in
            var out: [Point] = []
            out.reserveCapacity(p.steps.count)
            for (x, y) in zip(p.steps, p.values) {
                if let point = frame.point(x, y) { out.append(point) }
            }
            // Short series keep every point: they are drawn with a dot at each.
            guard out.count > LossChartRenderer.dotLimit else { return out }
            let thinned = out.count > 4 * Int(frame.plot.width) ? Decimation.minMaxPerColumn(out) : out
            return Decimation.simplified(thinned, tolerance: Self.simplifyTolerance)
        }
    }
}
