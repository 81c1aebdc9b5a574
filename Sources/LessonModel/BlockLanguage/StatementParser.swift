/// One statement of a block. Graph blocks have assignments only; model blocks add `data`,
/// `split`, `layers`, `train`, `schedule` and `trace` lines.
enum Statement: Sendable {
    case assignment(Assignment)
    /// A statement with a syntax error that got as far as its name. The name still counts as
    /// assigned, so its later uses do not cascade into "undefined name" errors.
    case broken(name: String, position: SourcePosition)
    case data(DataStatement)
    case split(ModelLine<Double>)
    case layers(LayersStatement)
    case train(ModelLine<TrainSpec>)
    case schedule(ModelLine<ScheduleSpec>)
    case trace(ModelLine<TraceSpec>)
    /// `group hidden: z, h` (both dialects).
    case group(GroupStatement)
    /// `descend L over w, b` (graph blocks; an error in a model block).
    case descent(DescentStatement)
}

/// `[param] name = expression`, or in a model block `param name = initializer(...)`.
struct Assignment: Sendable {
    var isParameter: Bool
    var name: String
    var namePosition: SourcePosition
    /// The lesson-file line the statement starts on.
    var line: Int
    /// The first token of the right-hand side.
    var valuePosition: SourcePosition
    /// The right-hand side's nodes in the arena, and the one that is its value. Empty for an
    /// initializer call, whose arguments are not expressions.
    var nodes: Range<Int>
    var value: ExpressionArena.ID
    /// False when the name is a function or keyword (already reported): nothing gets bound.
    var isAssignable: Bool
    /// True when the right-hand side had errors (already reported); later checks stay quiet.
    var hadErrors: Bool
    /// The parameter's initializer call (`nodes` is then empty).
    var initializer: InitializerSpec? = nil
    /// True for the statements a `layers` line expands to.
    var isExpansion = false
}

/// A model-block line other than `data` and `layers`: its value, nil when the line had errors
/// (already reported), and where its keyword is.
struct ModelLine<Value: Sendable>: Sendable {
    var value: Value?
    var position: SourcePosition
}

/// `data NAME[(arguments)]`: defines `X` and `y`.
struct DataStatement: Sendable {
    /// Nil when the line had errors (already reported); `X` and `y` still count as defined.
    var source: DataSource?
    /// The `data` keyword.
    var position: SourcePosition
    /// The data set's name, where the `X` and `y` nodes are drawn.
    var namePosition: SourcePosition
}

