import Testing
@testable import Figures

/// A falling curve over a million steps, for the decimation and label tests.
private func millionSteps() -> LossChart {
    var rng = ChartSamples.Random(state: 1)
    let values = (0..<1_000_000).map { 1 / (1 + Double($0) / 1000) + 0.01 * rng.next() }
    return LossChart(series: [.init(name: "training loss", values: values)])
}

// MARK: - Log or linear

@Test func aLossFallingFourDecadesGetsALogScale() {
    #expect(LossChart.automaticYScale(for: [.init(name: "xor", values: ChartSamples.xorLoss(steps: 1000))]) == .log)
}

@Test func aLossWithinOneDecadeGetsALinearScale() {
    #expect(LossChart.automaticYScale(for: [.init(name: "l", values: [0.7, 0.5, 0.4, 0.31])]) == .linear)
}

@Test func exactlyTwoDecadesStayLinear() {
    #expect(LossChart.automaticYScale(for: [.init(name: "l", values: [1, 0.01])]) == .linear)
    #expect(LossChart.automaticYScale(for: [.init(name: "l", values: [1, 0.0099])]) == .log)
}

@Test func aZeroOrNegativeValueForcesALinearScale() {
    #expect(LossChart.automaticYScale(for: [.init(name: "l", values: [10, 0.001, 0])]) == .linear)
    #expect(LossChart.automaticYScale(for: [.init(name: "l", values: [10, 0.001, -1])]) == .linear)
}

@Test func nonFiniteValuesDoNotDecideTheScale() {
    #expect(LossChart.automaticYScale(for: [.init(name: "l", values: [1000, .nan, 1, -.infinity])]) == .log)
}

@Test func theScaleCanBeOverridden() throws {
    var chart = ChartSamples.xorChart()
    chart.yScale = .linear
    #expect(try chart.layout().yScale == .linear)
    chart.yScale = .automatic
    #expect(try chart.layout().yScale == .log)
}

// MARK: - Decimation

@Test func decimationKeepsASingleSpikeAmongAMillionPoints() {
    var points = (0..<1_000_000).map { Point(x: Double($0) * 500 / 1_000_000, y: 100) }
    points[654_321].y = 3      // up (pixel y grows downwards)
    points[123_456].y = 190    // down
    let thinned = Decimation.minMaxPerColumn(points)
    #expect(thinned.count <= 4 * 500)
    #expect(thinned.contains(points[654_321]))
    #expect(thinned.contains(points[123_456]))
}

@Test func decimationKeepsEveryColumnsMinimumMaximumFirstAndLastInOrder() {
    var rng = ChartSamples.Random(state: 9)
    let points = (0..<20_000).map { Point(x: Double($0) / 100, y: rng.next() * 300) }
    let thinned = Decimation.minMaxPerColumn(points)
    for column in 0..<200 {
        let inColumn = points[(column * 100)..<((column + 1) * 100)]
        let kept = thinned.filter { $0.x.rounded(.down) == Double(column) }
        #expect(kept.count <= 4)
        #expect(kept.contains { $0.y == inColumn.map(\.y).min() } && kept.contains { $0.y == inColumn.map(\.y).max() })
        #expect(kept.first == inColumn.first && kept.last == inColumn.last)
    }
    #expect(zip(thinned, thinned.dropFirst()).allSatisfy { $0.x <= $1.x })
}

@Test func simplificationDropsPointsOnAStraightLineButKeepsSpikes() {
    var line = (0...1000).map { Point(x: Double($0), y: Double($0) / 2) }
    #expect(Decimation.simplified(line, tolerance: 0.2) == [line[0], line[1000]])
    line[500].y += 5
    #expect(Decimation.simplified(line, tolerance: 0.2).contains(line[500]))
}

@Test func aMillionPointsRenderToASmallSVG() throws {
    let layout = try millionSteps().layout()
    #expect(layout.lines[0].count <= 4 * Int(layout.plotArea.width))
    let svg = try millionSteps().render(theme: .light, format: .svg, idPrefix: "million")
    #expect(svg.count < 150_000)
}

