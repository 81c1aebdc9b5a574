/// `NetworkChart.layout()` as named steps: measure the text, stack title, legend, neurons and
/// captions vertically, size the neurons, choose each neuron's label, place the columns, then
/// the neurons, the edges and the captions.
extension NetworkChart {
    /// The layout's fixed distances (px) and proportions.
    enum Metrics {
        /// Space kept clear around the whole figure.
        static let margin = 12.0
        /// Between the title and the legend.
        static let titleGap = 6.0
        /// Between the legend and the neurons.
        static let legendGap = 14.0
        /// Between the neurons and the captions.
        static let captionGap = 10.0
        /// Between a layer's name and its activation line.
        static let activationGap = 1.0
        /// Less height than this for the neurons is an error.
        static let minNetworkHeight = 40.0
        /// Width held back from the column pitch for the outer columns' insets when sizing neurons.
        static let insetAllowance = 96.0
        /// A neuron's radius as a share of its row's height, and its bounds.
        static let radiusPerRow = 0.36
        static let minRadius = 6.0, maxRadius = 20.0
        /// At most this share of the column pitch, so neighbouring columns stay apart (never below `minPitchRadius`).
        static let radiusPerColumnPitch = 0.3
        static let minPitchRadius = 3.0
        /// Rows are at most this many radii apart, so a small layer does not spread out.
        static let maxRowPitchInRadii = 3.6
        /// An inside label may be this many radii wide.
        static let insideLabelWidthInRadii = 1.7
        /// An inside label's font size: this share of the radius, at most `maxInsideLabelSize`.
        static let insideLabelSizePerRadius = 0.8
        static let maxInsideLabelSize = 13.0
        /// Between a neuron and the edge of the plot area.
        static let columnEdgeGap = 4.0
        /// The outer columns sit at least this far inside the plot area.
        static let minColumnInset = 48.0
        /// After an outside label, before the edge of the plot area.
        static let outsideLabelEndGap = 2.0
        /// A caption is at most its column's width less this, and never narrower than `minCaptionWidth`.
        static let captionMargin = 10.0
        static let minCaptionWidth = 30.0
        /// The widest edge: at least this, at most this share of the radius.
        static let minWidestEdge = 2.5
        static let widestEdgePerRadius = 0.45
        /// Edges between two columns of more than this many pairs get thinner (by the square root).
        static let comfortableEdgeCount = 24.0
    }

    /// A neuron's label: its text, font size and where it goes.
    struct LabelSpec {
        var text: String
        var size: Double
        var placement: LabelPlacement
    }

    /// The caption under each column and the heights it needs.
    struct CaptionText {
        var captions: [(name: String, activation: String?)]
        var widths: [Double]
        var height: Double
    }

    /// The vertical stack: where the title, legend and neurons go, and how big the neurons are.
    struct Stack {
        var titleFrame: Rect?
        var legendOrigin: Point
        /// The band the neurons fill.
        var area: Rect
        var radius: Double
        /// Distance between the centres of neighbouring neurons in a column.
        var rowPitch: Double
    }

