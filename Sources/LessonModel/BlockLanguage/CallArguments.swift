/// Arguments of the calls in model statements: `sgd(lr: 0.1)`, `moons(n: 200, noise: 0.1)`,
/// `csv("points.csv", x: [x1, x2], y: [label])`, `uniform(-1, 1, [2, 3])`. They hold plain
/// values, not expressions, so they are parsed with loops; each statement checks its own.
///
///     arguments := '(' [argument (',' argument)* ','?] ')'
///     argument  := [NAME ':'] value
///     value     := number | STRING | NAME | '[' [item (',' item)* ','?] ']'
///     item      := number | STRING | NAME
///     number    := '-'? NUMBER
struct CallArgument: Sendable {
    enum Value: Sendable {
        case number(Double)
        case string(String)
        case name(String)
        /// Items are numbers, strings or names, never lists.
        case list([CallArgument])
    }

    /// The name before `:`, if any.
    var label: String?
    /// The label, or the value when there is none: where messages about the argument point.
    var labelPosition: SourcePosition
    var value: Value
    /// The value's first token.
    var position: SourcePosition
    /// The value as written, for messages.
    var text: String

    var number: Double? {
        if case .number(let value) = value { return value }
        return nil
    }
}

/// A number written in a model statement (`0.1`, `-3`, `5e4`), with its source text.
struct NumberArgument: Sendable {
    var value: Double
    var position: SourcePosition
    var text: String

    /// The value if it is a whole number in `range`.
    func whole(in range: ClosedRange<Int>) -> Int? {
        guard let n = Int(exactly: value), range.contains(n) else { return nil }
        return n
    }
}

extension BlockParser {
    /// Parses a parenthesized argument list starting at its `(`.
    mutating func parseArguments() throws(SyntaxError) -> [CallArgument] {
        let open = advance()
        openBrackets += 1
        var arguments: [CallArgument] = []
        while peekKind() != .rightParen {
            arguments.append(try parseArgument())
            if take(.comma) != nil { continue }
            if peekKind() == .rightParen { break }
            if peek().isLineEnd { throw expected("')' to close '(' at \(open.position)") }
            throw expected("',' or ')' after the argument")
        }
        advance()
        openBrackets -= 1
        return arguments
    }

    private mutating func parseArgument() throws(SyntaxError) -> CallArgument {
        let first = peek()
        guard first.kind == .name, nextTokenIs(.colon) else {
            return try parseArgumentValue(label: nil, labelPosition: first.position)
        }
        advance()
        advance()
        return try parseArgumentValue(label: text(first), labelPosition: first.position)
    }

    private mutating func parseArgumentValue(label: String?, labelPosition: SourcePosition) throws(SyntaxError) -> CallArgument {
        let token = peek()
        let start = token.offsets.lowerBound
        let value: CallArgument.Value
        switch token.kind {
        case .number, .minus:
            value = .number(try parseNumberArgument("a number after '-'").value)
        case .string, .name:
            value = try parseListItem().value
        case .leftBracket:
            let open = advance()
            openBrackets += 1
            var items: [CallArgument] = []
            while peekKind() != .rightBracket {
                items.append(try parseListItem())
                if take(.comma) != nil { continue }
                if peekKind() == .rightBracket { break }
                if peek().isLineEnd { throw expected("']' to close '[' at \(open.position)") }
                throw expected("',' or ']' in the list")
            }
            advance()
            openBrackets -= 1
            value = .list(items)
        default:
            throw expected(label.map { "a value after '\($0):'" } ?? "an argument")
        }
        return CallArgument(label: label, labelPosition: labelPosition, value: value, position: token.position,
                            text: text(from: start))
    }

    /// One item of a list: a number, a string or a name.
    private mutating func parseListItem() throws(SyntaxError) -> CallArgument {
        let token = peek()
        let value: CallArgument.Value
        switch token.kind {
        case .number, .minus:
            let number = try parseNumberArgument("a number after '-'")
            return CallArgument(label: nil, labelPosition: token.position, value: .number(number.value),
                                position: token.position, text: number.text)
        case .string:
            advance()
            value = .string(stringValue(token))
        case .name:
            advance()
            value = .name(text(token))
        default:
            throw expected("a number, a name or a string")
        }
        return CallArgument(label: nil, labelPosition: token.position, value: value, position: token.position,
                            text: text(token))
    }

    /// The text between a string token's quotes.
    func stringValue(_ token: Token) -> String {
        guard token.offsets.count >= 2 else { return "" }
        let inner = (token.offsets.lowerBound + 1)..<(token.offsets.upperBound - 1)
        return String(String.UnicodeScalarView(source[inner.clamped(to: 0..<source.count)]))
    }

    /// `'-'? NUMBER`; `what` says what was expected if there is no number.
    mutating func parseNumberArgument(_ what: String) throws(SyntaxError) -> NumberArgument {
        let first = peek()
        let negative = take(.minus) != nil
        let token = peek()
        guard token.kind == .number else { throw expected(negative ? "a number after '-'" : what) }
        advance()
        let text = text(from: first.offsets.lowerBound)
        guard token.value.isFinite else {
            throw SyntaxError(position: first.position, message: "number \(Quote.text(text)) is out of range")
        }
        return NumberArgument(value: negative ? -token.value : token.value, position: first.position, text: text)
    }
}