// MARK: - Edge cases

@Test func noSeriesIsAClearError() {
    #expect(throws: FigureError(operation: "loss chart", message: "needs at least one series")) {
        try LossChart(series: []).render(theme: .light, format: .svg, idPrefix: "x")
    }
}

@Test func stepsAndValuesOfDifferentLengthsAreAClearError() {
    let chart = LossChart(series: [.init(name: "train", steps: [0, 1, 2], values: [1, 2])])
    #expect(throws: FigureError(operation: "loss chart", message: "series 0 (train) has 3 steps but 2 values")) {
        try chart.layout()
    }
}

@Test func aTooSmallSizeIsAClearError() {
    let chart = LossChart(series: [.init(name: "train", values: [1, 2])], size: Size(width: 50, height: 30))
    #expect(throws: FigureError.self) { try chart.layout() }
}

@Test func aSeriesWithoutFiniteValuesGivesAnEmptyChartWithANote() throws {
    let chart = LossChart(series: [.init(name: "diverged", values: [.nan, .infinity, .nan]), .init(name: "empty", values: [])])
    let layout = try chart.layout()
    #expect(layout.isEmpty)
    #expect(layout.yScale == .linear)
    let svg = String(decoding: try chart.render(theme: .light, format: .svg, idPrefix: "e"), as: UTF8.self)
    #expect(svg.hasPrefix("<?xml"))
    _ = try chart.render(theme: .dark, format: .png, idPrefix: "e")
}

@Test func aSinglePointIsDrawnInsideThePlot() throws {
    let chart = LossChart(series: [.init(name: "train", steps: [0], values: [0.69])])
    let layout = try chart.layout()
    let x = layout.xPixel(forStep: 0), y = try #require(layout.yPixel(forValue: 0.69))
    #expect(x >= layout.plotArea.minX && x <= layout.plotArea.maxX)
    #expect(y > layout.plotArea.minY && y < layout.plotArea.maxY)
    _ = try chart.render(theme: .light, format: .png, idPrefix: "one")
}

@Test func aConstantSeriesGetsTwoOrMoreDistinctTicks() throws {
    let layout = try LossChart(series: [.init(name: "flat", values: Array(repeating: 0.25, count: 100))]).layout()
    #expect(layout.yAxis.values.count >= 2)
    #expect(Set(layout.yAxis.labels).count == layout.yAxis.labels.count)
    #expect(layout.yDomain.contains(0.25))
}

@Test func nanAndInfinitePointsAreSkipped() throws {
    let chart = LossChart(series: [.init(name: "train", values: [1, .nan, 0.5, .infinity, 0.25, -.infinity, 0.2])])
    let layout = try chart.layout()
    #expect(layout.lines[0].count == 4)
    #expect(layout.yDomain.upperBound < 2 && layout.yDomain.lowerBound >= 0)
    _ = try chart.render(theme: .light, format: .png, idPrefix: "nan")
}

@Test func aForcedLogScaleSkipsZeroAndNegativeValues() throws {
    let chart = LossChart(series: [.init(name: "train", values: [1, 0, 0.1, -1, 0.01])], yScale: .log)
    let layout = try chart.layout()
    #expect(layout.yScale == .log)
    #expect(layout.lines[0].count == 3)
    #expect(layout.yPixel(forValue: 0) == nil)
}

@Test func hugeRangesRender() throws {
    let chart = LossChart(series: [.init(name: "wild", values: [1e300, 1, 1e-300, .leastNonzeroMagnitude, .greatestFiniteMagnitude])])
    let layout = try chart.layout()
    #expect(layout.yScale == .log)
    #expect(layout.yAxis.values.count >= 2 && layout.yAxis.values.count <= 10)
    _ = try chart.render(theme: .light, format: .png, idPrefix: "wild")
    let linear = LossChart(series: [.init(name: "wild", values: [-.greatestFiniteMagnitude, 0, .greatestFiniteMagnitude])])
    _ = try linear.render(theme: .light, format: .svg, idPrefix: "wild")
}

