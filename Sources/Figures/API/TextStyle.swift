/// Font weight.
package enum FontWeight: Sendable, Hashable {
    /// Normal weight.
    case regular
    /// Bold weight.
    case bold
}

/// The look of a piece of text.
package struct TextStyle: Sendable, Hashable {
    /// Latin first so Latin text keeps its look, then a CJK face Pango falls back to per character.
    package static let defaultFamily = "DejaVu Sans, Noto Sans CJK SC, sans-serif"

    /// Comma-separated font family list, tried per character in order.
    package var family: String
    /// Font size in px (the em size, not the line height).
    package var size: Double
    /// Font weight.
    package var weight: FontWeight
    /// Whether to use the italic (or oblique) face.
    package var italic: Bool
    /// Text colour.
    package var color: Color
    /// If set, text wider than this (px) is cut at the end with an ellipsis.
    package var maxWidth: Double?

    /// Creates a text style; the defaults give 14 px regular black text in `defaultFamily`.
    package init(family: String = TextStyle.defaultFamily, size: Double = 14, weight: FontWeight = .regular,
                 italic: Bool = false, color: Color = .black, maxWidth: Double? = nil) {
        self.family = family
        self.size = size
        self.weight = weight
        self.italic = italic
        self.color = color
        self.maxWidth = maxWidth
    }
}

/// Which point of a text's logical box is placed at the anchor point.
package struct TextAnchor: Sendable, Hashable {
    /// Horizontal reference: the left edge, the centre or the right edge of the text.
    package enum Horizontal: Sendable, Hashable { case left, center, right }
    /// Vertical reference: the top, the middle, the first line's baseline or the bottom of the text.
    package enum Vertical: Sendable, Hashable { case top, middle, baseline, bottom }

    /// Horizontal reference; multi-line text is also aligned this way.
    package var horizontal: Horizontal
    /// Vertical reference.
    package var vertical: Vertical

    /// Creates an anchor from its two references.
    package init(_ horizontal: Horizontal, _ vertical: Vertical) {
        self.horizontal = horizontal
        self.vertical = vertical
    }

    /// Left end of the first baseline, as in SVG `<text>`.
    package static let baselineLeft = TextAnchor(.left, .baseline)
    /// Top-left corner of the text box.
    package static let topLeft = TextAnchor(.left, .top)
    /// Centre of the text box.
    package static let center = TextAnchor(.center, .middle)
}
