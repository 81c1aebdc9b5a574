/// One token of a block, with where it starts in the lesson file. Plain data (no strings), so
/// the parser's frames stay small; its text is read from the source when a message needs it.
struct Token: Sendable {
    enum Kind: Equatable, Sendable {
        case name, number
        case plus, minus, star, slash, at, caret, equals, comma
        /// The comparisons `>`, `<`, `>=`, `<=`, `==`, `!=` (0/1 masks).
        case greater, less, greaterEqual, lessEqual, equalEqual, notEqual
        case leftParen, rightParen, leftBracket, rightBracket
        /// `:` of a named argument or option (`axis: 1`) or a `group` line; model blocks only:
        /// `"points.csv"` (no escapes, on one line) and `->` of `layers`.
        case string, colon, arrow
        /// `...` of a `repeat` line's range (`1...4`); `..` too, so the parser can say how to write it.
        case ellipsis
        /// The end of a line that has tokens; positioned just after its last token.
        case newline
        /// The end of the block; always the last token.
        case end
        /// Text that is not part of the language (see `Lexer.message(for:in:)`).
        case invalidCharacter, doubleStar, numberGluedToName, malformedExponent, unterminatedString
    }

    var kind: Kind
    var position: SourcePosition
    /// Offsets of the token's first and past-the-end scalars in the block source.
    var offsets: Range<Int>
    /// The value of a `number` token (infinite when out of range).
    var value: Double = 0
    /// For `numberGluedToName`: the offset where the number ends and the name begins.
    var nameStart = 0
    /// For a `newline`: true when the next line starts a new statement (or the block ends), so
    /// the newline ends the statement even inside brackets. Other newlines inside brackets are
    /// skipped, which lets a matrix literal span lines.
    var endsStatement = false

    var isLineEnd: Bool { kind == .newline || kind == .end }

    var isInvalid: Bool {
        switch kind {
        case .invalidCharacter, .doubleStar, .numberGluedToName, .malformedExponent, .unterminatedString: return true
        default: return false
        }
    }
}
