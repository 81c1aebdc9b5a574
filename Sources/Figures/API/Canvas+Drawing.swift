extension Canvas {
    /// Fills the whole canvas (within the current clip) with `color`.
    package func paint(_ color: Color) {
        record(#function, rejecting: Validation.color(color), .paint(color))
    }

    /// Fills and/or strokes `path`; the stroke is drawn over the fill.
    package func draw(_ path: Path, fill: Color?, stroke: StrokeStyle?, rule: FillRule = .winding) {
        drawPath(path, fill: fill, stroke: stroke, rule: rule, operation: #function)
    }

    /// Fills the inside of `path`.
    package func fill(_ path: Path, color: Color, rule: FillRule = .winding) {
        drawPath(path, fill: color, stroke: nil, rule: rule, operation: #function)
    }

    /// Strokes the outline of `path`.
    package func stroke(_ path: Path, style: StrokeStyle) {
        drawPath(path, fill: nil, stroke: style, operation: #function)
    }

    /// Fills a rectangle, optionally with rounded corners.
    package func fill(_ rect: Rect, color: Color, cornerRadius: Double = 0) {
        drawPath(.rect(rect, cornerRadius: cornerRadius), fill: color, stroke: nil, operation: #function)
    }

    /// Strokes a rectangle's outline, optionally with rounded corners.
    package func stroke(_ rect: Rect, style: StrokeStyle, cornerRadius: Double = 0) {
        drawPath(.rect(rect, cornerRadius: cornerRadius), fill: nil, stroke: style, operation: #function)
    }

    /// Strokes a straight line.
    package func line(from start: Point, to end: Point, style: StrokeStyle) {
        drawPath(.line(from: start, to: end), fill: nil, stroke: style, operation: #function)
    }

    /// Strokes a chain of straight segments through `points`.
    package func polyline(_ points: [Point], style: StrokeStyle) {
        drawPath(.polyline(points), fill: nil, stroke: style, operation: #function)
    }

    /// Fills a circle.
    package func fillCircle(center: Point, radius: Double, color: Color) {
        drawPath(.circle(center: center, radius: radius), fill: color, stroke: nil, operation: #function)
    }

    /// Strokes a circle's outline.
    package func strokeCircle(center: Point, radius: Double, style: StrokeStyle) {
        drawPath(.circle(center: center, radius: radius), fill: nil, stroke: style, operation: #function)
    }

    /// The one primitive behind every shape call: validate, then record fill and stroke.
    private func drawPath(_ path: Path, fill: Color?, stroke: StrokeStyle?, rule: FillRule = .winding,
                          operation: String) {
        let problem = Validation.nonFinite(path.numbers).map { "path has a \($0)" }
            ?? fill.flatMap(Validation.color)
            ?? stroke.flatMap(Validation.stroke)
            ?? Validation.arcs(path, stretch: stretch)
        record(operation, rejecting: problem, .path(path, fill: fill, stroke: stroke, rule: rule))
    }
}
