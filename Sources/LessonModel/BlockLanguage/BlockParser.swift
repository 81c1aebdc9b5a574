/// The token cursor shared by the statement, expression and literal parsers.
///
/// The parser recurses once per level of parentheses or call, so the functions on that path keep
/// their frames small (tokens are plain data, passed by index; messages are built in separate
/// functions). At `BlockLanguage.maxNestingDepth` the recursion takes about 0.1 MiB of stack in
/// an optimized build and about 0.6 MiB in a debug build; Linux threads have 8 MiB.
struct BlockParser {
    let tokens: [Token]
    /// The block's source, for token texts and quotes in messages.
    let source: [Unicode.Scalar]
    /// Graph or model block: which statements, keywords and tokens exist.
    let dialect: BlockLanguage.Dialect
    /// Words that cannot be assigned (`param`; model blocks add `data`, `train`, `epochs`, ...).
    let keywords: Set<String>
    var index = 0
    /// Where the last consumed token ends in `source`.
    var previousEnd = 0
    /// Brackets opened and not yet closed in the current statement; while positive, newlines
    /// that do not end the statement are skipped (a matrix literal may span lines).
    var openBrackets = 0
    /// Parentheses and calls the recursive descent is inside; bounded by `BlockLanguage.maxNestingDepth`.
    var depth = 0
    var arena = ExpressionArena()
    /// What the parser knows of the block's `repeat` line (see RepeatParser.swift).
    let repeats = RepeatState()
    var errors: BlockErrors

    init(source: [Unicode.Scalar], dialect: BlockLanguage.Dialect, firstLine: Int, path: String) {
        var tokens = Lexer.tokens(of: source, firstLine: firstLine, keywords: dialect.statementKeywords,
                                  modelSyntax: dialect == .model)
        // The lexer always ends with `.end`; keep that true so `peek` never runs off the array.
        if tokens.last?.kind != .end {
            tokens.append(Token(kind: .end, position: SourcePosition(line: firstLine, column: 1), offsets: 0..<0))
        }
        self.tokens = tokens
        self.source = source
        self.dialect = dialect
        self.keywords = dialect.reservedNames
        errors = BlockErrors(path: path)
    }

    /// The current token, after skipping the newlines that continue a bracketed expression.
    mutating func peek() -> Token {
        skipContinuationNewlines()
        return tokens[index]
    }

    /// Moves past the newlines that continue a bracketed expression.
    mutating func skipContinuationNewlines() {
        while openBrackets > 0, tokens[index].kind == .newline, !tokens[index].endsStatement {
            index += 1
        }
    }

    /// Returns the current token and moves past it (never past `.end`).
    @discardableResult
    mutating func advance() -> Token {
        let token = peek()
        if token.kind != .end { index += 1 }
        previousEnd = token.offsets.upperBound
        return token
    }

    /// Consumes the current token if it is of `kind`.
    mutating func take(_ kind: Token.Kind) -> Token? {
        peek().kind == kind ? advance() : nil
    }

    /// The kind of the current token (cheaper than `peek()` where frames must stay small).
    mutating func peekKind() -> Token.Kind {
        peek().kind
    }

    /// Consumes the current token if it is of `kind`, returning its index.
    mutating func takeIndex(_ kind: Token.Kind) -> Int? {
        guard peekKind() == kind else { return nil }
        let taken = index
        advance()
        return taken
    }

    /// The source text of `token`.
    func text(_ token: Token) -> String {
        String(String.UnicodeScalarView(source[token.offsets.clamped(to: 0..<source.count)]))
    }

    /// The source text from offset `start` to the end of the last consumed token.
    func text(from start: Int) -> String {
        let end = min(max(start, previousEnd), source.count)
        return String(String.UnicodeScalarView(source[min(start, end)..<end]))
    }

    /// How a message names a token: `'x'`, `'+'`, `end of line`.
    func described(_ token: Token) -> String {
        token.isLineEnd ? "end of line" : Quote.text(text(token))
    }

    /// "expected <what>, found <current token>", or the current token's own message if it is invalid text.
    mutating func expected(_ what: String) -> SyntaxError {
        let token = peek()
        if token.isInvalid { return SyntaxError(position: token.position, message: Lexer.message(for: token, in: source)) }
        return SyntaxError(position: token.position, message: "expected \(what), found \(described(token))")
    }

    /// Consumes an opening `(` that nests the recursion one level deeper; returns its index.
    mutating func openNesting() throws(SyntaxError) -> Int {
        skipContinuationNewlines()
        let open = index
        advance()
        openBrackets += 1
        depth += 1
        guard depth <= BlockLanguage.maxNestingDepth else { throw tooDeep(at: open) }
        return open
    }

    private func tooDeep(at open: Int) -> SyntaxError {
        SyntaxError(position: tokens[open].position,
                    message: "expression nested too deeply (the limit is \(BlockLanguage.maxNestingDepth) levels)")
    }

    /// Consumes the `)` that closes the `(` at token index `open` (from `openNesting`).
    mutating func closeNesting(opening open: Int) throws(SyntaxError) {
        try close(.rightParen, opening: tokens[open])
        depth -= 1
    }

    /// Consumes the `)` or `]` that closes `opener`.
    mutating func close(_ kind: Token.Kind, opening opener: Token) throws(SyntaxError) {
        guard take(kind) != nil else { throw unclosed(kind, opener) }
        openBrackets -= 1
    }

    private mutating func unclosed(_ kind: Token.Kind, _ opener: Token) -> SyntaxError {
        let closer = kind == .rightParen ? "')'" : "']'"
        return expected("\(closer) to close \(Quote.text(text(opener))) at \(opener.position)")
    }

    /// Skips the rest of a broken statement: to the newline that ends it, counting the brackets
    /// still open so the lines of a broken multi-line matrix are not read as new statements.
    mutating func skipStatement() {
        defer { openBrackets = 0; depth = 0 }
        while tokens[index].kind != .end {
            let token = tokens[index]
            index += 1
            switch token.kind {
            case .newline where openBrackets <= 0 || token.endsStatement: return
            case .leftParen, .leftBracket: openBrackets += 1
            case .rightParen, .rightBracket: openBrackets -= 1
            default: break
            }
        }
    }
}