@Test func unsortedStepsAreDrawnInStepOrder() throws {
    let chart = LossChart(series: [.init(name: "train", steps: [30, 10, 20, 0], values: [0.1, 0.3, 0.2, 0.4])])
    let xs = try chart.layout().lines[0].map(\.x)
    #expect(xs == xs.sorted())
}

// MARK: - Layout

@Test func theMappingPutsTheDomainOnThePlotEdges() throws {
    let layout = try ChartSamples.xorChart().layout()
    #expect(abs(layout.xPixel(forStep: layout.xDomain.lowerBound) - layout.plotArea.minX) < 1e-9)
    #expect(abs(layout.xPixel(forStep: layout.xDomain.upperBound) - layout.plotArea.maxX) < 1e-9)
    #expect(try abs(#require(layout.yPixel(forValue: layout.yDomain.lowerBound)) - layout.plotArea.maxY) < 1e-9)
    #expect(try abs(#require(layout.yPixel(forValue: layout.yDomain.upperBound)) - layout.plotArea.minY) < 1e-9)
    // Step 25,000 is halfway along a 0...50,000 axis.
    #expect(layout.xDomain == 0...50_000)
    #expect(abs(layout.xPixel(forStep: 25_000) - layout.plotArea.midX) < 1e-9)
}

@Test func theXORLossGetsALogAxisWithDecadeLabels() throws {
    let layout = try ChartSamples.xorChart().layout()
    #expect(layout.yScale == .log)
    #expect(layout.yAxis.labels.contains("1e−4") && layout.yAxis.labels.contains("1"))
    #expect(layout.xAxis.labels == ["0", "10k", "20k", "30k", "40k", "50k"])
}

private let layoutCases: [(String, LossChart)] = [
    ("xor", ChartSamples.xorChart()),
    ("optimizers", ChartSamples.optimizerChart()),
    ("narrow", LossChart(series: [.init(name: "t", values: ChartSamples.xorLoss(steps: 2000), firstStep: 123_456, stepInterval: 997)],
                         size: Size(width: 260, height: 180))),
    ("wide labels", LossChart(series: [.init(name: "t", steps: [-1_234_567, 9_876_543], values: [-0.000123, 98_765])],
                              size: Size(width: 300, height: 200))),
    ("million", millionSteps()),
]

