import CCairo

/// Pango plumbing for `Canvas` text: font descriptions, markup checks, extents and anchoring.
enum TextLayout {
    enum Content: Equatable {
        case plain(String)
        case markup(String)

        var string: String {
            switch self {
            case .plain(let s), .markup(let s): s
            }
        }
    }

    static let scale = Double(PANGO_SCALE)

    /// Lays out `content` for the target and font options of `cr`, hands the layout to `body`
    /// holding a free Pango font map (`SharedFontMap`), and releases it.
    static func withLayout<T>(on cr: OpaquePointer, pango contexts: PangoContexts, content: Content, style: TextStyle,
                              alignment: TextAnchor.Horizontal, operation: String,
                              _ body: (OpaquePointer) -> T) throws(FigureError) -> T {
        try SharedFontMap.shared.withMap { index, map throws(FigureError) in
            try withLayout(on: cr, context: try contexts.context(index: index, map: map), content: content, style: style,
                           alignment: alignment, operation: operation, body)
        }
    }

    /// `withLayout` on a context whose font map the caller holds.
    static func withLayout<T>(on cr: OpaquePointer, context pango: OpaquePointer, content: Content, style: TextStyle,
                              alignment: TextAnchor.Horizontal, operation: String,
                              _ body: (OpaquePointer) -> T) throws(FigureError) -> T {
        pango_cairo_update_context(cr, pango)
        // Lay out in user space and let Cairo apply the transform when drawing: Pango 1.50
        // applies a scaled context matrix twice to <sub>/<sup> (a subscript under scale 2
        // came out 4x too big and raised).
        pango_context_set_matrix(pango, nil)
        guard let layout = pango_layout_new(pango) else {
            throw FigureError(operation: operation, message: "could not create a Pango layout")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        try configure(layout, content: content, style: style, alignment: alignment, operation: operation)
        return body(layout)
    }

    /// Sets font, width limit, line alignment and text on a fresh layout.
    private static func configure(_ layout: OpaquePointer, content: Content, style: TextStyle,
                                  alignment: TextAnchor.Horizontal, operation: String) throws(FigureError) {
        guard let font = pango_font_description_new() else {
            throw FigureError(operation: operation, message: "could not create a Pango font description")
        }
        defer { pango_font_description_free(font) }
        // set_family takes the comma-separated list as is; from_string would read words such
        // as "Bold" or "Condensed" in a family name as style options.
        pango_font_description_set_family(font, style.family)
        pango_font_description_set_absolute_size(font, style.size * scale)
        pango_font_description_set_weight(font, style.weight == .bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        pango_layout_set_font_description(layout, font)
        if let maxWidth = style.maxWidth {
            pango_layout_set_width(layout, Int32(maxWidth * scale))
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
        }
        let lineAlignment: PangoAlignment = switch alignment {
        case .left: PANGO_ALIGN_LEFT
        case .center: PANGO_ALIGN_CENTER
        case .right: PANGO_ALIGN_RIGHT
        }
        pango_layout_set_alignment(layout, lineAlignment)
        switch content {
        case .plain(let text):
            pango_layout_set_text(layout, text, -1)
        case .markup(let markup):
            try validate(markup: markup, operation: operation)
            pango_layout_set_markup(layout, markup, -1)
        }
    }

    /// Rejects markup Pango cannot parse; set_markup would only print a warning and draw nothing.
    private static func validate(markup: String, operation: String) throws(FigureError) {
        var error: UnsafeMutablePointer<GError>?
        if pango_parse_markup(markup, -1, 0, nil, nil, nil, &error) != 0 { return }
        let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unknown error"
        if let error { g_error_free(error) }
        throw FigureError(operation: operation, message: "invalid Pango markup: \(message)")
    }

    static func logicalRect(_ layout: OpaquePointer) -> (x: Double, y: Double, width: Double, height: Double) {
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        return (Double(logical.x) / scale, Double(logical.y) / scale,
                Double(logical.width) / scale, Double(logical.height) / scale)
    }

    static func unknownGlyphs(_ layout: OpaquePointer) -> Int {
        Int(pango_layout_get_unknown_glyphs_count(layout))
    }

    static func logicalSize(_ layout: OpaquePointer) -> Size {
        let rect = logicalRect(layout)
        return Size(width: rect.width, height: rect.height)
    }

    /// Where to put the layout's origin, relative to the anchor point, so the anchor lands there.
    static func offset(of layout: OpaquePointer, for anchor: TextAnchor) -> Point {
        let box = logicalRect(layout)
        let x: Double = switch anchor.horizontal {
        case .left: -box.x
        case .center: -(box.x + box.width / 2)
        case .right: -(box.x + box.width)
        }
        let y: Double = switch anchor.vertical {
        case .top: -box.y
        case .middle: -(box.y + box.height / 2)
        case .baseline: -Double(pango_layout_get_baseline(layout)) / scale
        case .bottom: -(box.y + box.height)
        }
        return Point(x: x, y: y)
    }
}
