/// A feed-forward network drawn TensorFlow-Playground style: neurons as circles in columns,
/// one line per weight with width proportional to |w| and colour by sign, node fill tinted by bias.
package struct NetworkChart: Sendable {
    package struct Layer: Sendable, Hashable {
        /// Number of neurons (>= 1).
        package var size: Int
        /// Caption under the column, e.g. "input", "hidden", "output".
        package var name: String
        /// Second caption line, e.g. "sigmoid", "linear"; nil for none.
        package var activation: String?
        /// One label per neuron; nil for the defaults x₁…, h₁…, ŷ.
        package var nodeLabels: [String]?

        package init(size: Int, name: String, activation: String? = nil, nodeLabels: [String]? = nil) {
            self.size = size
            self.name = name
            self.activation = activation
            self.nodeLabels = nodeLabels
        }
    }

    /// Legend wording (override for other languages).
    package struct Labels: Sendable, Hashable {
        package var positive: String
        package var negative: String
        package var width: String
        package var bias: String

        package init(positive: String = "w > 0", negative: String = "w < 0", width: String = "width ∝ |w|",
                     bias: String = "fill: bias") {
            self.positive = positive
            self.negative = negative
            self.width = width
            self.bias = bias
        }
    }

    package var layers: [Layer]
    /// `weights[l]` connects `layers[l]` to `layers[l + 1]`: row-major, rows = from, columns = to.
    package var weights: [[Double]]
    /// `biases[l]` belongs to `layers[l + 1]`; nil when the network has none.
    package var biases: [[Double]]?
    package var title: String?
    package var labels: Labels
    /// Figure size in px.
    package var size: Size

    package init(layers: [Layer], weights: [[Double]], biases: [[Double]]? = nil, title: String? = nil,
                 labels: Labels = Labels(), size: Size = Size(width: 640, height: 400)) {
        self.layers = layers
        self.weights = weights
        self.biases = biases
        self.title = title
        self.labels = labels
        self.size = size
    }

    /// Layers with more neurons than this show only `shownAtEachEnd` at each end and a "⋮".
    package static let maxShownNeurons = 12
    /// Narrower charts (a phone's column) write a big layer's neuron count under its name.
    package static let compactWidth = 420.0
    package static let shownAtEachEnd = 5
    /// Edge widths in px: the largest |w| gets `maxEdgeWidth` (less when neurons are small),
    /// every edge at least `minEdgeWidth` so that none disappears.
    package static let minEdgeWidth = 0.75
    package static let maxEdgeWidth = 7.0

    package enum Sign: Sendable, Hashable {
        case positive, negative, zero

        init(_ v: Double) { self = v > 0 ? .positive : v < 0 ? .negative : .zero }
    }

    /// Where a neuron's label goes: in the circle, or beside it (input and output layers with small circles).
    package enum LabelPlacement: Sendable, Hashable { case inside, left, right }

    static let minInsideLabelSize = 8.5
    static let outsideLabelSize = 11.0
    static let outsideLabelGap = 5.0

    package struct Node: Sendable, Hashable {
        package var layer: Int
        package var index: Int
        package var center: Point
        package var radius: Double
        /// Empty when there is no room for it.
        package var label: String
        /// Font size in px.
        package var labelSize: Double
        package var labelPlacement: LabelPlacement
        package var bias: Double?
    }

    package struct Edge: Sendable, Hashable {
        /// The edge goes from `layers[fromLayer]` neuron `from` to `layers[fromLayer + 1]` neuron `to`.
        package var fromLayer: Int
        package var from: Int
        package var to: Int
        package var weight: Double
        package var start: Point
        package var end: Point
        /// Stroke width in px.
        package var width: Double
        package var sign: Sign

        /// The stroke colour in `theme`.
        package func color(in theme: ChartTheme) -> Color {
            switch sign {
            case .positive: theme.positive
            case .negative: theme.negative
            case .zero: theme.zero
            }
        }
    }

    /// The computed drawing: every visible neuron and edge, in drawing order.
    package struct Layout: Sendable {
        package var size: Size
        /// Visible neurons per layer (large layers: the first and last few).
        package var nodes: [[Node]]
        /// Where the "⋮" of each shortened layer goes (layer index, centre).
        package var ellipses: [(layer: Int, center: Point)]
        /// Thinnest first, so strong weights are drawn on top.
        package var edges: [Edge]
        /// One frame per layer, covering its caption lines.
        package var captionFrames: [Rect]
        package var legendFrame: Rect
        package var titleFrame: Rect?

        let legend: LegendLayout
        let captions: [(name: String, activation: String?)]
        let maxAbsBias: Double
    }

    /// The edge width for `weight` when the largest |weight| in the network is `maxAbsWeight`.
    package static func edgeWidth(weight: Double, maxAbsWeight: Double, maxWidth: Double = maxEdgeWidth) -> Double {
        guard maxAbsWeight > 0, maxAbsWeight.isFinite else { return minEdgeWidth }
        return max(minEdgeWidth, maxWidth * min(abs(weight) / maxAbsWeight, 1))
    }

    /// The neuron indices a layer of `count` shows, with nil where the "⋮" goes.
    static func shownIndices(_ count: Int) -> [Int?] {
        guard count > maxShownNeurons else { return (0..<count).map { $0 } }
        return (0..<shownAtEachEnd).map { $0 } + [nil] + ((count - shownAtEachEnd)..<count).map { $0 }
    }

    /// x₁, x₂ … for the input, h₁ … for one hidden layer (h¹₁, h²₁ … for several), ŷ (ŷ₁ …) for the output.
    static func defaultLabel(layer: Int, layerCount: Int, index: Int, size: Int) -> String {
        let sub = subscriptDigits(index + 1)
        if layer == 0 { return "x" + sub }
        if layer == layerCount - 1 { return size == 1 ? "ŷ" : "ŷ" + sub }
        return layerCount == 3 ? "h" + sub : "h" + superscriptDigits(layer) + sub
    }

    static func subscriptDigits(_ n: Int) -> String {
        String(String(n).unicodeScalars.map { Character(Unicode.Scalar(0x2080 + $0.value - 0x30)!) })
    }

    static func superscriptDigits(_ n: Int) -> String {
        let table: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return String(String(n).unicodeScalars.map { table[Int($0.value - 0x30)] })
    }

    func validate() throws(FigureError) {
        let operation = "network chart"
        func fail(_ message: String) -> FigureError { FigureError(operation: operation, message: message) }
        guard layers.count >= 2 else { throw fail("needs at least 2 layers, got \(layers.count)") }
        for (l, layer) in layers.enumerated() {
            guard layer.size >= 1 && layer.size <= 100_000 else {
                throw fail("layer \(l) (\(layer.name)) must have 1...100000 neurons, got \(layer.size)")
            }
            if let labels = layer.nodeLabels, labels.count != layer.size {
                throw fail("layer \(l) (\(layer.name)) has \(layer.size) neurons but \(labels.count) labels")
            }
        }
        guard weights.count == layers.count - 1 else {
            throw fail("needs \(layers.count - 1) weight matrices for \(layers.count) layers, got \(weights.count)")
        }
        for (l, w) in weights.enumerated() {
            let rows = layers[l].size, columns = layers[l + 1].size
            guard w.count == rows * columns else {
                throw fail("weights[\(l)] must hold \(rows) × \(columns) = \(rows * columns) numbers (row-major, rows = from), got \(w.count)")
            }
            if let bad = w.firstIndex(where: { !$0.isFinite }) {
                throw fail("weights[\(l)][\(bad)] is \(w[bad])")
            }
        }
        if let biases {
            guard biases.count == layers.count - 1 else {
                throw fail("needs \(layers.count - 1) bias vectors (one per layer after the input), got \(biases.count)")
            }
            for (l, b) in biases.enumerated() {
                guard b.count == layers[l + 1].size else {
                    throw fail("biases[\(l)] must hold \(layers[l + 1].size) numbers, got \(b.count)")
                }
                if let bad = b.firstIndex(where: { !$0.isFinite }) {
                    throw fail("biases[\(l)][\(bad)] is \(b[bad])")
                }
            }
        }
        try LossChart.checkSize(size, operation: operation)
    }

    /// The network as PNG, SVG or PDF bytes; `idPrefix` keeps SVG ids unique on a page.
    package func render(theme: ChartTheme, format: Format, idPrefix: String) throws(FigureError) -> [UInt8] {
        try drawing(theme: theme, format: format, idPrefix: idPrefix).render()
    }

    /// The network drawn, to render (`ThemedSVG.render` renders a light and a dark one together).
    package func drawing(theme: ChartTheme, format: Format, idPrefix: String) throws(FigureError) -> Drawing {
        let layout = try layout()
        let canvas = try Canvas(size: layout.size, format: format, idPrefix: idPrefix)
        canvas.paint(theme.background)
        if let title, let frame = layout.titleFrame {
            canvas.text(title, at: Point(x: frame.midX, y: frame.minY),
                        style: ChartType.styled(ChartType.title, theme.text, maxWidth: frame.width), anchor: TextAnchor(.center, .top))
        }
        for edge in layout.edges {
            canvas.line(from: edge.start, to: edge.end,
                        style: StrokeStyle(width: edge.width, color: edge.color(in: theme).withAlpha(0.85), cap: .round))
        }
        for node in layout.nodes.joined() {
            let fill = Self.nodeFill(bias: node.bias, maxAbsBias: layout.maxAbsBias, theme: theme)
            canvas.fillCircle(center: node.center, radius: node.radius, color: fill)
            canvas.strokeCircle(center: node.center, radius: node.radius, style: StrokeStyle(width: 1.5, color: theme.neuronStroke))
            guard !node.label.isEmpty else { continue }
            let style = TextStyle(size: node.labelSize, color: theme.text)
            switch node.labelPlacement {
            case .inside:
                canvas.text(node.label, at: node.center, style: style, anchor: .center)
            case .left:
                canvas.text(node.label, at: Point(x: node.center.x - node.radius - Self.outsideLabelGap, y: node.center.y),
                            style: style, anchor: TextAnchor(.right, .middle))
            case .right:
                canvas.text(node.label, at: Point(x: node.center.x + node.radius + Self.outsideLabelGap, y: node.center.y),
                            style: style, anchor: TextAnchor(.left, .middle))
            }
        }
        for ellipsis in layout.ellipses {
            canvas.text("⋮", at: ellipsis.center, style: ChartType.styled(ChartType.axisTitle, theme.muted), anchor: .center)
        }
        let nameStyle = ChartType.styled(ChartType.axisTitle, theme.text)
        let activationStyle = ChartType.styled(ChartType.tick, theme.muted)
        for (l, caption) in layout.captions.enumerated() {
            let frame = layout.captionFrames[l]
            var name = nameStyle
            name.maxWidth = max(frame.width, 1) + 0.5
            canvas.text(caption.name, at: Point(x: frame.midX, y: frame.minY), style: name, anchor: TextAnchor(.center, .top))
            if let activation = caption.activation {
                var style = activationStyle
                style.maxWidth = max(frame.width, 1) + 0.5
                canvas.text(activation, at: Point(x: frame.midX, y: frame.maxY), style: style, anchor: TextAnchor(.center, .bottom))
            }
        }
        layout.legend.draw(on: canvas, theme: theme, filled: false) { key, rect in
            let y = rect.midY
            switch key {
            case .edge(let positive):
                canvas.line(from: Point(x: rect.minX + 1, y: y), to: Point(x: rect.maxX - 1, y: y),
                            style: StrokeStyle(width: 3, color: positive ? theme.positive : theme.negative, cap: .round))
            case .edgeWidths:
                var wedge = Path()
                wedge.move(to: Point(x: rect.minX, y: y - 0.5))
                wedge.line(to: Point(x: rect.maxX, y: y - 3.5))
                wedge.line(to: Point(x: rect.maxX, y: y + 3.5))
                wedge.line(to: Point(x: rect.minX, y: y + 0.5))
                wedge.close()
                canvas.fill(wedge, color: theme.muted)
            case .bias:
                let c = Point(x: rect.midX, y: y)
                canvas.fillCircle(center: Point(x: c.x - 6, y: y), radius: 5.5,
                                  color: Self.nodeFill(bias: 1, maxAbsBias: 1, theme: theme))
                canvas.strokeCircle(center: Point(x: c.x - 6, y: y), radius: 5.5, style: StrokeStyle(width: 1, color: theme.neuronStroke))
                canvas.fillCircle(center: Point(x: c.x + 7, y: y), radius: 5.5,
                                  color: Self.nodeFill(bias: -1, maxAbsBias: 1, theme: theme))
                canvas.strokeCircle(center: Point(x: c.x + 7, y: y), radius: 5.5, style: StrokeStyle(width: 1, color: theme.neuronStroke))
            case .line, .marker, .contour:
                break
            }
        }
        return Drawing(canvas: canvas)
    }

    /// The neuron fill: the plain fill, tinted towards the sign colour by |bias| / max |bias|.
    static func nodeFill(bias: Double?, maxAbsBias: Double, theme: ChartTheme) -> Color {
        guard let bias, maxAbsBias > 0, bias != 0 else { return theme.neuronFill }
        let strength = 0.12 + 0.38 * min(abs(bias) / maxAbsBias, 1)
        return ChartColor.mix(theme.neuronFill, bias > 0 ? theme.positive : theme.negative, strength)
    }
}
