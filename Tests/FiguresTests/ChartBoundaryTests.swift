import Testing
@testable import Figures

private func gridError(_ message: String) -> FigureError {
    FigureError(operation: "boundary grid", message: message)
}

// MARK: - Grid validation

@Test func gridSizesMustBeAtLeastTwoByTwo() {
    #expect(throws: gridError("columns and rows must be in 2...1000, got 1 × 5")) {
        try BoundaryChart.Grid(columns: 1, rows: 5, x: 0...1, y: 0...1, values: .probability([0, 0, 0, 0, 0]))
    }
}

@Test func gridValueCountMustMatchItsSize() {
    #expect(throws: gridError("needs 3 × 2 = 6 probabilities, got 5")) {
        try BoundaryChart.Grid(columns: 3, rows: 2, x: 0...1, y: 0...1, values: .probability([0, 0, 0, 0, 0]))
    }
    #expect(throws: gridError("needs 2 × 2 × 3 = 12 probabilities, got 4")) {
        try BoundaryChart.Grid(columns: 2, rows: 2, x: 0...1, y: 0...1, values: .classProbabilities([0, 0, 0, 0], classes: 3))
    }
}

@Test func probabilitiesMustBeWithinZeroAndOne() {
    #expect(throws: gridError("probability at cell 3 (column 1, row 1) must be in 0...1, got 1.2")) {
        try BoundaryChart.Grid(columns: 2, rows: 2, x: 0...1, y: 0...1, values: .probability([0, 0.5, 1, 1.2]))
    }
    #expect(throws: gridError("probability at cell 0 (column 0, row 0) must be in 0...1, got nan")) {
        try BoundaryChart.Grid(columns: 2, rows: 2, x: 0...1, y: 0...1, values: .probability([.nan, 0.5, 1, 1]))
    }
}

@Test func classIndicesMustBeInRange() {
    #expect(throws: gridError("class index at cell 2 (column 0, row 1) must be in 0..<3, got 3")) {
        try BoundaryChart.Grid(columns: 2, rows: 2, x: 0...1, y: 0...1, values: .classIndex([0, 1, 3, 2], classes: 3))
    }
    #expect(throws: gridError("needs at least 2 classes, got 1")) {
        try BoundaryChart.Grid(columns: 2, rows: 2, x: 0...1, y: 0...1, values: .classIndex([0, 0, 0, 0], classes: 1))
    }
}

@Test func rangesMustBeFiniteAndNotEmpty() {
    #expect(throws: gridError("x range must be finite and not empty, got 1.0...1.0")) {
        try BoundaryChart.Grid(columns: 2, rows: 2, x: 1...1, y: 0...1, values: .probability([0, 0, 0, 0]))
    }
    #expect(throws: FigureError.self) {
        try BoundaryChart.Grid(columns: 2, rows: 2, x: 0...1, y: 0...Double.infinity, values: .probability([0, 0, 0, 0]))
    }
}

@Test func samplesMustBeFiniteAndHaveAKnownClass() throws {
    let grid = try BoundaryChart.Grid(columns: 2, rows: 2, x: 0...1, y: 0...1, values: .probability([0, 0, 1, 1]))
    #expect(throws: FigureError(operation: "boundary chart", message: "sample 1 has label 2, expected 0..<2")) {
        try BoundaryChart(grid: grid, samples: [.init(x: 0, y: 0, label: 1), .init(x: 0, y: 0, label: 2)]).layout()
    }
    #expect(throws: FigureError(operation: "boundary chart", message: "sample 0 has a non-finite coordinate (nan, 0.0)")) {
        try BoundaryChart(grid: grid, samples: [.init(x: .nan, y: 0, label: 1)]).layout()
    }
    #expect(throws: FigureError(operation: "boundary chart", message: "needs 2 class names, got 3")) {
        try BoundaryChart(grid: grid, samples: [], classNames: ["a", "b", "c"]).layout()
    }
}

@Test func rowZeroIsTheBottomRowAndValuesBelongToCellCentres() throws {
    let grid = try BoundaryChart.Grid(columns: 4, rows: 2, x: 0...4, y: -1...1, values: .classIndex(Array(repeating: 0, count: 8), classes: 2))
    #expect(grid.center(column: 0, row: 0) == (0.5, -0.5))
    #expect(grid.center(column: 3, row: 1) == (3.5, 0.5))
    // The closure initialiser evaluates exactly there.
    let evaluated = try BoundaryChart.Grid(columns: 4, rows: 2, x: 0...4, y: -1...1) { x, y in y > 0 ? x / 4 : 0 }
    #expect(evaluated.values == .probability([0, 0, 0, 0, 0.125, 0.375, 0.625, 0.875]))
}

// MARK: - Heatmap and contour