    /// Checks the input, measures the text and places every neuron, edge and caption.
    package func layout() throws(FigureError) -> Layout {
        try validate()
        let ruler = try Canvas(size: Size(width: 10, height: 10), format: .png, idPrefix: "ruler")
        let titleHeight = try title.map { t throws(FigureError) in try ruler.measure(t, style: ChartType.title).height }
        var legend = try legendLayout(ruler: ruler)
        let text = try captionText(ruler: ruler)
        let slots = layers.map { Self.shownIndices($0.size) }
        let stack = try verticalStack(titleHeight: titleHeight, legendSize: legend.size, captionHeight: text.height, slots: slots)
        legend.origin = stack.legendOrigin
        let (neuronLabels, outsideWidths) = try labelSpecs(slots: slots, radius: stack.radius, ruler: ruler)
        let captionLimit = max(stack.area.width / Double(layers.count) - Metrics.captionMargin, Metrics.minCaptionWidth)
        let columnX = columnCentres(area: stack.area, radius: stack.radius, captionWidths: text.widths,
                                    captionLimit: captionLimit, outsideWidths: outsideWidths)
        let placed = placeNeurons(slots: slots, labels: neuronLabels, columnX: columnX, stack: stack)
        let edges = edgeLayout(positions: placed.positions, radius: stack.radius)
        let captionTop = stack.area.maxY + Metrics.captionGap
        let captionFrames = layers.indices.map { l in
            let w = min(text.widths[l], captionLimit)
            return Rect(x: columnX[l] - w / 2, y: captionTop, width: w, height: text.height)
        }
        let maxBias = biases.map { $0.flatMap { $0 }.map(abs).max() ?? 0 } ?? 0
        return Layout(size: size, nodes: placed.nodes, ellipses: placed.ellipses, edges: edges, captionFrames: captionFrames,
                      legendFrame: legend.frame, titleFrame: stack.titleFrame, legend: legend, captions: text.captions,
                      maxAbsBias: maxBias)
    }

    /// The legend, measured as a row (not yet placed).
    func legendLayout(ruler: Canvas) throws(FigureError) -> LegendLayout {
        var entries = [LegendLayout.Entry(label: labels.positive, key: .edge(positive: true)),
                       LegendLayout.Entry(label: labels.negative, key: .edge(positive: false)),
                       LegendLayout.Entry(label: labels.width, key: .edgeWidths)]
        if biases != nil { entries.append(LegendLayout.Entry(label: labels.bias, key: .bias)) }
        return try LegendLayout.measureFlow(entries, ruler: ruler, maxWidth: size.width - 2 * Metrics.margin)
    }

    /// Captions: the name, then the activation, under each column.
    func captionText(ruler: Canvas) throws(FigureError) -> CaptionText {
        let nameStyle = ChartType.styled(ChartType.axisTitle, .black)
        let activationStyle = ChartType.styled(ChartType.tick, .black)
        // A phone-sized chart has narrow columns: the neuron count goes on the second line.
        let compact = size.width < Self.compactWidth
        var captions = layers.map { layer -> (name: String, activation: String?) in
            guard layer.size > Self.maxShownNeurons else { return (layer.name, layer.activation) }
            if compact { return (layer.name, ["(\(layer.size))", layer.activation].compactMap { $0 }.joined(separator: " ")) }
            return ("\(layer.name) (\(layer.size))", layer.activation)
        }
        // Columns too narrow for the words (a deep net on a phone, "hidden" 7 times in 300 px):
        // every column takes the symbol its neurons are named with (x, h¹ … h⁵, ŷ) instead,
        // the neuron count moving to the second line, rather than "hi…" cut short.
        let limit = max((size.width - 2 * Metrics.margin) / Double(max(layers.count, 1)) - Metrics.captionMargin,
                        Metrics.minCaptionWidth)
        var tooWide = false
        for c in captions where try ruler.measure(c.name, style: nameStyle).width > limit { tooWide = true }
        if tooWide {
            captions = layers.enumerated().map { l, layer in
                let count = layer.size > Self.maxShownNeurons ? "(\(layer.size))" : nil
                return (Self.symbol(layer: l, layerCount: layers.count), [count, layer.activation].compactMap { $0 }.joined(separator: " "))
            }
            captions = try captions.map { c throws(FigureError) in
                guard var a = c.activation, !a.isEmpty else { return (c.name, nil) }
                if try ruler.measure(a, style: activationStyle).width > limit {
                    for (word, short) in Self.shortActivations { a = a.replacingOccurrences(of: word, with: short) }
                }
                return (c.name, a)
            }
        }
        let nameHeight = try ruler.measure("Hg", style: nameStyle).height
        let activationHeight = try ruler.measure("Hg", style: activationStyle).height
        let hasActivation = captions.contains { $0.activation != nil }
        var widths: [Double] = []
        for c in captions {
            var w = try ruler.measure(c.name, style: nameStyle).width
            if let a = c.activation { w = max(w, try ruler.measure(a, style: activationStyle).width) }
            widths.append(w)
        }
        return CaptionText(captions: captions, widths: widths,
                           height: nameHeight + (hasActivation ? activationHeight + Metrics.activationGap : 0))
    }

