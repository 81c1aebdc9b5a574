// `repeat t in 1...4:` and its indented body: a recurrence, unrolled as it is parsed. The body
// is parsed once per time step with `t` standing for the step's number, so the block gets
// exactly the statements a teacher would copy by hand (and the same nodes, names and plan):
//
//     h0 = 0.0                                  h0 = 0.0
//     repeat t in 1...3:                        h1 = tanh(w * h0 + u * x[0])
//         h[t] = tanh(w * h[t-1] + u * x[t-1])  h2 = tanh(w * h1 + u * x[1])
//     loss = h[3]^2                             h3 = tanh(w * h2 + u * x[2])
//                                               loss = h3^2
//
// `h[t]` is the node `h3` at step 3 (`h2_3` for a name ending in a digit); `h[t-1]` at the
// first step is `h0`, which the block assigns before the repeat; after it, `h[3]` is `h3`. Each
// step's statements become a group titled "time step t", drawn as one card.
//
//     repeat := 'repeat' NAME 'in' NUMBER '...' NUMBER ':' newline body
//     body   := (statement newline)+   every line indented to the first one's column

/// What a repeat body's lines are parsed with, once per time step.
struct Recurrence: Sendable {
    var variable: String
    /// The step being parsed, and the first one.
    var step: Int
    var firstStep: Int
    /// The names the body assigns as `h[t]`, where each is assigned.
    var families: [String: SourcePosition]
    /// The families this pass has assigned so far, and the one whose line is being parsed.
    var assigned: Set<String> = []
    var current: String?
    /// Names assigned before the repeat line: what `h[t-1]` may name at the first step.
    var assignedBefore: Set<String>
}

/// The parser's state for a `repeat` line, behind one reference: unoptimized builds copy the
/// parser into temporaries on the recursive expression path, and its frames must stay small
/// (see `BlockParser`).
final class RepeatState {
    /// Set while the body is parsed, once per time step.
    var recurrence: Recurrence?
    /// After the repeat line: the names its body assigns as `h[t]`, with the line of the
    /// repeat, so `h[4]` later names the node `h4`.
    var stepFamilies: [String: Int] = [:]
    /// The line of the block's repeat (a block has one).
    var line: Int?
}

extension BlockParser {
    var recurrence: Recurrence? {
        get { repeats.recurrence }
        nonmutating set { repeats.recurrence = newValue }
    }

    var stepFamilies: [String: Int] {
        get { repeats.stepFamilies }
        nonmutating set { repeats.stepFamilies = newValue }
    }

    /// The node that is step `k` of `h[t]`: `h3`, or `h2_3` when the name ends in a digit.
    static func stepName(_ base: String, _ k: Int) -> String {
        let separator = base.unicodeScalars.last.map(Lexer.isDigit) == true ? "_" : ""
        return base + separator + String(k)
    }

    /// Whether the current statement is a `repeat` line (`repeat = 2` assigns a name).
    mutating func startsRepeat() -> Bool {
        let token = peek()
        return token.kind == .name && text(token) == "repeat" && nextTokenIs(.name)
    }

