import Testing
@testable import Figures

/// 784-16-10 with pseudo-random weights of both signs (and some exact zeros).
private func mnistNetwork() -> NetworkChart {
    var rng = ChartSamples.Random(state: 21)
    func matrix(_ n: Int) -> [Double] { (0..<n).map { i in i % 97 == 0 ? 0 : rng.normal() } }
    return NetworkChart(layers: [
        .init(size: 784, name: "input"),
        .init(size: 16, name: "hidden", activation: "relu"),
        .init(size: 10, name: "output", activation: "softmax"),
    ], weights: [matrix(784 * 16), matrix(16 * 10)], biases: [matrix(16), matrix(10)])
}

@Test func edgeWidthsGrowWithTheWeightsMagnitude() throws {
    for chart in [ChartSamples.xorNetwork(), mnistNetwork()] {
        let edges = try chart.layout().edges
        // Drawn thinnest first, so widths never decrease along the list, and |w| orders them.
        for (a, b) in zip(edges, edges.dropFirst()) {
            #expect(abs(a.weight) <= abs(b.weight))
            #expect(a.width <= b.width)
        }
        #expect(edges.allSatisfy { $0.width >= NetworkChart.minEdgeWidth })
        let strongest = try #require(edges.last)
        #expect(edges.allSatisfy { $0.width <= strongest.width })
    }
}

@Test func edgeWidthIsProportionalAboveTheMinimum() {
    #expect(NetworkChart.edgeWidth(weight: -8, maxAbsWeight: 8) == NetworkChart.maxEdgeWidth)
    #expect(NetworkChart.edgeWidth(weight: 4, maxAbsWeight: 8) == NetworkChart.maxEdgeWidth / 2)
    #expect(NetworkChart.edgeWidth(weight: 0.001, maxAbsWeight: 8) == NetworkChart.minEdgeWidth)
    #expect(NetworkChart.edgeWidth(weight: 0, maxAbsWeight: 0) == NetworkChart.minEdgeWidth)
}

@Test func edgeColoursFollowTheSignOfTheWeight() throws {
    for theme in [ChartTheme.light, .dark] {
        for edge in try mnistNetwork().layout().edges {
            let expected = edge.weight > 0 ? theme.positive : edge.weight < 0 ? theme.negative : theme.zero
            #expect(edge.color(in: theme) == expected)
            #expect(edge.sign == (edge.weight > 0 ? .positive : edge.weight < 0 ? .negative : .zero))
        }
        #expect(theme.positive != theme.negative)
    }
}

@Test func everyWeightOfASmallNetworkIsOneEdgeBetweenTheRightNeurons() throws {
    let chart = ChartSamples.xorNetwork()
    let layout = try chart.layout()
    #expect(layout.edges.count == 2 * 3 + 3 * 1)
    for edge in layout.edges {
        #expect(edge.weight == chart.weights[edge.fromLayer][edge.from * chart.layers[edge.fromLayer + 1].size + edge.to])
        let from = try #require(layout.nodes[edge.fromLayer].first { $0.index == edge.from })
        let to = try #require(layout.nodes[edge.fromLayer + 1].first { $0.index == edge.to })
        #expect(edge.start == from.center && edge.end == to.center)
    }
}

@Test func defaultNeuronLabelsNameInputsHiddenUnitsAndTheOutput() throws {
    let labels = try ChartSamples.xorNetwork().layout().nodes.map { $0.map(\.label) }
    #expect(labels == [["x₁", "x₂"], ["h₁", "h₂", "h₃"], ["ŷ"]])
    #expect(NetworkChart.defaultLabel(layer: 2, layerCount: 4, index: 11, size: 20) == "h²₁₂")
}

@Test func largeLayersShowTheFirstAndLastNeuronsAroundAnEllipsis() throws {
    let layout = try mnistNetwork().layout()
    #expect(layout.nodes[0].map(\.index) == [0, 1, 2, 3, 4, 779, 780, 781, 782, 783])
    #expect(layout.nodes[1].count == 10)
    #expect(layout.nodes[2].map(\.index) == Array(0..<10))
    #expect(layout.ellipses.map(\.layer) == [0, 1])
    #expect(layout.edges.count == 10 * 10 + 10 * 10)
}