    /// Activations as a narrow column writes them.
    static let shortActivations = [("sigmoid", "σ"), ("linear", "lin"), ("softmax", "smax")]

    /// The short caption of a column: x for the input, ŷ for the output, h (h¹, h² … when there
    /// are several) for a hidden layer, as `NetworkChart.defaultLabel` names their neurons.
    static func symbol(layer: Int, layerCount: Int) -> String {
        if layer == 0 { return "x" }
        if layer == layerCount - 1 { return "ŷ" }
        return layerCount == 3 ? "h" : "h" + NetworkChart.superscriptDigits(layer)
    }

    /// Title, legend, neurons, captions from the top; centred when there is room to spare.
    func verticalStack(titleHeight: Double?, legendSize: Size, captionHeight: Double, slots: [[Int?]]) throws(FigureError) -> Stack {
        let margin = Metrics.margin
        let titleBlock = titleHeight.map { $0 + Metrics.titleGap } ?? 0
        let available = size.height - 2 * margin - titleBlock - legendSize.height - Metrics.legendGap - Metrics.captionGap - captionHeight
        guard available >= Metrics.minNetworkHeight else {
            throw FigureError(operation: "network chart", message: "height \(size.height) px leaves no room for the network")
        }
        let maxSlots = Double(slots.map(\.count).max() ?? 1)
        // Small enough that neighbouring columns (many layers) and rows (big layers) stay apart.
        let columnPitch = (size.width - 2 * margin - Metrics.insetAllowance) / Double(layers.count - 1)
        let radius = min(max((available / maxSlots * Metrics.radiusPerRow).rounded(), Metrics.minRadius), Metrics.maxRadius,
                         max((columnPitch * Metrics.radiusPerColumnPitch).rounded(), Metrics.minPitchRadius))
        let rowPitch = min(available / maxSlots, radius * Metrics.maxRowPitchInRadii)
        let block = (maxSlots - 1) * rowPitch + 2 * radius
        let total = titleBlock + legendSize.height + Metrics.legendGap + block + Metrics.captionGap + captionHeight
        var top = (margin + max(0, (size.height - 2 * margin - total) / 2)).rounded()
        let titleFrame = titleHeight.map { Rect(x: margin, y: top, width: size.width - 2 * margin, height: $0) }
        top += titleBlock
        let legendOrigin = Point(x: ((size.width - legendSize.width) / 2).rounded(), y: top)
        top = legendOrigin.y + legendSize.height + Metrics.legendGap
        return Stack(titleFrame: titleFrame, legendOrigin: legendOrigin,
                     area: Rect(x: margin, y: top, width: size.width - 2 * margin, height: block),
                     radius: radius, rowPitch: rowPitch)
    }

    /// Labels: inside the circle when they fit at a readable size; the input and output layers
    /// otherwise put them outside (left and right), hidden layers drop them. Also returns the
    /// widest outside label on the left and on the right (0 where there is none).
    func labelSpecs(slots: [[Int?]], radius: Double, ruler: Canvas) throws(FigureError) -> ([[LabelSpec]], [Double]) {
        let labelLimit = Metrics.insideLabelWidthInRadii * radius
        var labelSpecs: [[LabelSpec]] = []
        var outsideWidth = [0.0, 0.0]
        for (l, layer) in layers.enumerated() {
            var specs: [LabelSpec] = []
            for slot in slots[l] {
                guard let index = slot else { continue }
                let label = layer.nodeLabels?[index]
                    ?? Self.defaultLabel(layer: l, layerCount: layers.count, index: index, size: layer.size)
                var size = min(Metrics.maxInsideLabelSize, (radius * Metrics.insideLabelSizePerRadius).rounded())
                let measured = try ruler.measure(label, style: TextStyle(size: size)).width
                // Shrunk to fit, in whole tenths of a point.
                if measured > labelLimit { size = (size * labelLimit / measured * 10).rounded(.down) / 10 }
                let outer = l == 0 || l == layers.count - 1
                if size < Self.minInsideLabelSize && outer {
                    let width = try ruler.measure(label, style: TextStyle(size: Self.outsideLabelSize)).width
                    outsideWidth[l == 0 ? 0 : 1] = max(outsideWidth[l == 0 ? 0 : 1], width)
                    specs.append(LabelSpec(text: label, size: Self.outsideLabelSize, placement: l == 0 ? .left : .right))
                } else {
                    specs.append(LabelSpec(text: size >= Self.minInsideLabelSize ? label : "", size: size, placement: .inside))
                }
            }
            labelSpecs.append(specs)
        }
        return (labelSpecs, outsideWidth)
    }

