/// A computational-graph diagram: one card per node (name, operation, value and gradient lines)
/// and one arrow per edge, optionally labelled with its local derivative.
package struct GraphDiagram: Sendable {
    /// One node's card. Lines are preformatted by the caller (numbers, small matrices).
    package struct Card: Sendable {
        /// `group`: a collapsed group of nodes, drawn with a double border.
        package enum Role: Sendable { case input, parameter, constant, operation, output, group }
        package var title: String
        package var caption: String
        package var role: Role
        package var valueLines: [String]
        package var gradientLines: [String]
        /// Lines the card must be wide enough for without drawing them (numbers of other steps).
        package var measureLines: [String]

        package init(title: String, caption: String, role: Role, valueLines: [String], gradientLines: [String],
                     measureLines: [String] = []) {
            self.title = title
            self.caption = caption
            self.role = role
            self.valueLines = valueLines
            self.gradientLines = gradientLines
            self.measureLines = measureLines
        }
    }

    /// An arrow from an input card to the card that uses it.
    package struct Edge: Sendable {
        package var from: Int
        package var to: Int
        package var label: String?

        package init(from: Int, to: Int, label: String?) {
            self.from = from
            self.to = to
            self.label = label
        }
    }

    package var cards: [Card]
    package var edges: [Edge]

    package init(cards: [Card], edges: [Edge]) {
        self.cards = cards
        self.edges = edges
    }

    /// Type sizes and paddings of a card, in px.
    package struct Metrics: Sendable {
        package var titleStyle = TextStyle(size: 14, weight: .bold, maxWidth: 170)
        package var captionStyle = TextStyle(size: 12, maxWidth: 120)
        package var lineStyle = TextStyle(family: "DejaVu Sans Mono, Noto Sans Mono CJK SC, monospace", size: 12)
        package var labelStyle = TextStyle(size: 11)
        package var padding = 8.0
        package var headerGap = 14.0
        package var lineGap = 2.0
        package var sectionGap = 6.0
        package var minWidth = 92.0

        package init() {}
    }

    /// Where everything went: the layered layout plus the value and gradient areas of each card
    /// (the page positions its step-by-step numbers over those areas).
    package struct Layout: Sendable {
        package var layered: LayeredLayout
        package var headerFrames: [Rect]
        package var valueFrames: [Rect]
        package var gradientFrames: [Rect]
        package var size: Size { layered.size }
    }

    /// Every text of the diagram measured with Pango: most of a layout's time, and the same for
    /// every width, so a diagram laid out at two widths measures once.
    package struct Measurements: Sendable {
        var sizes: [Size]
        var parts: [(header: Double, value: Double, gradient: Double)]
        var labelSizes: [Size?]
    }

    /// Measures every text with Pango and lays the diagram out: left to right when that is at most
    /// `maxWidth` wide, else top to bottom with its layers wrapped to that width (whichever of the
    /// two is narrower, when neither fits).
    package func layout(metrics: Metrics = Metrics(), maxWidth: Double? = nil) throws(FigureError) -> Layout {
        layout(try measure(metrics: metrics), maxWidth: maxWidth)
    }

    /// The sizes of the cards and edge labels, for `layout(_:maxWidth:)`.
    package func measure(metrics: Metrics = Metrics()) throws(FigureError) -> Measurements {
        let ruler = try Canvas(size: Size(width: 10, height: 10), format: .png, idPrefix: "ruler")
        let lineHeight = try ruler.measure("0", style: metrics.lineStyle).height
        var sizes: [Size] = []
        var parts: [(header: Double, value: Double, gradient: Double)] = []
        for card in cards {
            let title = try ruler.measure(card.title, style: metrics.titleStyle)
            let caption = try ruler.measure(card.caption, style: metrics.captionStyle)
            var width = title.width + metrics.headerGap + caption.width
            for line in card.valueLines + card.gradientLines + card.measureLines {
                width = max(width, try ruler.measure(line, style: metrics.lineStyle).width)
            }
            let header = max(title.height, caption.height) + metrics.padding * 1.5
            let value = Self.blockHeight(card.valueLines.count, lineHeight: lineHeight, metrics: metrics)
            let gradient = Self.blockHeight(card.gradientLines.count, lineHeight: lineHeight, metrics: metrics)
            parts.append((header, value, gradient))
            sizes.append(Size(width: max(metrics.minWidth, width.rounded(.up) + 2 * metrics.padding),
                              height: (header + value + gradient + metrics.padding / 2).rounded(.up)))
        }
        var labelSizes: [Size?] = []
        for edge in edges {
            guard let label = edge.label else { labelSizes.append(nil); continue }
            let s = try ruler.measure(label, style: metrics.labelStyle)
            labelSizes.append(Size(width: (s.width + 8).rounded(.up), height: (s.height + 4).rounded(.up)))
        }
        return Measurements(sizes: sizes, parts: parts, labelSizes: labelSizes)
    }

    /// The diagram laid out from its measurements (made by `measure` with the same metrics).
    package func layout(_ measured: Measurements, maxWidth: Double? = nil) -> Layout {
        let (sizes, parts, labelSizes) = (measured.sizes, measured.parts, measured.labelSizes)
        let input = LayeredLayout.Input(nodeSizes: sizes, edges: edges.map { ($0.from, $0.to) }, labelSizes: labelSizes)
        var layered = LayeredLayout.compute(input)
        if let maxWidth, layered.size.width > maxWidth {
            // Edges passing a layer can push it past the bound: then wrap to a tighter one.
            var wrapped = input
            wrapped.direction = .topToBottom
            for bound in [maxWidth, maxWidth * 0.85, maxWidth * 0.7] where layered.size.width > maxWidth {
                wrapped.maxBreadth = bound
                let tall = LayeredLayout.compute(wrapped)
                if tall.size.width < layered.size.width { layered = tall }
            }
        }
        var headers: [Rect] = [], values: [Rect] = [], gradients: [Rect] = []
        for (i, frame) in layered.nodeFrames.enumerated() {
            let p = parts[i]
            headers.append(Rect(x: frame.minX, y: frame.minY, width: frame.width, height: p.header))
            values.append(Rect(x: frame.minX, y: frame.minY + p.header, width: frame.width, height: p.value))
            gradients.append(Rect(x: frame.minX, y: frame.minY + p.header + p.value, width: frame.width, height: p.gradient))
        }
        return Layout(layered: layered, headerFrames: headers, valueFrames: values, gradientFrames: gradients)
    }

    static func blockHeight(_ lines: Int, lineHeight: Double, metrics: Metrics) -> Double {
        lines == 0 ? 0 : Double(lines) * lineHeight + Double(lines - 1) * metrics.lineGap + metrics.sectionGap
    }
}
