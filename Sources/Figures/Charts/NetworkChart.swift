/// A feed-forward network drawn TensorFlow-Playground style: neurons as circles in columns,
/// one line per weight with width proportional to |w| and colour by sign, node fill tinted by bias.
public struct NetworkChart: Sendable {
    public struct Layer: Sendable, Hashable {
        /// Number of neurons (>= 1).
        public var size: Int
        /// Caption under the column, e.g. "input", "hidden", "output".
        public var name: String
        /// Second caption line, e.g. "sigmoid", "linear"; nil for none.
        public var activation: String?
        /// One label per neuron; nil for the defaults x₁…, h₁…, ŷ.
        public var nodeLabels: [String]?

        public init(size: Int, name: String, activation: String? = nil, nodeLabels: [String]? = nil) {
            self.size = size
            self.name = name
            self.activation = activation
            self.nodeLabels = nodeLabels
        }
    }

    /// Legend wording (override for other languages).
    public struct Labels: Sendable, Hashable {
        public var positive: String
        public var negative: String
        public var width: String
        public var bias: String

        public init(positive: String = "w > 0", negative: String = "w < 0", width: String = "width ∝ |w|",
                    bias: String = "fill: bias") {
            self.positive = positive
            self.negative = negative
            self.width = width
            self.bias = bias
        }
    }

    public var layers: [Layer]
    /// `weights[l]` connects `layers[l]` to `layers[l + 1]`: row-major, rows = from, columns = to.
    public var weights: [[Double]]
    /// `biases[l]` belongs to `layers[l + 1]`; nil when the network has none.
    public var biases: [[Double]]?
    public var title: String?
    public var labels: Labels
    /// Figure size in px.
    public var size: Size

    public init(layers: [Layer], weights: [[Double]], biases: [[Double]]? = nil, title: String? = nil,
                labels: Labels = Labels(), size: Size = Size(width: 640, height: 400)) {
        self.layers = layers
        self.weights = weights
        self.biases = biases
        self.title = title
        self.labels = labels
        self.size = size
    }

    /// Layers with more neurons than this show only `shownAtEachEnd` at each end and a "⋮".
    public static let maxShownNeurons = 12
    public static let shownAtEachEnd = 5
    /// Edge widths in px: the largest |w| gets `maxEdgeWidth` (less when neurons are small),
    /// every edge at least `minEdgeWidth` so that none disappears.
    public static let minEdgeWidth = 0.75
    public static let maxEdgeWidth = 7.0

    public enum Sign: Sendable, Hashable {
        case positive, negative, zero

        init(_ v: Double) { self = v > 0 ? .positive : v < 0 ? .negative : .zero }
    }

    /// Where a neuron's label goes: in the circle, or beside it (input and output layers with small circles).
    public enum LabelPlacement: Sendable, Hashable { case inside, left, right }

    static let minInsideLabelSize = 8.5
    static let outsideLabelSize = 11.0
    static let outsideLabelGap = 5.0

    public struct Node: Sendable, Hashable {
        public var layer: Int
        public var index: Int
        public var center: Point
        public var radius: Double
        /// Empty when there is no room for it.
        public var label: String
        /// Font size in px.
        public var labelSize: Double
        public var labelPlacement: LabelPlacement
        public var bias: Double?
    }

    public struct Edge: Sendable, Hashable {
        /// The edge goes from `layers[fromLayer]` neuron `from` to `layers[fromLayer + 1]` neuron `to`.
        public var fromLayer: Int
        public var from: Int
        public var to: Int
        public var weight: Double
        public var start: Point
        public var end: Point
        /// Stroke width in px.
        public var width: Double
        public var sign: Sign

        /// The stroke colour in `theme`.
        public func color(in theme: ChartTheme) -> Color {
            switch sign {
            case .positive: theme.positive
            case .negative: theme.negative
            case .zero: theme.zero
            }
        }
    }

    /// The computed drawing: every visible neuron and edge, in drawing order.
    public struct Layout: Sendable {
        public var size: Size
        /// Visible neurons per layer (large layers: the first and last few).
        public var nodes: [[Node]]
        /// Where the "⋮" of each shortened layer goes (layer index, centre).
        public var ellipses: [(layer: Int, center: Point)]
        /// Thinnest first, so strong weights are drawn on top.
        public var edges: [Edge]
        /// One frame per layer, covering its caption lines.
        public var captionFrames: [Rect]
        public var legendFrame: Rect
        public var titleFrame: Rect?

        let legend: LegendLayout
        let captions: [(name: String, activation: String?)]
        let maxAbsBias: Double
    }

