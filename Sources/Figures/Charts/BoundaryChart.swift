/// A classifier's decision regions over a 2-D input space: the model's outputs on a grid drawn
/// as a heatmap (with the p = 0.5 contour for a binary model) and the data points on top, coloured
/// by their true label and with one marker shape per class.
package struct BoundaryChart: Sendable {
    /// The model's outputs on a `columns × rows` grid over `x × y`, row-major.
    ///
    /// Row 0 is the bottom row (smallest y) and column 0 the left column (smallest x), as NumPy's
    /// `meshgrid` gives for increasing coordinates. Each value belongs to the centre of its cell:
    /// evaluate the model at `center(column:row:)`.
    package struct Grid: Sendable, Hashable {
        package enum Values: Sendable, Hashable {
            /// Binary classifier: P(class 1) per cell, in 0...1.
            case probability([Double])
            /// Predicted class per cell, in 0..<classes.
            case classIndex([Int], classes: Int)
            /// `classes` probabilities per cell, cell by cell (cell 0's classes first), each in 0...1.
            case classProbabilities([Double], classes: Int)
        }

        package let columns: Int
        package let rows: Int
        package let x: ClosedRange<Double>
        package let y: ClosedRange<Double>
        package let values: Values

        /// Largest accepted number of columns or rows.
        package static let maxSide = 1000

        /// Checks sizes, ranges and values; throws a `FigureError` naming the first problem.
        package init(columns: Int, rows: Int, x: ClosedRange<Double>, y: ClosedRange<Double>, values: Values) throws(FigureError) {
            func fail(_ message: String) -> FigureError { FigureError(operation: "boundary grid", message: message) }
            guard (2...Self.maxSide).contains(columns), (2...Self.maxSide).contains(rows) else {
                throw fail("columns and rows must be in 2...\(Self.maxSide), got \(columns) × \(rows)")
            }
            for (name, range) in [("x", x), ("y", y)] {
                guard range.lowerBound.isFinite, range.upperBound.isFinite, range.lowerBound < range.upperBound,
                      (range.upperBound / 2 - range.lowerBound / 2).isNormal else {
                    throw fail("\(name) range must be finite and not empty, got \(range)")
                }
            }
            let cells = columns * rows
            switch values {
            case .probability(let p):
                guard p.count == cells else { throw fail("needs \(columns) × \(rows) = \(cells) probabilities, got \(p.count)") }
                if let bad = p.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
                    throw fail("probability at cell \(bad) (column \(bad % columns), row \(bad / columns)) must be in 0...1, got \(p[bad])")
                }
            case .classIndex(let c, let classes):
                guard classes >= 2 else { throw fail("needs at least 2 classes, got \(classes)") }
                guard c.count == cells else { throw fail("needs \(columns) × \(rows) = \(cells) class indices, got \(c.count)") }
                if let bad = c.firstIndex(where: { $0 < 0 || $0 >= classes }) {
                    throw fail("class index at cell \(bad) (column \(bad % columns), row \(bad / columns)) must be in 0..<\(classes), got \(c[bad])")
                }
            case .classProbabilities(let p, let classes):
                guard classes >= 2 else { throw fail("needs at least 2 classes, got \(classes)") }
                guard p.count == cells * classes else {
                    throw fail("needs \(columns) × \(rows) × \(classes) = \(cells * classes) probabilities, got \(p.count)")
                }
                if let bad = p.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
                    throw fail("probability of class \(bad % classes) at cell \(bad / classes) must be in 0...1, got \(p[bad])")
                }
            }
            self.columns = columns
            self.rows = rows
            self.x = x
            self.y = y
            self.values = values
        }

        /// A binary grid filled by evaluating `probability(x, y)` at every cell centre.
        package init(columns: Int, rows: Int, x: ClosedRange<Double>, y: ClosedRange<Double>,
                     probability: (Double, Double) -> Double) throws(FigureError) {
            guard (2...Self.maxSide).contains(columns), (2...Self.maxSide).contains(rows) else {
                throw FigureError(operation: "boundary grid", message: "columns and rows must be in 2...\(Self.maxSide), got \(columns) × \(rows)")
            }
            var p: [Double] = []
            p.reserveCapacity(columns * rows)
            for row in 0..<rows {
                for column in 0..<columns {
                    let c = Self.center(column: column, row: row, columns: columns, rows: rows, x: x, y: y)
                    p.append(probability(c.x, c.y))
                }
            }
            try self.init(columns: columns, rows: rows, x: x, y: y, values: .probability(p))
        }

        /// The input point whose model output goes in cell (`column`, `row`).
        package func center(column: Int, row: Int) -> (x: Double, y: Double) {
            Self.center(column: column, row: row, columns: columns, rows: rows, x: x, y: y)
        }

        static func center(column: Int, row: Int, columns: Int, rows: Int, x: ClosedRange<Double>,
                           y: ClosedRange<Double>) -> (x: Double, y: Double) {
            (x.lowerBound + (Double(column) + 0.5) * (x.upperBound - x.lowerBound) / Double(columns),
             y.lowerBound + (Double(row) + 0.5) * (y.upperBound - y.lowerBound) / Double(rows))
        }

        /// 2 for a binary grid, else the given class count.
        package var classCount: Int {
            switch values {
            case .probability: 2
            case .classIndex(_, let classes), .classProbabilities(_, let classes): classes
            }
        }
    }

    /// One data point with its true class.
    package struct Sample: Sendable, Hashable {
        package var x: Double
        package var y: Double
        package var label: Int

        package init(x: Double, y: Double, label: Int) {
            self.x = x
            self.y = y
            self.label = label
        }
    }

    package var grid: Grid
    package var samples: [Sample]
    /// One name per class; nil for "class 0", "class 1", ...
    package var classNames: [String]?
    package var title: String?
    package var xLabel: String
    package var yLabel: String
    /// Legend text for the p = 0.5 line (binary grids).
    package var contourLabel: String
    /// Caption of the colour bar (binary grids); nil for "P(<name of class 1>)".
    package var probabilityLabel: String?
    /// Same data units on both axes, so circles stay round.
    package var equalAspect: Bool
    /// Figure size in px.
    package var size: Size

    package init(grid: Grid, samples: [Sample], classNames: [String]? = nil, title: String? = nil,
                 xLabel: String = "x₁", yLabel: String = "x₂", contourLabel: String = "p = 0.5",
                 probabilityLabel: String? = nil, equalAspect: Bool = true,
                 size: Size = Size(width: 600, height: 440)) {
        self.grid = grid
        self.samples = samples
        self.classNames = classNames
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.contourLabel = contourLabel
        self.probabilityLabel = probabilityLabel
        self.equalAspect = equalAspect
        self.size = size
    }

    /// Where everything went.
    package struct Layout: Sendable {
        package var size: Size
        /// The heatmap's rectangle: exactly the grid's x and y ranges, on whole pixels.
        package var plotArea: Rect
        package var xAxis: AxisTicks
        package var yAxis: AxisTicks
        /// The legend, to the right of the plot (including the colour bar of a binary grid).
        package var legendFrame: Rect
        package var colorBarFrame: Rect?

        let frame: PlotFrame
        let legend: LegendLayout

        /// The pixel position of input point (x, y); nil for non-finite coordinates.
        package func pixel(x: Double, y: Double) -> Point? { frame.point(x, y) }
    }

    var isBinary: Bool {
        if case .probability = grid.values { return true }
        return false
    }

    func className(_ c: Int) -> String {
        if let classNames, c < classNames.count { return classNames[c] }
        return "class \(c)"
    }

    func validate() throws(FigureError) {
        let operation = "boundary chart"
        for (i, s) in samples.enumerated() {
            guard s.x.isFinite, s.y.isFinite else {
                throw FigureError(operation: operation, message: "sample \(i) has a non-finite coordinate (\(s.x), \(s.y))")
            }
            guard s.label >= 0 && s.label < grid.classCount else {
                throw FigureError(operation: operation, message: "sample \(i) has label \(s.label), expected 0..<\(grid.classCount)")
            }
        }
        if let classNames, classNames.count != grid.classCount {
            throw FigureError(operation: operation, message: "needs \(grid.classCount) class names, got \(classNames.count)")
        }
        try LossChart.checkSize(size, operation: operation)
    }

    static let colorBarWidth = 12.0
    static let colorBarHeight = 110.0
    /// Narrower charts (a phone's column) put the legend and a horizontal colour bar above the
    /// plot, so the plot keeps the whole width.
    package static let compactWidth = 420.0
    /// The horizontal colour bar's length in a compact chart.
    static let compactBarLength = 120.0

    var isCompact: Bool { size.width < Self.compactWidth }

    /// Checks the input, measures the text and lays the chart out.
    package func layout() throws(FigureError) -> Layout {
        try validate()
        let ruler = try Canvas(size: Size(width: 10, height: 10), format: .png, idPrefix: "ruler")
        var entries = (0..<grid.classCount).map { LegendLayout.Entry(label: className($0), key: .marker(classIndex: $0)) }
        if isBinary { entries.append(LegendLayout.Entry(label: contourLabel, key: .contour)) }
        if isCompact { return try compactLayout(entries, ruler: ruler) }
        var legend = try LegendLayout.measure(entries, ruler: ruler, maxTextWidth: min(150, size.width * 0.25))
        var legendSize = legend.size
        var barCaption: Size? = nil
        if isBinary {
            let caption = try ruler.measure(probabilityLabel ?? "P(\(className(1)))", style: ChartType.styled(ChartType.legend, .black, maxWidth: 150))
            let tickWidth = try ruler.measure("0.5", style: ChartType.tick).width
            barCaption = caption
            legendSize.width = max(legendSize.width, LegendLayout.padding * 2 + max(caption.width, Self.colorBarWidth + 6 + tickWidth))
            legendSize.height += caption.height + 6 + Self.colorBarHeight + LegendLayout.padding
        }
        let request = PlotFrame.Request(
            size: size, title: title, xTitle: xLabel, yTitle: yLabel,
            x: ChartAxis.Request(scale: .linear, dataLo: grid.x.lowerBound, dataHi: grid.x.upperBound, keepNonNegative: false),
            y: ChartAxis.Request(scale: .linear, dataLo: grid.y.lowerBound, dataHi: grid.y.upperBound, keepNonNegative: false),
            reserveRight: legendSize.width + 16, equalAspect: equalAspect, xSpacing: 70, ySpacing: 45)
        let frame = try PlotFrame.make(request, ruler: ruler)
        legend.size = legendSize
        legend.origin = Point(x: frame.plot.maxX + 16, y: frame.plot.minY)
        var bar: Rect? = nil
        if let barCaption {
            let top = legend.origin.y + LegendLayout.padding + Double(entries.count) * legend.rowHeight + barCaption.height + 6
            bar = Rect(x: legend.origin.x + LegendLayout.padding, y: top, width: Self.colorBarWidth, height: Self.colorBarHeight)
        }
        return Layout(size: size, plotArea: frame.plot,
                      xAxis: frame.xTicks, yAxis: frame.yTicks,
                      legendFrame: legend.frame, colorBarFrame: bar, frame: frame, legend: legend)
    }

    /// The legend in rows above the plot and, for a binary grid, its caption and a horizontal
    /// colour bar (p = 0 on the left) under them, centred.
    private func compactLayout(_ entries: [LegendLayout.Entry], ruler: Canvas) throws(FigureError) -> Layout {
        var legend = try LegendLayout.measureFlow(entries, ruler: ruler, maxWidth: size.width - 2 * PlotFrame.pad)
        var caption: Size? = nil
        var band = legend.size.height
        if isBinary {
            let text = try ruler.measure(probabilityLabel ?? "P(\(className(1)))", style: ChartType.styled(ChartType.legend, .black, maxWidth: 150))
            let tick = try ruler.measure("0.5", style: ChartType.tick)
            caption = text
            band += max(text.height, Self.colorBarWidth) + 4 + tick.height + 6
        }
        let request = PlotFrame.Request(
            size: size, title: title, xTitle: xLabel, yTitle: yLabel,
            x: ChartAxis.Request(scale: .linear, dataLo: grid.x.lowerBound, dataHi: grid.x.upperBound, keepNonNegative: false),
            y: ChartAxis.Request(scale: .linear, dataLo: grid.y.lowerBound, dataHi: grid.y.upperBound, keepNonNegative: false),
            reserveTop: band.rounded(.up), equalAspect: equalAspect, xSpacing: 60, ySpacing: 40)
        let frame = try PlotFrame.make(request, ruler: ruler)
        let top = frame.topBand?.minY ?? PlotFrame.pad
        legend.origin = Point(x: ((size.width - legend.size.width) / 2).rounded(), y: top)
        var bar: Rect? = nil
        if let caption {
            let length = min(Self.compactBarLength, size.width - 2 * PlotFrame.pad - caption.width - 8)
            let left = ((size.width - caption.width - 8 - length) / 2).rounded() + caption.width + 8
            let middle = top + legend.size.height + max(caption.height, Self.colorBarWidth) / 2
            bar = Rect(x: left, y: (middle - Self.colorBarWidth / 2).rounded(), width: max(length, 20), height: Self.colorBarWidth)
        }
        return Layout(size: size, plotArea: frame.plot, xAxis: frame.xTicks, yAxis: frame.yTicks,
                      legendFrame: legend.frame, colorBarFrame: bar, frame: frame, legend: legend)
    }

    /// The chart with its height cut to what the plot needs, when equal units on both axes
    /// would leave empty bands above and below it (wide data such as two moons).
    package func fittedToData() throws(FigureError) -> BoundaryChart {
        guard equalAspect else { return self }
        var free = self
        free.equalAspect = false
        let slack = try free.layout().plotArea.height - layout().plotArea.height
        guard slack >= 2 else { return self }
        var fitted = self
        fitted.size.height = max(LossChart.minSize.height, (size.height - slack).rounded(.down))
        return fitted
    }

    /// The chart as PNG, SVG or PDF bytes; `idPrefix` keeps SVG ids unique on a page.
    package func render(theme: ChartTheme, format: Format, idPrefix: String) throws(FigureError) -> [UInt8] {
        try drawing(theme: theme, format: format, idPrefix: idPrefix).render()
    }

    /// The chart drawn, to render (`ThemedSVG.render` renders a light and a dark one together).
    package func drawing(theme: ChartTheme, format: Format, idPrefix: String) throws(FigureError) -> Drawing {
        let layout = try layout()
        return try BoundaryChartRenderer(chart: self, layout: layout, theme: theme).drawing(format: format, idPrefix: idPrefix)
    }
}