    /// Columns are evenly spaced; the outer ones keep room for half a caption and for outside labels.
    func columnCentres(area: Rect, radius: Double, captionWidths: [Double], captionLimit: Double,
                       outsideWidths: [Double]) -> [Double] {
        func inset(captionWidth: Double, outsideWidth: Double) -> Double {
            max(radius + Metrics.columnEdgeGap, Metrics.minColumnInset, min(captionWidth / 2, captionLimit / 2),
                outsideWidth > 0 ? radius + Self.outsideLabelGap + outsideWidth + Metrics.outsideLabelEndGap : 0)
        }
        let left = area.minX + inset(captionWidth: captionWidths.first ?? 0, outsideWidth: outsideWidths[0])
        let right = area.maxX - inset(captionWidth: captionWidths.last ?? 0, outsideWidth: outsideWidths[1])
        return layers.indices.map { l in
            (left + (right - left) * Double(l) / Double(layers.count - 1)).rounded()
        }
    }

    /// Every shown neuron, each "⋮", and each layer's neuron centres by neuron index.
    func placeNeurons(slots: [[Int?]], labels: [[LabelSpec]], columnX: [Double], stack: Stack)
        -> (nodes: [[Node]], ellipses: [(layer: Int, center: Point)], positions: [[Int: Point]]) {
        var nodes: [[Node]] = []
        var ellipses: [(layer: Int, center: Point)] = []
        var positions: [[Int: Point]] = []
        for l in layers.indices {
            var column: [Node] = []
            var centres: [Int: Point] = [:]
            let n = Double(slots[l].count)
            var shown = 0
            for (k, slot) in slots[l].enumerated() {
                let center = Point(x: columnX[l], y: (stack.area.midY + (Double(k) - (n - 1) / 2) * stack.rowPitch).rounded())
                guard let index = slot else {
                    ellipses.append((l, center))
                    continue
                }
                let spec = labels[l][shown]
                shown += 1
                column.append(Node(layer: l, index: index, center: center, radius: stack.radius, label: spec.text,
                                   labelSize: spec.size, labelPlacement: spec.placement,
                                   bias: l == 0 ? nil : biases?[l - 1][index]))
                centres[index] = center
            }
            nodes.append(column)
            positions.append(centres)
        }
        return (nodes, ellipses, positions)
    }

    /// An edge between every pair of shown neurons in neighbouring layers, thinnest first.
    func edgeLayout(positions: [[Int: Point]], radius: Double) -> [Edge] {
        let maxWeight = weights.flatMap { $0 }.map(abs).max() ?? 0
        // Thinner lines where many edges share the space between two columns.
        let densest = zip(positions, positions.dropFirst()).map { Double($0.count * $1.count) }.max() ?? 1
        let widest = max(Metrics.minWidestEdge, min(Self.maxEdgeWidth, radius * Metrics.widestEdgePerRadius)
                                                * min(1, (Metrics.comfortableEdgeCount / densest).squareRoot()))
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
        return edges.enumerated().sorted { a, b in
            abs(a.element.weight) < abs(b.element.weight) || (abs(a.element.weight) == abs(b.element.weight) && a.offset < b.offset)
        }.map(\.element)
    }
}
