import CCairo

/// One recorded canvas call, replayed onto a fresh Cairo context for every render.
struct DrawCommand {
    /// The public call that recorded it, for error messages during replay.
    let operation: String
    let step: Step

    func apply(to cr: OpaquePointer, pango: PangoContexts) throws(FigureError) {
        try step.apply(to: cr, pango: pango, operation: operation)
    }

    enum Step: Equatable {
        case save
        case restore
        case translate(Point)
        case scale(x: Double, y: Double)
        case rotate(Double)
        case clip(Path, FillRule)
        case paint(Color)
        case path(Path, fill: Color?, stroke: StrokeStyle?, rule: FillRule)
        /// Text whose layout origin (top-left) was already resolved from the anchor.
        case text(TextLayout.Content, origin: Point, style: TextStyle, alignment: TextAnchor.Horizontal)

        /// Performs the step on `cr`; text holds one of the shared Pango font maps while it is laid out.
        func apply(to cr: OpaquePointer, pango: PangoContexts, operation: String) throws(FigureError) {
            switch self {
            case .save: cairo_save(cr)
            case .restore: cairo_restore(cr)
            case .translate(let offset): cairo_translate(cr, offset.x, offset.y)
            case .scale(let x, let y): cairo_scale(cr, x, y)
            case .rotate(let radians): cairo_rotate(cr, radians)
            case .clip(let path, let rule):
                path.add(to: cr)
                cairo_set_fill_rule(cr, rule.cairo)
                cairo_clip(cr)
            case .paint(let color):
                color.setSource(on: cr)
                cairo_paint(cr)
            case .path(let path, let fill, let stroke, let rule):
                path.add(to: cr)
                if let fill {
                    fill.setSource(on: cr)
                    cairo_set_fill_rule(cr, rule.cairo)
                    cairo_fill_preserve(cr)
                }
                if let stroke {
                    stroke.apply(to: cr)
                    cairo_stroke_preserve(cr)
                }
                cairo_new_path(cr)
            case .text(let content, let origin, let style, let alignment):
                try TextLayout.withLayout(on: cr, pango: pango, content: content, style: style,
                                          alignment: alignment, operation: operation) { layout in
                    style.color.setSource(on: cr)
                    cairo_move_to(cr, origin.x, origin.y)
                    pango_cairo_show_layout(cr, layout)
                    cairo_new_path(cr)
                }
            }
        }
    }
}
