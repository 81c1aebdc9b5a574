import Operations

/// Indexing, as NumPy writes it, after an operand:
///
///     subscript := '[' item (',' item)? ']'        at most two: tensors have rows and columns
///     item      := position | position? ':' position?
///     position  := '-'? NUMBER                      a whole number; negative counts from the end
///                                                   (in a repeat body: `t - 1`, see StepReferences.swift)
///
/// `X[0]` is a row, `X[:, 1]` a column, `X[1, 2]` an element, `X[0:2]` rows 0 and 1. Ranges have
/// step 1. Positions are checked against the operand's shape when the graph is built.
extension BlockParser {
    /// Every `[...]` written right after an operand (`X[0][1]` indexes twice).
    mutating func parseSubscripts(_ operand: ID) throws(SyntaxError) -> ID {
        var result = operand
        while peekKind() == .leftBracket { result = try parseSubscript(result) }
        return result
    }

    private mutating func parseSubscript(_ operand: ID) throws(SyntaxError) -> ID {
        let open = advance()
        openBrackets += 1
        let errorsBefore = errors.count
        var items: [IndexSpec.Item] = []
        repeat {
            let start = peekKind() == .colon ? nil : try indexPosition()
            if take(.colon) != nil {
                let end = [.comma, .rightBracket, .colon].contains(peekKind()) ? nil : try indexPosition()
                if let colon = take(.colon) {
                    errors.error(colon.position, "a range takes no step here: write 'start:end' (every position in between)")
                    if ![.comma, .rightBracket].contains(peekKind()) { _ = try indexPosition() }
                }
                items.append(.range(start, end))
            } else if let start {
                items.append(.at(start))
            }
        } while take(.comma) != nil
        try close(.rightBracket, opening: open)
        if items.count > 2 {
            errors.error(open.position, "an index takes at most two positions (rows, then columns), got \(items.count)")
        }
        guard errors.count == errorsBefore else { return arena.add(.invalid, at: open.position) }
        return arena.add(.operation(.index, inputs: [operand], exponent: nil), at: open.position, index: IndexSpec(items))
    }

    /// A position of an index: a whole number, with an optional minus sign.
    private mutating func indexPosition() throws(SyntaxError) -> Int {
        if let r = recurrence { return try stepIndex(r) }  // `x[t-1]` in a repeat body
        let minus = take(.minus)
        let token = peek()
        guard token.kind == .number else {
            throw expected("a whole number or ':' in the index (as in 'X[0]' or 'X[:, 1]')")
        }
        advance()
        let value = minus == nil ? token.value : -token.value
        guard value == value.rounded(), Swift.abs(value) < 1e9 else {
            errors.error((minus ?? token).position, "a position in an index must be a whole number, got \(Quote.text(text(from: (minus ?? token).offsets.lowerBound)))")
            return 0
        }
        return Int(value)
    }
}