@Test func aUniformGridIsOneRectangleCoveringThePlot() throws {
    let grid = try BoundaryChart.Grid(columns: 100, rows: 100, x: 0...1, y: 0...1, values: .probability(Array(repeating: 0.9, count: 10_000)))
    let plot = Rect(x: 50, y: 20, width: 333, height: 333)
    let heatmap = Heatmap.make(grid, plot: plot, theme: .light, overlap: 0)
    #expect(heatmap.rectCount == 1)
    #expect(heatmap.layers.first?.rects == [plot])
}

@Test func halfAndHalfIsTwoRectanglesMeetingOnAWholePixel() throws {
    let p = (0..<(100 * 100)).map { $0 % 100 < 37 ? 0.0 : 1.0 }
    let grid = try BoundaryChart.Grid(columns: 100, rows: 100, x: 0...1, y: 0...1, values: .probability(p))
    let heatmap = Heatmap.make(grid, plot: Rect(x: 50, y: 20, width: 333, height: 333), theme: .light, overlap: 0)
    let rects = heatmap.layers.flatMap(\.rects)
    #expect(rects.count == 2)
    #expect(rects.allSatisfy { $0.minX == $0.minX.rounded() && $0.width == $0.width.rounded() })
    #expect(rects[0].maxX == rects[1].minX)
}

@Test func noiseIsQuantizedMoreCoarselyToKeepTheRectangleCountBounded() throws {
    var rng = ChartSamples.Random(state: 4)
    let grid = try BoundaryChart.Grid(columns: 100, rows: 100, x: 0...1, y: 0...1,
                                      values: .probability((0..<10_000).map { _ in rng.next() }))
    let heatmap = Heatmap.make(grid, plot: Rect(x: 0, y: 0, width: 400, height: 400), theme: .light, overlap: 0.5)
    #expect(heatmap.rectCount <= Heatmap.maxRects)
    #expect(heatmap.levels < Heatmap.binaryLevels)
}

@Test func theDivergingMapIsNeutralAtOneHalfAndTintedTowardsEachClass() {
    for theme in [ChartTheme.light, .dark] {
        let middle = Heatmap.diverging(0.5, theme: theme)
        #expect(abs(middle.red - theme.heatmapMiddle.red) < 1e-6 && abs(middle.blue - theme.heatmapMiddle.blue) < 1e-6)
        let low = Heatmap.diverging(0, theme: theme), high = Heatmap.diverging(1, theme: theme)
        // Class 0 is the orange/vermillion one (more red than blue), class 1 the blue one.
        #expect(low.red > low.blue && high.blue > high.red)
        // Light tints keep the data markers readable on top.
        #expect(ChartColor.contrast(theme.classColor(0), low) > 1.5 || ChartColor.contrast(theme.markerOutline, low) > 3)
        #expect(ChartColor.contrast(theme.markerOutline, high) > 3 && ChartColor.contrast(theme.markerOutline, low) > 3)
    }
}

@Test func theContourOfACircularFieldIsOneClosedCircle() {
    let n = 60
    var values: [Double] = []
    for r in 0..<n { for c in 0..<n { values.append(Double((c - 30) * (c - 30) + (r - 30) * (r - 30))) } }
    let lines = MarchingSquares.contour(values, columns: n, rows: n, level: 400) { c, r in Point(x: c, y: r) }
    #expect(lines.count == 1)
    let line = lines[0]
    #expect(line.count > 50)
    #expect(line.first == line.last)
    for p in line {
        let radius = ((p.x - 30) * (p.x - 30) + (p.y - 30) * (p.y - 30)).squareRoot()
        #expect(abs(radius - 20) < 0.05, "point \(p) is \(radius) from the centre")
    }
}

@Test func aFieldThatNeverCrossesTheLevelHasNoContour() {
    #expect(MarchingSquares.contour(Array(repeating: 0.2, count: 16), columns: 4, rows: 4, level: 0.5) { Point(x: $0, y: $1) }.isEmpty)
}

@Test func aStraightBoundaryGivesOneOpenLineAcrossTheGrid() {
    // p = x: the 0.5 line is vertical, halfway between columns 4 and 5 of 10.
    let values = (0..<100).map { Double($0 % 10) / 9 }
    let lines = MarchingSquares.contour(values, columns: 10, rows: 10, level: 0.5) { Point(x: $0, y: $1) }
    #expect(lines.count == 1)
    #expect(lines[0].count == 10)
    #expect(lines[0].allSatisfy { abs($0.x - 4.5) < 1e-9 })
}

// MARK: - Layout and output