    /// Parses a `repeat` line and its body, appending the unrolled statements and one group per
    /// time step. On an error the body's names are bound as broken, so later uses stay quiet.
    mutating func parseRepeat(into statements: inout [Statement]) {
        let keyword = advance()
        let headerColumn = keyword.position.column
        let steps: ClosedRange<Int>
        let variable: String
        do {
            (variable, steps) = try parseRepeatHeader(keyword, before: statements)
        } catch {
            errors.error(error.position, error.message)
            skipStatement()
            skipBody(deeperThan: headerColumn)
            return
        }
        let bodyStart = index
        let first = peek()
        guard !first.isLineEnd, first.position.column > headerColumn else {
            errors.error(keyword.position, "a repeat needs a body: the lines of one time step, indented below it, "
                + "like '    h[\(variable)] = tanh(w * h[\(variable)-1])'")
            return
        }
        let column = first.position.column
        let families = bodyFamilies(from: bodyStart, deeperThan: headerColumn, variable: variable)
        let before = assignedNames(statements)
        var failed = false
        for (family, position) in families.sorted(by: { $0.key < $1.key }) {
            guard let line = before[family] else { continue }
            errors.error(position, "'\(family)' is already assigned on line \(line); '\(family)[\(variable)]' names the "
                + "time steps \(Self.stepName(family, steps.lowerBound)), \(Self.stepName(family, steps.lowerBound + 1)), ..., "
                + "so give them another name")
            failed = true
        }
        var expansion: [Statement] = []
        var groups: [Statement] = []
        var bodyEnd = bodyStart
        for t in steps where !failed {
            index = bodyStart
            recurrence = Recurrence(variable: variable, step: t, firstStep: steps.lowerBound, families: families,
                                    assignedBefore: Set(before.keys))
            let errorsBefore = errors.count
            let start = expansion.count
            parseBody(column: column, deeperThan: headerColumn, into: &expansion)
            bodyEnd = index
            // One pass reports a mistake; the other steps would repeat it.
            if errors.count > errorsBefore || errors.isFull {
                failed = true
                break
            }
            let members = expansion[start...].compactMap { statement -> GroupStatement.Member? in
                guard case .assignment(let a) = statement, a.isAssignable else { return nil }
                return GroupStatement.Member(name: a.name, position: a.namePosition)
            }
            groups.append(.group(GroupStatement(name: "time step \(t)", position: keyword.position, members: members,
                                                title: .step(t))))
        }
        recurrence = nil
        index = bodyEnd
        if failed {
            skipBody(deeperThan: headerColumn)
            for (family, position) in families.sorted(by: { $0.key < $1.key }) {
                for t in steps { statements.append(.broken(name: Self.stepName(family, t), position: position)) }
            }
        } else {
            statements += expansion + groups
        }
        for family in families.keys { stepFamilies[family] = keyword.position.line }
    }

    /// `repeat t in 1...4:` after `repeat`, to the end of the line: the step variable and the steps.
    private mutating func parseRepeatHeader(_ keyword: Token, before statements: [Statement])
        throws(SyntaxError) -> (String, ClosedRange<Int>) {
        if let line = repeats.line {
            throw SyntaxError(position: keyword.position, message: "a block has one repeat line; the first is on line \(line), "
                + "so write every line of a time step in its body")
        }
        repeats.line = keyword.position.line
        let variableToken = advance()
        let variable = text(variableToken)
        if Builtins.function(named: variable) != nil || keywords.contains(variable) || variable == "in" {
            throw SyntaxError(position: variableToken.position, message: "the step variable cannot be '\(variable)'; "
                + "use a plain name, like 'repeat t in 1...4:'")
        }
        if let line = assignedNames(statements)[variable] {
            throw SyntaxError(position: variableToken.position, message: "'\(variable)' is already assigned on line \(line); "
                + "give the step variable a name of its own, like 'repeat k in 1...4:'")
        }
        guard peekKind() == .name, text(peek()) == "in" else {
            throw expected("'in' after the step variable, as in 'repeat \(variable) in 1...4:'")
        }
        advance()
        let (first, firstToken) = try stepBound("the first step")
        let dots = peek()
        guard dots.kind == .ellipsis, text(dots) == "..." else {
            if dots.kind == .ellipsis {
                throw SyntaxError(position: dots.position, message: "write the steps with three dots, as in '1...4' "
                    + "(1, 2, 3 and 4: both ends are included)")
            }
            throw expected("'...' between the first and the last step, as in 'repeat \(variable) in 1...4:'")
        }
        advance()
        let (last, _) = try stepBound("the last step")
        guard first <= last else {
            throw SyntaxError(position: firstToken.position, message: "the steps \(first)...\(last) go backwards; "
                + "write the first step first, as in '\(last)...\(first)'")
        }
        guard last - first < BlockLanguage.maxSteps else {
            throw SyntaxError(position: firstToken.position, message: "\(first)...\(last) is \(last - first + 1) time steps; "
                + "a repeat has at most \(BlockLanguage.maxSteps) (each step is drawn as a group, and a block has at most "
                + "\(BlockLanguage.maxGroups) groups)")
        }
        guard take(.colon) != nil else {
            throw expected("':' at the end of the repeat line, as in 'repeat \(variable) in \(first)...\(last):'")
        }
        guard peek().isLineEnd else {
            throw expected("end of line after ':'; the body goes on the lines below, indented")
        }
        advance()
        return (variable, first...last)
    }

