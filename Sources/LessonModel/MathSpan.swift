/// A formula cut out of the lesson before Markdown parsing, so that Markdown never sees its TeX.
public struct MathSpan: Sendable, Equatable {
    /// How the formula was delimited in the source.
    public enum Delimiter: String, Sendable {
        case doubleDollar = "$$", dollar = "$", parenthesis = "\\(", bracket = "\\["
    }

    public var delimiter: Delimiter
    /// The TeX between the delimiters, exactly as written (blockquote markers of later lines removed).
    public var tex: String
    /// Where the opening delimiter starts.
    public var position: SourcePosition
    /// The formula as written in the lesson, delimiters included.
    public var source: String
    /// What each covered line held of the formula (container prefixes excluded), to restore code verbatim.
    var portions: [String]
    /// True when the formula is typeset as a block: `\[...\]`, or `$$...$$` alone in its paragraph.
    public var display: Bool
}

/// The private-use scalars that stand in for cut-out text in what cmark parses.
enum Placeholder {
    /// Marks the first scalar of formula `index`; plane-15 private use leaves room for 65,534 formulas.
    static let firstMarker: UInt32 = 0xF0000
    static let maxFormulas = 0xFFFD
    /// Stands for every other scalar of a formula, so columns and lines stay where they were.
    static let filler: Unicode.Scalar = "\u{E001}"

    static func marker(_ index: Int) -> Unicode.Scalar {
        Unicode.Scalar(firstMarker + UInt32(index)) ?? filler  // the caller keeps index < maxFormulas
    }

    static func index(of scalar: Unicode.Scalar) -> Int? {
        let v = scalar.value
        return v >= firstMarker && v < firstMarker + UInt32(maxFormulas) ? Int(v - firstMarker) : nil
    }
}