@Test func thePlotKeepsTheDataAspectAndTheLegendStaysInTheFigure() throws {
    for chart in [try ChartSamples.moonsChart(), try ChartSamples.spiralChart()] {
        let layout = try chart.layout()
        let dataAspect = (chart.grid.x.upperBound - chart.grid.x.lowerBound) / (chart.grid.y.upperBound - chart.grid.y.lowerBound)
        #expect(abs(layout.plotArea.width / layout.plotArea.height - dataAspect) < 0.02)
        #expect(inside(layout.legendFrame, layout.size))
        #expect(!overlaps(layout.legendFrame, layout.plotArea))
        for frames in [layout.xAxis.labelFrames, layout.yAxis.labelFrames] {
            for (a, b) in zip(frames, frames.dropFirst()) { #expect(!overlaps(a, b)) }
            for f in frames { #expect(inside(f, layout.size)) }
        }
        if let bar = layout.colorBarFrame {
            #expect(bar.minX >= layout.legendFrame.minX && bar.maxY <= layout.legendFrame.maxY)
        }
    }
}

@Test func gridCornersMapToThePlotCorners() throws {
    let chart = try ChartSamples.moonsChart()
    let layout = try chart.layout()
    let bottomLeft = try #require(layout.pixel(x: chart.grid.x.lowerBound, y: chart.grid.y.lowerBound))
    let topRight = try #require(layout.pixel(x: chart.grid.x.upperBound, y: chart.grid.y.upperBound))
    #expect(bottomLeft == Point(x: layout.plotArea.minX, y: layout.plotArea.maxY))
    #expect(topRight == Point(x: layout.plotArea.maxX, y: layout.plotArea.minY))
}

@Test func aNoisyHundredByHundredGridWithManySamplesGivesAReasonableSVG() throws {
    var rng = ChartSamples.Random(state: 8)
    let grid = try BoundaryChart.Grid(columns: 100, rows: 100, x: -1...1, y: -1...1,
                                      values: .probability((0..<10_000).map { _ in rng.next() }))
    let samples = (0..<250).map { _ in BoundaryChart.Sample(x: rng.next() * 2 - 1, y: rng.next() * 2 - 1, label: rng.next() < 0.5 ? 0 : 1) }
    let svg = try BoundaryChart(grid: grid, samples: samples).render(theme: .light, format: .svg, idPrefix: "noise")
    try ChartSamples.dump(svg, as: "boundary-noise-light.svg")
    #expect(svg.count < 300_000)
    let moons = try ChartSamples.moonsChart().render(theme: .dark, format: .svg, idPrefix: "moons")
    #expect(moons.count < 300_000)
}

@Test(arguments: [Format.svg, .png])
func boundaryRendersIdenticallyTwice(format: Format) throws {
    let chart = try ChartSamples.spiralChart()
    let a = try chart.render(theme: .dark, format: format, idPrefix: "spiral")
    let b = try chart.render(theme: .dark, format: format, idPrefix: "spiral")
    #expect(firstDifference(a, b) == nil)
}

@Test func everyClassGetsItsOwnMarkerShape() {
    let shapes = (0..<7).map { BoundaryChartRenderer.Marker(classIndex: $0) }
    #expect(Set(shapes).count == 7)
}

@Test func aPNGHeatmapHasNoSeamsBetweenEqualCells() throws {
    let grid = try BoundaryChart.Grid(columns: 97, rows: 89, x: 0...1, y: 0...1, values: .classIndex(Array(repeating: 1, count: 97 * 89), classes: 2))
    let chart = BoundaryChart(grid: grid, samples: [], title: nil)
    let layout = try chart.layout()
    let pixels = try PNGPixels(chart.render(theme: .light, format: .png, idPrefix: "seam"))
    let plot = layout.plotArea
    let reference = pixels.pixel(x: Int(plot.midX), y: Int(plot.midY))
    var distinct = 0
    for y in stride(from: Int(plot.minY) + 2, to: Int(plot.maxY) - 2, by: 3) {
        for x in (Int(plot.minX) + 2)..<(Int(plot.maxX) - 2) where pixels.pixel(x: x, y: y) != reference { distinct += 1 }
    }
    #expect(distinct == 0)
}

// MARK: - Size bound

@Test func manySamplesDrawAnEvenSpreadOfMarkers() {
    let samples = (0..<20_000).map { BoundaryChart.Sample(x: Double($0 % 200) / 200, y: Double($0 / 200) / 100, label: $0 % 2) }
    let drawn = BoundaryChartRenderer.drawnSamples(samples)
    #expect(drawn.count == BoundaryChartRenderer.maxMarkers)
    #expect(drawn.first == samples.first)
    #expect(drawn.filter { $0.label == 1 }.count == BoundaryChartRenderer.maxMarkers / 2, "both classes keep their share")
    let few = Array(samples.prefix(300))
    #expect(BoundaryChartRenderer.drawnSamples(few) == few)
}
