/// Input checks done in Swift, because Cairo reacts to NaN, infinities and zero scales by
/// entering a sticky error state (or, for paths, by drawing garbage) instead of failing loudly.
enum Validation {
    /// A description of the first non-finite number, or nil if all are finite.
    static func nonFinite(_ numbers: [Double]) -> String? {
        numbers.first { !$0.isFinite }.map { "non-finite number \($0)" }
    }

    static func color(_ c: Color) -> String? {
        let parts = [c.red, c.green, c.blue, c.alpha]
        if let bad = nonFinite(parts) { return "colour has a \(bad)" }
        if parts.contains(where: { $0 < 0 || $0 > 1 }) { return "colour components must be in 0...1, got \(c)" }
        return nil
    }

    static func stroke(_ s: StrokeStyle) -> String? {
        if let bad = color(s.color) { return bad }
        if let bad = nonFinite([s.width, s.dashOffset] + s.dash) { return "stroke has a \(bad)" }
        if s.width < 0 { return "stroke width must be >= 0, got \(s.width)" }
        if s.dash.contains(where: { $0 < 0 }) { return "dash lengths must be >= 0, got \(s.dash)" }
        if !s.dash.isEmpty && s.dash.allSatisfy({ $0 == 0 }) { return "dash lengths must not all be 0" }
        return nil
    }

    /// Largest glyph size on the output, in px: PNG output rasterises each glyph, so huge sizes cost gigabytes.
    static let maxFontSize = 2_000.0
    static let maxTextWidth = 1_000_000.0
    /// Largest magnification a transform may reach; keeps device sizes below the limits here.
    static let maxStretch = 1_000_000.0
    /// Largest arc radius on the output, in px: Cairo's arc flattening slows down without bound
    /// as the radius grows (1e30 takes seconds, 1e100 practically forever).
    static let maxArcRadius = 1e9

    /// `stretch` is the current transform's magnification, so limits apply to output sizes.
    static func text(_ string: String, _ style: TextStyle, stretch: Double) -> String? {
        if let bad = color(style.color) { return bad }
        if !style.size.isFinite || style.size <= 0 || style.size * stretch > maxFontSize {
            return "font size must be in (0, \(Int(maxFontSize))] px on the output, got \(style.size * stretch)"
        }
        // Pango stores widths as Int32 in 1/1024 px, so larger limits would overflow.
        if let width = style.maxWidth, !width.isFinite || width <= 0 || width > maxTextWidth {
            return "maxWidth must be in (0, \(Int(maxTextWidth))] px, got \(width)"
        }
        // Pango needs a C string: an embedded NUL would silently cut the text.
        if string.utf8.contains(0) { return "text contains a NUL character" }
        return nil
    }

    static func arcs(_ path: Path, stretch: Double) -> String? {
        for case .arc(_, let radius, _, _) in path.elements {
            if radius < 0 { return "arc radius must be >= 0, got \(radius)" }
            if radius * stretch > maxArcRadius { return "arc radius must be <= \(maxArcRadius) px on the output, got \(radius * stretch)" }
        }
        return nil
    }
}