@Test func neuronsCaptionsAndLegendStayApartAndInsideTheFigure() throws {
    for chart in [ChartSamples.xorNetwork(), mnistNetwork()] {
        let layout = try chart.layout()
        var boxes = layout.nodes.joined().map {
            Rect(x: $0.center.x - $0.radius, y: $0.center.y - $0.radius, width: 2 * $0.radius, height: 2 * $0.radius)
        }
        boxes += layout.captionFrames + [layout.legendFrame]
        for (i, a) in boxes.enumerated() {
            #expect(inside(a, layout.size), "box \(i) \(a) outside \(layout.size)")
            for b in boxes[(i + 1)...] { #expect(!overlaps(a, b), "\(a) overlaps \(b)") }
        }
    }
}

@Test func badNetworkInputsAreClearErrors() {
    let layers: [NetworkChart.Layer] = [.init(size: 2, name: "in"), .init(size: 1, name: "out")]
    let cases: [(NetworkChart, String)] = [
        (NetworkChart(layers: [.init(size: 2, name: "in")], weights: []), "needs at least 2 layers, got 1"),
        (NetworkChart(layers: layers, weights: [[1, 2, 3]]),
         "weights[0] must hold 2 × 1 = 2 numbers (row-major, rows = from), got 3"),
        (NetworkChart(layers: layers, weights: [[1, .nan]]), "weights[0][1] is nan"),
        (NetworkChart(layers: layers, weights: []), "needs 1 weight matrices for 2 layers, got 0"),
        (NetworkChart(layers: layers, weights: [[1, 2]], biases: [[1, 2]]), "biases[0] must hold 1 numbers, got 2"),
        (NetworkChart(layers: [.init(size: 0, name: "in"), .init(size: 1, name: "out")], weights: [[]]),
         "layer 0 (in) must have 1...100000 neurons, got 0"),
        (NetworkChart(layers: [.init(size: 2, name: "in", nodeLabels: ["a"]), .init(size: 1, name: "out")], weights: [[1, 2]]),
         "layer 0 (in) has 2 neurons but 1 labels"),
    ]
    for (chart, message) in cases {
        #expect(throws: FigureError(operation: "network chart", message: message)) { try chart.layout() }
    }
}

@Test(arguments: [Format.svg, .png])
func networkRendersIdenticallyTwice(format: Format) throws {
    let a = try ChartSamples.xorNetwork().render(theme: .light, format: format, idPrefix: "net")
    let b = try ChartSamples.xorNetwork().render(theme: .light, format: format, idPrefix: "net")
    #expect(firstDifference(a, b) == nil)
}

@Test func chineseLayerNamesHaveNoUnknownGlyphs() throws {
    var chart = ChartSamples.xorNetwork()
    chart.layers[0].name = "输入层"
    chart.layers[1].name = "隐藏层"
    chart.labels = .init(positive: "正权重", negative: "负权重", width: "线宽 ∝ |w|", bias: "填充：偏置")
    let ruler = try Canvas(size: Size(width: 10, height: 10))
    for text in ["输入层", "隐藏层", "正权重", "负权重", "线宽 ∝ |w|", "填充：偏置"] {
        #expect(try ruler.unknownGlyphCount(text, style: ChartType.axisTitle) == 0)
    }
    try ChartSamples.dump(try chart.render(theme: .dark, format: .png, idPrefix: "zh"), as: "network-chinese-dark.png")
    try ChartSamples.dump(try mnistNetwork().render(theme: .light, format: .png, idPrefix: "mnist"), as: "network-mnist-light.png")
}

@Test func aDeepNetOnAPhoneNamesItsColumnsBySymbolsThatFit() throws {
    let layers = [NetworkChart.Layer(size: 2, name: "input")]
        + (0..<5).map { _ in NetworkChart.Layer(size: 8, name: "hidden", activation: "sigmoid") }
        + [NetworkChart.Layer(size: 1, name: "output", activation: "linear")]
    let weights = zip(layers, layers.dropFirst()).map { a, b in [Double](repeating: 0.5, count: a.size * b.size) }
    let phone = NetworkChart(layers: layers, weights: weights, size: Size(width: 300, height: 260))
    let layout = try phone.layout()
    #expect(layout.captions.map(\.name) == ["x", "h¹", "h²", "h³", "h⁴", "h⁵", "ŷ"])
    #expect(layout.captions.map(\.activation) == [nil, "σ", "σ", "σ", "σ", "σ", "lin"])
    // A desktop's column keeps the words.
    let desktop = try NetworkChart(layers: layers, weights: weights).layout()
    #expect(desktop.captions.map(\.name).first == "input" && desktop.captions.map(\.activation).last == "linear")
}