    /// A bound of a repeat's steps: a whole number written out.
    private mutating func stepBound(_ what: String) throws(SyntaxError) -> (Int, Token) {
        let token = peek()
        guard token.kind == .number else {
            if token.kind == .name {
                throw SyntaxError(position: token.position, message: "\(what) of a repeat is a whole number written out, "
                    + "like '4', not a name like \(Quote.text(text(token)))")
            }
            throw expected("a whole number, \(what), as in 'repeat t in 1...4:'")
        }
        advance()
        guard token.value == token.value.rounded(), token.value >= 0, token.value < 1e9 else {
            throw SyntaxError(position: token.position, message: "\(what) of a repeat must be a whole number, 0 or more; "
                + "got \(Quote.text(text(token)))")
        }
        return (Int(token.value), token)
    }

    /// The statements of one pass over the body: those that start at `column`, until a line
    /// that is indented no deeper than the repeat line.
    private mutating func parseBody(column: Int, deeperThan headerColumn: Int, into statements: inout [Statement]) {
        while !errors.isFull {
            let token = peek()
            if token.kind == .newline {
                advance()
                continue
            }
            if token.kind == .end || token.position.column <= headerColumn { return }
            guard token.position.column == column else {
                errors.error(token.position, "this line of the repeat body starts in column \(token.position.column); "
                    + "expected column \(column), like the body's first line")
                skipStatement()
                continue
            }
            parseStatementRecovering(into: &statements)
            if let current = recurrence?.current { recurrence?.assigned.insert(current) }
            recurrence?.current = nil
        }
    }

    /// Skips the lines indented deeper than `column` (a broken repeat's body).
    private mutating func skipBody(deeperThan column: Int) {
        while tokens[index].kind != .end, tokens[index].kind == .newline || tokens[index].position.column > column {
            skipStatement()
        }
    }

    /// The names the body's lines assign as `h[t] = ...`, read ahead so a line may use a name
    /// that a later line of the body assigns (`h[t-1]` before `h[t] = ...`).
    private func bodyFamilies(from start: Int, deeperThan headerColumn: Int, variable: String) -> [String: SourcePosition] {
        var families: [String: SourcePosition] = [:]
        var k = start
        var atLineStart = true
        while k < tokens.count, tokens[k].kind != .end {
            if atLineStart {
                if tokens[k].position.column <= headerColumn { break }
                let kinds: [Token.Kind] = [.name, .leftBracket, .name, .rightBracket, .equals]
                if k + kinds.count < tokens.count, kinds.indices.allSatisfy({ tokens[k + $0].kind == kinds[$0] }),
                   text(tokens[k + 2]) == variable, families[text(tokens[k])] == nil {
                    families[text(tokens[k])] = tokens[k].position
                }
            }
            atLineStart = tokens[k].kind == .newline
            k += 1
        }
        return families
    }

    /// The names assigned by `statements` (a data line assigns `X` and `y`), with the line of
    /// each one's first assignment.
    func assignedNames(_ statements: [Statement]) -> [String: Int] {
        var names: [String: Int] = [:]
        func add(_ name: String, _ line: Int) { if names[name] == nil { names[name] = line } }
        for statement in statements {
            switch statement {
            case .assignment(let a) where a.isAssignable: add(a.name, a.line)
            case .broken(let name, let position): add(name, position.line)
            case .layers(let layers): for a in layers.assignments { add(a.name, a.line) }
            case .data(let data): for name in ["X", "y"] { add(name, data.position.line) }
            default: break
            }
        }
        return names
    }
}