@Test(arguments: layoutCases)
func tickLabelsDoNotOverlapAndStayInTheFigure(name: String, chart: LossChart) throws {
    let layout = try chart.layout()
    for frames in [layout.xAxis.labelFrames, layout.yAxis.labelFrames] {
        for (a, b) in zip(frames, frames.dropFirst()) {
            #expect(!overlaps(a, b), "\(name): labels overlap: \(a) \(b)")
        }
        for f in frames { #expect(inside(f, layout.size), "\(name): label outside the figure: \(f)") }
    }
    // Measured again, independently of the layout: neighbours keep a gap.
    let ruler = try Canvas(size: Size(width: 10, height: 10))
    let widths = try layout.xAxis.labels.map { try ruler.measure($0, style: ChartType.tick).width }
    let xs = layout.xAxis.values.map(layout.xPixel(forStep:))
    for i in xs.indices.dropFirst() {
        #expect(xs[i] - xs[i - 1] >= (widths[i] + widths[i - 1]) / 2 + 4, "\(name): x labels \(i - 1) and \(i) crowd")
    }
}

@Test(arguments: layoutCases)
func theLegendStaysInTheFigureAndOffThePlotLines(name: String, chart: LossChart) throws {
    let layout = try chart.layout()
    guard let legend = layout.legendFrame else {
        #expect(chart.series.count == 1)
        return
    }
    #expect(inside(legend, layout.size), "\(name): legend \(legend) outside \(layout.size)")
    #expect(!layout.lines.contains { LegendLayout.crosses($0, legend) }, "\(name): legend covers a line")
    for f in layout.xAxis.labelFrames + layout.yAxis.labelFrames { #expect(!overlaps(f, legend)) }
}

@Test func theXORLegendSitsInAnEmptyCornerOfThePlot() throws {
    let layout = try ChartSamples.xorChart().layout()
    let legend = try #require(layout.legendFrame)
    #expect(legend.minX >= layout.plotArea.minX && legend.maxX <= layout.plotArea.maxX)
    #expect(legend.minY >= layout.plotArea.minY && legend.maxY <= layout.plotArea.maxY)
}

@Test func whenNoCornerIsFreeTheLegendGoesAboveThePlot() throws {
    let layout = try ChartSamples.optimizerChart().layout()
    let legend = try #require(layout.legendFrame)
    #expect(legend.maxY <= layout.plotArea.minY)
}

@Test func seriesGetDistinctColourAndDashPairs() {
    let theme = ChartTheme.light
    let pairs = (0..<36).map { i in
        "\(theme.seriesColor(i))|\(LossChartRenderer.dash(for: i, colours: theme.series.count))"
    }
    #expect(Set(pairs).count == 36)
    #expect(Set((0..<6).map { LossChartRenderer.dash(for: $0, colours: 6) }).count == 6)
}

// MARK: - Output

@Test(arguments: [Format.svg, .png])
func renderingTwiceGivesIdenticalBytes(format: Format) throws {
    let chart = ChartSamples.xorChart()
    let a = try chart.render(theme: .dark, format: format, idPrefix: "xor")
    let b = try chart.render(theme: .dark, format: format, idPrefix: "xor")
    #expect(firstDifference(a, b) == nil)
}

/// Ids are short names within the file (SVGCompaction): a chart is its own document in an `<img>`.
@Test func svgIdsAreShortNamesWithinTheFile() throws {
    let svg = String(decoding: try ChartSamples.xorChart().render(theme: .light, format: .svg, idPrefix: "xor-loss"), as: UTF8.self)
    #expect(svg.contains("id=\"a0\"") && !svg.contains("id=\"xor-loss-1\""))
    #expect(!svg.contains("id=\"glyph"))
}

@Test func chineseAxisLabelsHaveNoUnknownGlyphs() throws {
    let chart = LossChart(series: [.init(name: "训练", values: [2.4, 1, 0.5]), .init(name: "验证", values: [2.5, 1.2, 0.7])],
                          title: "训练损失", xLabel: "步数", yLabel: "损失")
    let ruler = try Canvas(size: Size(width: 10, height: 10))
    for text in ["训练损失", "步数", "损失", "训练", "验证"] {
        #expect(try ruler.unknownGlyphCount(text, style: ChartType.axisTitle) == 0)
        #expect(try ruler.unknownGlyphCount(text, style: ChartType.legend) == 0)
        #expect(try ruler.unknownGlyphCount(text, style: ChartType.title) == 0)
    }
    let png = try chart.render(theme: .light, format: .png, idPrefix: "zh")
    try ChartSamples.dump(png, as: "loss-chinese-light.png")
    // The rotated y title really is drawn: the strip left of the tick labels has ink.
    let layout = try chart.layout()
    let pixels = try PNGPixels(png)
    let strip = Int(layout.yAxis.labelFrames.map(\.minX).min() ?? layout.plotArea.minX) - 2
    let inked = (Int(layout.plotArea.minY)..<Int(layout.plotArea.maxY)).contains { y in
        (0..<max(strip, 1)).contains { x in pixels.pixel(x: x, y: y) != pixels.pixel(x: 0, y: 0) }
    }
    #expect(inked)
}

@Test func wholeStepsGetWholeTicks() throws {
    let layout = try LossChart(series: [.init(name: "t", values: [2.4, 1, 0.5])]).layout()
    #expect(layout.xAxis.labels == ["0", "1", "2"])
    let single = try LossChart(series: [.init(name: "t", values: [0.7])]).layout()
    #expect(single.xAxis.labels.allSatisfy { !$0.contains(".") })
}
