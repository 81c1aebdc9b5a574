extension Canvas {
    /// Draws plain `string` so that the point of its box named by `anchor` lands on `point`.
    package func text(_ string: String, at point: Point, style: TextStyle = TextStyle(),
                      anchor: TextAnchor = .baselineLeft) {
        drawText(.plain(string), at: point, style: style, anchor: anchor, operation: #function)
    }

    /// Draws Pango markup (`<b>`, `<i>`, `<sub>`, `<sup>`, `<span …>`); invalid markup is reported by `render()`.
    package func text(markup: String, at point: Point, style: TextStyle = TextStyle(),
                      anchor: TextAnchor = .baselineLeft) {
        drawText(.markup(markup), at: point, style: style, anchor: anchor, operation: #function)
    }

    /// The logical size of plain `string` (advance width × line height), in px.
    package func measure(_ string: String, style: TextStyle = TextStyle()) throws(FigureError) -> Size {
        try withLayout(.plain(string), style: style, operation: #function) { TextLayout.logicalSize($0) }
    }

    /// The logical size of Pango `markup`, in px.
    package func measure(markup: String, style: TextStyle = TextStyle()) throws(FigureError) -> Size {
        try withLayout(.markup(markup), style: style, operation: #function) { TextLayout.logicalSize($0) }
    }

    /// How many characters of `string` no installed font has (they would be drawn as boxes).
    package func unknownGlyphCount(_ string: String, style: TextStyle = TextStyle()) throws(FigureError) -> Int {
        try withLayout(.plain(string), style: style, operation: #function) { TextLayout.unknownGlyphs($0) }
    }

    /// How many characters of Pango `markup` no installed font has.
    package func unknownGlyphCount(markup: String, style: TextStyle = TextStyle()) throws(FigureError) -> Int {
        try withLayout(.markup(markup), style: style, operation: #function) { TextLayout.unknownGlyphs($0) }
    }

    /// Lays the text out now (to check it and resolve the anchor) and records where to draw it.
    private func drawText(_ content: TextLayout.Content, at point: Point, style: TextStyle, anchor: TextAnchor,
                          operation: String) {
        if let bad = Validation.nonFinite([point.x, point.y]) {
            return note(FigureError(operation: operation, message: "position has a \(bad)"))
        }
        do {
            let offset = try withLayout(content, style: style, alignment: anchor.horizontal, operation: operation) {
                TextLayout.offset(of: $0, for: anchor)
            }
            let origin = Point(x: point.x + offset.x, y: point.y + offset.y)
            record(operation, rejecting: nil,
                   .text(content, origin: origin, style: style, alignment: anchor.horizontal))
        } catch {
            note(error)
        }
    }

    private func withLayout<T>(_ content: TextLayout.Content, style: TextStyle,
                               alignment: TextAnchor.Horizontal = .left, operation: String,
                               _ body: (OpaquePointer) -> T) throws(FigureError) -> T {
        if let problem = Validation.text(content.string, style, stretch: stretch) {
            throw FigureError(operation: operation, message: problem)
        }
        return try TextLayout.withLayout(on: state, pango: pango, content: content, style: style,
                                         alignment: alignment, operation: operation, body)
    }
}