/// `layers 2 -> 3 sigmoid -> 1` and the statements it expands to.
struct LayersStatement: Sendable {
    /// Nil when the line had errors (already reported).
    var spec: LayerSpec?
    var assignments: [Assignment]
    /// The assignments as text, one per line.
    var expansion: [String]
    /// The `layers` keyword.
    var position: SourcePosition
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
            if startsRepeat() {
                parseRepeat(into: &statements)
                continue
            }
            parseStatementRecovering(into: &statements)
        }
        return statements
    }

    /// statement := ['param'] NAME '=' expression | model statement (see `parseModelStatement`).
    /// `recovered` is set as soon as enough is read to stand for the statement if it turns out broken.
    /// One statement into `statements`; on a syntax error, the error is recorded, what could be
    /// recovered is kept (so later lines do not report its names as undefined), and the rest of
    /// the line is skipped. Used for top-level lines and for a repeat body's lines alike.
    mutating func parseStatementRecovering(into statements: inout [Statement]) {
        var recovered: Statement?
        do {
            statements.append(try parseStatement(recovered: &recovered))
        } catch {
            errors.error(error.position, error.message)
            if let recovered { statements.append(recovered) }
            skipStatement()
        }
    }

    mutating func parseStatement(recovered: inout Statement?) throws(SyntaxError) -> Statement {
        let first = peek()
        try checkBodyStatement(first)
        // `group` is not reserved: `group = 2` still assigns a node named group.
        if first.kind == .name, text(first) == "group", nextTokenIs(.name) {
            return try parseGroup()
        }
        // Nor is `descend`: `descend = 2` assigns, `descend L over w` declares.
        if first.kind == .name, text(first) == "descend", nextTokenIs(.name) {
            return try parseDescent()
        }
        if first.kind == .name, BlockLanguage.modelStatements.contains(text(first)), !nextTokenIs(.equals) {
            guard dialect == .model else {
                throw SyntaxError(position: first.position,
                                  message: "'\(text(first))' belongs in a model block; change the fence to ```model")
            }
            return try parseModelStatement(recovered: &recovered)
        }
        if dialect == .model, first.kind == .name, let home = Self.clauseLines[text(first)], !nextTokenIs(.equals) {
            throw SyntaxError(position: first.position, message: "'\(text(first))' belongs on \(home)")
        }
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
        var nameText = text(name)
        var isAssignable = true
        if Builtins.function(named: nameText) != nil {
            errors.error(name.position, "cannot assign to '\(nameText)': it is the name of a function")
            isAssignable = false
        } else if keywords.contains(nameText) {
            errors.error(name.position, "cannot assign to '\(nameText)': it is a keyword")
            isAssignable = false
        }
        if isAssignable { recovered = .broken(name: nameText, position: name.position) }
        nameText = try assignedName(nameText, at: name)  // `h[t]` in a repeat body is `h3` at step 3
        if isAssignable { recovered = .broken(name: nameText, position: name.position) }
        guard let equals = takeIndex(.equals) else {
            if let compound = compoundAssignment(of: nameText) { throw compound }
            throw expected("'=' after \(Quote.text(nameText))")
        }
        let valuePosition = peek().position
        let start = arena.count
        if case .parsed(let initializer) = try parseInitializerValue(isParameter: isParameter, target: nameText) {
            try endStatement(after: "the initializer")
            return .assignment(Assignment(
                isParameter: true, name: nameText, namePosition: name.position, line: first.position.line,
                valuePosition: valuePosition, nodes: start..<start, value: start, isAssignable: isAssignable,
                hadErrors: initializer == nil, initializer: initializer))
        }
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

    /// `c += ...` (an operator right before `=`): Python's habit, answered with how the block
    /// language says it. Nil when the statement is not of that form.
    private mutating func compoundAssignment(of name: String) -> SyntaxError? {
        let op = peek()
        let symbols: [Token.Kind: String] = [.plus: "+", .minus: "-", .star: "*", .slash: "/", .caret: "^", .at: "@"]
        guard let symbol = symbols[op.kind], nextTokenIs(.equals) else { return nil }
        return SyntaxError(position: op.position,
                           message: "names are assigned once; write '\(name)2 = \(name) \(symbol) ...' instead of '\(name) \(symbol)= ...'")
    }

    /// The words that continue a model line rather than start one, and where they go.
    private static let clauseLines = [
        "epochs": "the train line, like 'train sgd(lr: 0.1) epochs 1000'",
        "batch": "the train line, like 'train sgd(lr: 0.1) epochs 1000 batch 32'",
        "seed": "the train line, like 'train sgd(lr: 0.1) epochs 1000 seed 0'",
        "every": "the trace line, like 'trace every 100'",
    ]

    /// Whether the token after the current one is of `kind` (the current one is `peek()`ed already).
    func nextTokenIs(_ kind: Token.Kind) -> Bool {
        index + 1 < tokens.count && tokens[index + 1].kind == kind
    }

    /// Consumes the end of the line that ends a statement; anything else is an error that
    /// names what the statement ended with.
    mutating func endStatement(after what: String) throws(SyntaxError) {
        let end = peek()
        guard end.isLineEnd else {
            if end.kind == .rightParen || end.kind == .rightBracket {
                throw SyntaxError(position: end.position, message: "unmatched \(Quote.text(text(end)))")
            }
            throw expected("end of line after \(what)")
        }
        advance()
    }
}
