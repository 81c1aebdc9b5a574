/// Colours of a diagram. Role colours are from the Okabe–Ito palette, which stays distinguishable
/// under the common colour-vision deficiencies; roles also differ in border width and dash, so
/// colour is never the only cue.
package struct DiagramTheme: Sendable {
    package var background: Color
    package var card: Color
    package var text: Color
    package var muted: Color
    package var edge: Color
    package var labelFill: Color
    package var input: Color
    package var parameter: Color
    package var constant: Color
    package var operation: Color
    package var output: Color
    /// A collapsed group's card (reddish purple, Okabe–Ito).
    package var group = Color(hex: 0xCC79A7)

    package static let light = DiagramTheme(
        background: .white, card: .white, text: Color(hex: 0x1F2328), muted: Color(hex: 0x5D6570),
        edge: Color(hex: 0x8A9099), labelFill: Color(hex: 0xFFFFFF, alpha: 0.92),
        input: Color(hex: 0x0072B2), parameter: Color(hex: 0xD55E00), constant: Color(hex: 0x999999),
        operation: Color(hex: 0x5D6570), output: Color(hex: 0x009E73))

    package static let dark = DiagramTheme(
        background: Color(hex: 0x1C1F24), card: Color(hex: 0x24272D), text: Color(hex: 0xE4E6EA), muted: Color(hex: 0xA0A7B1),
        edge: Color(hex: 0x7A818B), labelFill: Color(hex: 0x1C1F24, alpha: 0.92),
        input: Color(hex: 0x56B4E9), parameter: Color(hex: 0xE69F00), constant: Color(hex: 0x8A8F96),
        operation: Color(hex: 0xA0A7B1), output: Color(hex: 0x2FC29A), group: Color(hex: 0xE59CC6))

    func color(for role: GraphDiagram.Card.Role) -> Color {
        switch role {
        case .input: return input
        case .parameter: return parameter
        case .constant: return constant
        case .operation: return operation
        case .output: return output
        case .group: return group
        }
    }
}

extension GraphDiagram {
    /// Draws the diagram as laid out; `idPrefix` keeps SVG ids unique on a page.
    package func render(_ layout: Layout, theme: DiagramTheme, format: Format, idPrefix: String,
                        metrics: Metrics = Metrics()) throws(FigureError) -> [UInt8] {
        try drawing(layout, theme: theme, format: format, idPrefix: idPrefix, metrics: metrics).render()
    }

    /// The diagram drawn as laid out, to render (`ThemedSVG.render` renders a light and a dark one together).
    package func drawing(_ layout: Layout, theme: DiagramTheme, format: Format, idPrefix: String,
                         metrics: Metrics = Metrics()) throws(FigureError) -> Drawing {
        let canvas = try Canvas(size: layout.size, format: format, idPrefix: idPrefix)
        canvas.paint(theme.background)
        for route in layout.layered.edgeRoutes where route.count >= 2 {
            drawArrow(route, on: canvas, color: theme.edge)
        }
        for (i, card) in cards.enumerated() where i < layout.layered.nodeFrames.count {
            drawCard(card, index: i, layout: layout, on: canvas, theme: theme, metrics: metrics)
        }
        for (e, edge) in edges.enumerated() {
            guard let text = edge.label, e < layout.layered.labelFrames.count, let frame = layout.layered.labelFrames[e] else { continue }
            canvas.fill(frame, color: theme.labelFill, cornerRadius: 3)
            var style = metrics.labelStyle
            style.color = theme.muted
            canvas.text(text, at: frame.center, style: style, anchor: .center)
        }
        return Drawing(canvas: canvas)
    }

    private func drawArrow(_ route: [Point], on canvas: Canvas, color: Color) {
        guard let end = route.last, route.count >= 2 else { return }
        let before = route[route.count - 2]
        // Stop the line at the arrowhead's base so its end does not poke through the tip.
        let head = 7.0
        let dx = end.x - before.x, dy = end.y - before.y
        let length = max((dx * dx + dy * dy).squareRoot(), 0.001)
        let ux = dx / length, uy = dy / length
        let base = Point(x: end.x - ux * head, y: end.y - uy * head)
        var path = Path()
        path.move(to: route[0])
        for p in route.dropFirst().dropLast() { path.line(to: p) }
        path.line(to: base)
        canvas.stroke(path, style: StrokeStyle(width: 1.4, color: color, join: .round))
        var arrow = Path()
        arrow.move(to: end)
        arrow.line(to: Point(x: base.x - uy * head * 0.45, y: base.y + ux * head * 0.45))
        arrow.line(to: Point(x: base.x + uy * head * 0.45, y: base.y - ux * head * 0.45))
        arrow.close()
        canvas.fill(arrow, color: color)
    }

    private func drawCard(_ card: Card, index i: Int, layout: Layout, on canvas: Canvas, theme: DiagramTheme, metrics: Metrics) {
        let frame = layout.layered.nodeFrames[i]
        let accent = theme.color(for: card.role)
        canvas.fill(frame, color: theme.card, cornerRadius: 6)
        let header = layout.headerFrames[i]
        canvas.withClip(header) {
            canvas.fill(frame, color: accent.withAlpha(0.14), cornerRadius: 6)
        }
        let border: StrokeStyle
        switch card.role {
        case .parameter: border = StrokeStyle(width: 2.4, color: accent)
        case .constant: border = StrokeStyle(width: 1.2, color: accent, dash: [4, 3])
        case .output: border = StrokeStyle(width: 2.4, color: accent)
        case .input, .operation: border = StrokeStyle(width: 1.4, color: accent)
        case .group: border = StrokeStyle(width: 2.4, color: accent)
        }
        canvas.stroke(frame, style: border, cornerRadius: 6)
        if card.role == .group {
            // A second, inner border: the card stands for several nodes.
            let inner = Rect(x: frame.minX + 3, y: frame.minY + 3, width: frame.width - 6, height: frame.height - 6)
            canvas.stroke(inner, style: StrokeStyle(width: 1, color: accent), cornerRadius: 4)
        }
        var title = metrics.titleStyle
        title.color = theme.text
        canvas.text(card.title, at: Point(x: header.minX + metrics.padding, y: header.midY), style: title, anchor: .init(.left, .middle))
        var caption = metrics.captionStyle
        caption.color = theme.muted
        canvas.text(card.caption, at: Point(x: header.maxX - metrics.padding, y: header.midY), style: caption, anchor: .init(.right, .middle))
        var line = metrics.lineStyle
        line.color = theme.text
        drawLines(card.valueLines, in: layout.valueFrames[i], style: line, metrics: metrics, on: canvas)
        line.color = theme.muted
        drawLines(card.gradientLines, in: layout.gradientFrames[i], style: line, metrics: metrics, on: canvas)
    }

    private func drawLines(_ lines: [String], in frame: Rect, style: TextStyle, metrics: Metrics, on canvas: Canvas) {
        guard !lines.isEmpty else { return }
        let step = (frame.height - metrics.sectionGap + metrics.lineGap) / Double(lines.count)
        for (k, text) in lines.enumerated() {
            canvas.text(text, at: Point(x: frame.minX + metrics.padding, y: frame.minY + metrics.sectionGap / 2 + Double(k) * step),
                        style: style, anchor: .topLeft)
        }
    }
}
