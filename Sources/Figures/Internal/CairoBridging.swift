import CCairo

// Conversions from the public value types to Cairo calls; the only place they meet.

extension Path {
    /// Replaces the current path of `cr` with this one.
    func add(to cr: OpaquePointer) {
        cairo_new_path(cr)
        for element in elements {
            switch element {
            case .move(let p): cairo_move_to(cr, p.x, p.y)
            case .line(let p): cairo_line_to(cr, p.x, p.y)
            case .curve(let c1, let c2, let end): cairo_curve_to(cr, c1.x, c1.y, c2.x, c2.y, end.x, end.y)
            case .arc(let c, let r, let a0, let a1): cairo_arc(cr, c.x, c.y, r, a0, a1)
            case .close: cairo_close_path(cr)
            }
        }
    }
}

extension Color {
    func setSource(on cr: OpaquePointer) {
        cairo_set_source_rgba(cr, red, green, blue, alpha)
    }
}

extension StrokeStyle {
    /// Sets colour, width, caps, joins and dashes on `cr`.
    func apply(to cr: OpaquePointer) {
        color.setSource(on: cr)
        cairo_set_line_width(cr, width)
        cairo_set_line_cap(cr, cap.cairo)
        cairo_set_line_join(cr, join.cairo)
        dash.withUnsafeBufferPointer { dashes in
            cairo_set_dash(cr, dashes.baseAddress, Int32(clamping: dashes.count), dashOffset)
        }
    }
}

extension FillRule {
    var cairo: cairo_fill_rule_t { self == .winding ? CAIRO_FILL_RULE_WINDING : CAIRO_FILL_RULE_EVEN_ODD }
}

extension LineCap {
    var cairo: cairo_line_cap_t {
        switch self {
        case .butt: CAIRO_LINE_CAP_BUTT
        case .round: CAIRO_LINE_CAP_ROUND
        case .square: CAIRO_LINE_CAP_SQUARE
        }
    }
}

extension LineJoin {
    var cairo: cairo_line_join_t {
        switch self {
        case .miter: CAIRO_LINE_JOIN_MITER
        case .round: CAIRO_LINE_JOIN_ROUND
        case .bevel: CAIRO_LINE_JOIN_BEVEL
        }
    }
}
