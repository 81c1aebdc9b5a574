/// One statement of a block. Model blocks add their own cases (`data`, `train`, ...) here and
/// their keywords to `BlockParser.keywords`.
enum Statement: Sendable {
    case assignment(Assignment)
    /// A statement with a syntax error that got as far as its name. The name still counts as
    /// assigned, so its later uses do not cascade into "undefined name" errors.
    case broken(name: String, position: SourcePosition)
}

/// `[param] name = expression`.
struct Assignment: Sendable {
    var isParameter: Bool
    var name: String
    var namePosition: SourcePosition
    /// The lesson-file line the statement starts on.
    var line: Int
    /// The first token of the right-hand side.
    var valuePosition: SourcePosition
    /// The right-hand side's nodes in the arena, and the one that is its value.
    var nodes: Range<Int>
    var value: ExpressionArena.ID
    /// False when the name is a function or keyword (already reported): nothing gets bound.
    var isAssignable: Bool
    /// True when the right-hand side had errors (already reported); later checks stay quiet.
    var hadErrors: Bool
}

extension BlockParser {
    /// block := (statement newline)*   (blank and comment lines give no tokens)
    /// A broken statement is reported and skipped; parsing resumes with the next one.
    mutating func parseStatements() -> [Statement] {
        var statements: [Statement] = []
        while !errors.isFull {
            let token = peek()
            if token.kind == .end { break }
            if token.kind == .newline {
                advance()
                continue
            }
            var name: Token?
            do {
                statements.append(try parseStatement(name: &name))
            } catch {
                errors.error(error.position, error.message)
                if let name { statements.append(.broken(name: text(name), position: name.position)) }
                skipStatement()
            }
        }
        return statements
    }

    /// statement := ['param'] NAME '=' expression; `assigned` is set once the name is read.
    private mutating func parseStatement(name assigned: inout Token?) throws(SyntaxError) -> Statement {
        let first = peek()
        let errorsBefore = errors.count
        var isParameter = false
        if first.kind == .name, text(first) == "param" {
            advance()
            if peek().kind == .equals {
                throw SyntaxError(position: first.position,
                                  message: "cannot assign to 'param': it is the keyword that declares a parameter, as in 'param w = 0.5'")
            }
            isParameter = true
        }
        let name = peek()
        guard name.kind == .name else {
            throw expected(isParameter ? "a name after 'param'" : "a statement like 'y = 2 * x'")
        }
        advance()
        let nameText = text(name)
        var isAssignable = true
        if keywords.contains(nameText) {
            errors.error(name.position, "cannot assign to '\(nameText)': it is a keyword")
            isAssignable = false
        } else if Builtins.function(named: nameText) != nil {
            errors.error(name.position, "cannot assign to '\(nameText)': it is the name of a function")
            isAssignable = false
        } else {
            assigned = name
        }
        guard let equals = takeIndex(.equals) else { throw expected("'=' after \(Quote.text(nameText))") }
        let valuePosition = peek().position
        let start = arena.count
        let value = try parseExpression(after: equals)
        let end = peek()
        if !end.isLineEnd {
            if end.kind == .rightParen || end.kind == .rightBracket {
                throw SyntaxError(position: end.position, message: "unmatched \(Quote.text(text(end)))")
            }
            throw expected("an operator or end of line")
        }
        advance()
        return .assignment(Assignment(
            isParameter: isParameter, name: nameText, namePosition: name.position, line: first.position.line,
            valuePosition: valuePosition, nodes: start..<arena.count, value: value, isAssignable: isAssignable,
            hadErrors: errors.count > errorsBefore))
    }
}