    /// The edge width for `weight` when the largest |weight| in the network is `maxAbsWeight`.
    public static func edgeWidth(weight: Double, maxAbsWeight: Double, maxWidth: Double = maxEdgeWidth) -> Double {
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

    /// Checks the input, measures the text and places every neuron, edge and caption.
    public func layout() throws(FigureError) -> Layout {
        try validate()
        let ruler = try Canvas(size: Size(width: 10, height: 10), format: .png, idPrefix: "ruler")
        let pad = 12.0
        let titleHeight = try title.map { t throws(FigureError) in try ruler.measure(t, style: ChartType.title).height }
        var entries = [LegendLayout.Entry(label: labels.positive, key: .edge(positive: true)),
                       LegendLayout.Entry(label: labels.negative, key: .edge(positive: false)),
                       LegendLayout.Entry(label: labels.width, key: .edgeWidths)]
        if biases != nil { entries.append(LegendLayout.Entry(label: labels.bias, key: .bias)) }
        var legend = try LegendLayout.measureFlow(entries, ruler: ruler, maxWidth: size.width - 2 * pad)

        // Captions: the name, then the activation, under each column.
        let nameStyle = ChartType.styled(ChartType.axisTitle, .black)
        let activationStyle = ChartType.styled(ChartType.tick, .black)
        let captions = layers.map { layer -> (name: String, activation: String?) in
            let name = layer.size > Self.maxShownNeurons ? "\(layer.name) (\(layer.size))" : layer.name
            return (name, layer.activation)
        }
        let nameHeight = try ruler.measure("Hg", style: nameStyle).height
        let activationHeight = try ruler.measure("Hg", style: activationStyle).height
        let hasActivation = captions.contains { $0.activation != nil }
        let captionHeight = nameHeight + (hasActivation ? activationHeight + 1 : 0)

        // Vertical stack: title, legend, neurons, captions; centred when there is room to spare.
        let titleBlock = titleHeight.map { $0 + 6 } ?? 0
        let legendGap = 14.0, captionGap = 10.0
        let available = size.height - 2 * pad - titleBlock - legend.size.height - legendGap - captionGap - captionHeight
        guard available >= 40 else {
            throw FigureError(operation: "network chart", message: "height \(size.height) px leaves no room for the network")
        }
        let slots = layers.map { Self.shownIndices($0.size) }
        let maxSlots = Double(slots.map(\.count).max() ?? 1)
        // Small enough that neighbouring columns (many layers) and rows (big layers) stay apart.
        let columnPitch = (size.width - 2 * pad - 96) / Double(layers.count - 1)
        let radius = min(max((available / maxSlots * 0.36).rounded(), 6), 20, max((columnPitch * 0.3).rounded(), 3))
        let spacing = min(available / maxSlots, radius * 3.6)
        let block = (maxSlots - 1) * spacing + 2 * radius
        let total = titleBlock + legend.size.height + legendGap + block + captionGap + captionHeight
        var top = (pad + max(0, (size.height - 2 * pad - total) / 2)).rounded()
        let titleFrame = titleHeight.map { Rect(x: pad, y: top, width: size.width - 2 * pad, height: $0) }
        top += titleBlock
        legend.origin = Point(x: ((size.width - legend.size.width) / 2).rounded(), y: top)
        top = legend.frame.maxY + legendGap
        let area = Rect(x: pad, y: top, width: size.width - 2 * pad, height: block)
        let bottom = area.maxY

        // Columns are evenly spaced; the outer ones keep room for half a caption.
        var captionWidths: [Double] = []
        for c in captions {
            var w = try ruler.measure(c.name, style: nameStyle).width
            if let a = c.activation { w = max(w, try ruler.measure(a, style: activationStyle).width) }
            captionWidths.append(w)
        }
        // Labels: inside the circle when they fit at a readable size; the input and output
        // layers otherwise put them outside (left and right), hidden layers drop them.
        let labelLimit = 1.7 * radius
        var labelSpecs: [[(text: String, size: Double, placement: LabelPlacement)]] = []
        var outsideWidth = [0.0, 0.0]
        for (l, layer) in layers.enumerated() {
            var specs: [(text: String, size: Double, placement: LabelPlacement)] = []
            for slot in slots[l] {
                guard let index = slot else { continue }
                let label = layer.nodeLabels?[index]
                    ?? Self.defaultLabel(layer: l, layerCount: layers.count, index: index, size: layer.size)
                var size = min(13, (radius * 0.8).rounded())
                let measured = try ruler.measure(label, style: TextStyle(size: size)).width
                if measured > labelLimit { size = (size * labelLimit / measured * 10).rounded(.down) / 10 }
                let outer = l == 0 || l == layers.count - 1
                if size < Self.minInsideLabelSize && outer {
                    let placement: LabelPlacement = l == 0 ? .left : .right
                    let width = try ruler.measure(label, style: TextStyle(size: Self.outsideLabelSize)).width
                    outsideWidth[l == 0 ? 0 : 1] = max(outsideWidth[l == 0 ? 0 : 1], width)
                    specs.append((label, Self.outsideLabelSize, placement))
                } else {
                    specs.append((size >= Self.minInsideLabelSize ? label : "", size, .inside))
                }
            }
            labelSpecs.append(specs)
        }

        let columnGap = area.width / Double(layers.count)
        let captionLimit = max(columnGap - 10, 30)
        let leftInset = max(radius + 4, 48, min((captionWidths.first ?? 0) / 2, captionLimit / 2),
                            outsideWidth[0] > 0 ? radius + Self.outsideLabelGap + outsideWidth[0] + 2 : 0)
        let rightInset = max(radius + 4, 48, min((captionWidths.last ?? 0) / 2, captionLimit / 2),
                             outsideWidth[1] > 0 ? radius + Self.outsideLabelGap + outsideWidth[1] + 2 : 0)
        let left = area.minX + leftInset, right = area.maxX - rightInset
        let columnX: [Double] = layers.indices.map { l in
            (left + (right - left) * Double(l) / Double(layers.count - 1)).rounded()
        }

        let maxBias = biases.map { $0.flatMap { $0 }.map(abs).max() ?? 0 } ?? 0
        var nodes: [[Node]] = []
        var ellipses: [(layer: Int, center: Point)] = []
        var positions: [[Int: Point]] = []
        for l in layers.indices {
            var column: [Node] = []
            var where_: [Int: Point] = [:]
            let n = Double(slots[l].count)
            var shown = 0
            for (k, slot) in slots[l].enumerated() {
                let center = Point(x: columnX[l], y: (area.midY + (Double(k) - (n - 1) / 2) * spacing).rounded())
                guard let index = slot else {
                    ellipses.append((l, center))
                    continue
                }
                let spec = labelSpecs[l][shown]
                shown += 1
                column.append(Node(layer: l, index: index, center: center, radius: radius, label: spec.text,
                                   labelSize: spec.size, labelPlacement: spec.placement,
                                   bias: l == 0 ? nil : biases?[l - 1][index]))
                where_[index] = center
            }
            nodes.append(column)
            positions.append(where_)
        }

        let maxWeight = weights.flatMap { $0 }.map(abs).max() ?? 0
        // Thinner lines where many edges share the space between two columns.
        let densest = zip(positions, positions.dropFirst()).map { Double($0.count * $1.count) }.max() ?? 1
        let widest = max(2.5, min(Self.maxEdgeWidth, radius * 0.45) * min(1, (24 / densest).squareRoot()))
        var edges: [Edge] = []
        for l in weights.indices {
            let columns = layers[l + 1].size
            for (from, a) in positions[l].sorted(by: { $0.key < $1.key }) {
                for (to, b) in positions[l + 1].sorted(by: { $0.key < $1.key }) {
                    let w = weights[l][from * columns + to]
                    edges.append(Edge(fromLayer: l, from: from, to: to, weight: w, start: a, end: b,
                                      width: Self.edgeWidth(weight: w, maxAbsWeight: maxWeight, maxWidth: widest),
                                      sign: Sign(w)))
                }
            }
        }
        // Stable: equal |w| keep layer/from/to order, so the drawing is deterministic.
        edges = edges.enumerated().sorted { a, b in
            abs(a.element.weight) < abs(b.element.weight) || (abs(a.element.weight) == abs(b.element.weight) && a.offset < b.offset)
        }.map(\.element)

        let captionTop = bottom + captionGap
        let captionFrames = layers.indices.map { l in
            let w = min(captionWidths[l], captionLimit)
            return Rect(x: columnX[l] - w / 2, y: captionTop, width: w, height: captionHeight)
        }
        return Layout(size: size, nodes: nodes, ellipses: ellipses, edges: edges, captionFrames: captionFrames,
                      legendFrame: legend.frame, titleFrame: titleFrame, legend: legend, captions: captions,
                      maxAbsBias: maxBias)
    }

    /// The network as PNG, SVG or PDF bytes; `idPrefix` keeps SVG ids unique on a page.
    public func render(theme: ChartTheme, format: Format, idPrefix: String) throws(FigureError) -> [UInt8] {
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
        return try canvas.render()
    }

    /// The neuron fill: the plain fill, tinted towards the sign colour by |bias| / max |bias|.
    static func nodeFill(bias: Double?, maxAbsBias: Double, theme: ChartTheme) -> Color {
        guard let bias, maxAbsBias > 0, bias != 0 else { return theme.neuronFill }
        let strength = 0.12 + 0.38 * min(abs(bias) / maxAbsBias, 1)
        return ChartColor.mix(theme.neuronFill, bias > 0 ? theme.positive : theme.negative, strength)
    }
}
