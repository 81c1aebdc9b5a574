/// Vector and matrix literals. They hold numbers only, so they are parsed with loops, not
/// recursion: a third level of brackets is an error the moment it opens.
///
///     literal := '[' numbers ']' | '[' row (',' row)* ','? ']'
///     row     := '[' numbers? ']'
///     numbers := '-'? NUMBER (',' '-'? NUMBER)* ','?
extension BlockParser {
    private enum LiteralContext {
        case vector, matrixRow

        var name: String { self == .vector ? "vector literal" : "matrix literal" }
    }

    /// Parses a literal starting at its `[`. Empty and ragged literals are reported and parsing goes on.
    mutating func parseTensorLiteral() throws(SyntaxError) -> ExpressionArena.ID {
        let open = advance()
        openBrackets += 1
        let errorsBefore = errors.count
        let tensor: TensorLiteral?
        switch peek().kind {
        case .leftBracket:
            tensor = try parseMatrixRows(open)
        case .rightBracket:
            advance()
            openBrackets -= 1
            errors.error(open.position, "empty vector literal")
            tensor = nil
        default:
            let numbers = try parseNumbers(closing: open, .vector)
            tensor = TensorLiteral(dims: [numbers.count], scalars: numbers)
        }
        guard let tensor, errors.count == errorsBefore else { return arena.add(.invalid, at: open.position) }
        return arena.add(.tensor(tensor), at: open.position)
    }

    /// The rows of a matrix literal, from its first row's `[` through the closing `]`.
    private mutating func parseMatrixRows(_ open: Token) throws(SyntaxError) -> TensorLiteral? {
        var rows: [(open: Token, numbers: [Double])] = []
        while true {
            let rowOpen = peek()
            guard rowOpen.kind == .leftBracket else {
                if rowOpen.isLineEnd { throw expected("']' to close '[' at \(open.position)") }
                throw expected("'[' to start row \(rows.count + 1) of the matrix literal")
            }
            advance()
            openBrackets += 1
            if peek().kind == .leftBracket {
                throw SyntaxError(position: peek().position, message: "tensor literals have at most 2 dimensions")
            }
            rows.append((rowOpen, try parseNumbers(closing: rowOpen, .matrixRow)))
            let separator = peek()
            if separator.kind == .comma {
                advance()
                if peek().kind == .rightBracket { break }  // a trailing comma, handy in multi-line matrices
            } else if separator.kind == .rightBracket {
                break
            } else if separator.isLineEnd {
                throw expected("']' to close '[' at \(open.position)")
            } else {
                throw expected("',' or ']' after row \(rows.count) of the matrix literal")
            }
        }
        try close(.rightBracket, opening: open)
        guard let first = rows.first, rows.contains(where: { !$0.numbers.isEmpty }) else {
            errors.error(open.position, "empty matrix literal")
            return nil
        }
        let width = first.numbers.count
        if let k = rows.firstIndex(where: { $0.numbers.count != width }) {
            let count = rows[k].numbers.count
            errors.error(rows[k].open.position, "ragged matrix literal: row \(k + 1) has \(count) number"
                + (count == 1 ? "" : "s") + ", row 1 has \(width)")
            return nil
        }
        return TensorLiteral(dims: [rows.count, width], scalars: rows.flatMap(\.numbers))
    }

    /// Numbers separated by commas, through the `]` that closes `open`. A matrix row may be empty
    /// (reported by the caller as ragged or empty).
    private mutating func parseNumbers(closing open: Token, _ context: LiteralContext) throws(SyntaxError) -> [Double] {
        var numbers: [Double] = []
        while peek().kind != .rightBracket {
            numbers.append(try parseSignedNumber(context))
            let separator = peek()
            if separator.kind == .comma {
                advance()
            } else if separator.kind != .rightBracket {
                if separator.isLineEnd { throw expected("']' to close '[' at \(open.position)") }
                throw expected("',' or ']' in the \(context.name)")
            }
        }
        try close(.rightBracket, opening: open)
        return numbers
    }

    private mutating func parseSignedNumber(_ context: LiteralContext) throws(SyntaxError) -> Double {
        var minus: Token?
        if peek().kind == .minus { minus = advance() }
        let token = peek()
        switch token.kind {
        case .number:
            advance()
            if !token.value.isFinite { errors.error(token.position, "number \(Quote.text(text(token))) is out of range") }
            return minus == nil ? token.value : -token.value
        case .leftBracket where context == .matrixRow:
            throw SyntaxError(position: token.position, message: "tensor literals have at most 2 dimensions")
        case .name:
            throw SyntaxError(position: token.position, message: "expected a number in the \(context.name), found "
                + "\(described(token)); literals hold numbers only, so compute with names outside the brackets")
        default:
            throw expected(minus == nil ? "a number in the \(context.name)" : "a number after '-'")
        }
    }
}
