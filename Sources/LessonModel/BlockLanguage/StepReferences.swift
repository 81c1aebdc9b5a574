/// The names and indices of a `repeat` body (see RepeatParser.swift): `h[t] = ...` assigns step
/// t's node, `h[t-1]` uses an earlier one, and `x[t-1]` indexes a tensor at a position that
/// depends on the step. After the repeat, `h[4]` names the node `h4`.
extension BlockParser {
    /// In a repeat body, only assignments of one time step; elsewhere nothing to check.
    func checkBodyStatement(_ first: Token) throws(SyntaxError) {
        guard let r = recurrence, first.kind == .name else { return }
        let word = text(first)
        if word == "repeat", nextTokenIs(.name) {
            throw SyntaxError(position: first.position, message: "repeat lines do not nest; write the inner steps out in this body")
        }
        if word == "param" {
            throw SyntaxError(position: first.position, message: "every time step shares the parameters; "
                + "declare them before the repeat line")
        }
        if ((word == "group" || word == "descend") && nextTokenIs(.name))
            || (BlockLanguage.modelStatements.contains(word) && !nextTokenIs(.equals)) {
            throw SyntaxError(position: first.position, message: "a repeat body holds the assignments of one time step, "
                + "like 'h[\(r.variable)] = tanh(w * h[\(r.variable)-1])'; put the '\(word)' line before or after it")
        }
    }

    /// The name a statement assigns, after its first name `base` is read: in a repeat body
    /// `h[t]` is step t's node; elsewhere `h[...]` cannot be assigned, nor can a name whose steps
    /// a repeat made.
    mutating func assignedName(_ base: String, at name: Token) throws(SyntaxError) -> String {
        guard let r = recurrence else {
            if peekKind() == .leftBracket {
                throw SyntaxError(position: peek().position, message: "only a repeat body assigns '\(base)[...]', as "
                    + "'\(base)[t] = ...'; elsewhere assign a plain name, like '\(Self.stepName(base, 0)) = ...'")
            }
            if let line = stepFamilies[base], peekKind() == .equals {
                throw SyntaxError(position: name.position, message: "'\(base)' names the time steps of the repeat on line "
                    + "\(line) ('\(base)[1]' is \(Self.stepName(base, 1))); give this node another name")
            }
            return base
        }
        guard let open = take(.leftBracket) else {
            throw SyntaxError(position: name.position, message: "each time step assigns its own value: write "
                + "'\(base)[\(r.variable)] = ...', which names \(Self.stepName(base, r.firstStep)), "
                + "\(Self.stepName(base, r.firstStep + 1)), ...")
        }
        openBrackets += 1
        let variable = peek()
        guard variable.kind == .name, text(variable) == r.variable, nextTokenIs(.rightBracket) else {
            throw SyntaxError(position: variable.position, message: "a time step assigns its own step only: write "
                + "'\(base)[\(r.variable)] = ...'")
        }
        advance()
        try close(.rightBracket, opening: open)
        recurrence?.current = base
        return Self.stepName(base, r.step)
    }

    /// Whether the current name is a step name followed by `[`: `h[t-1]` in a repeat body, or
    /// `h[4]` after it.
    func isStepReference() -> Bool {
        guard index + 1 < tokens.count, tokens[index + 1].kind == .leftBracket else { return false }
        let name = text(tokens[index])
        return recurrence?.families[name] != nil || stepFamilies[name] != nil
    }

    /// `h[t-1]` or `h[4]`: a use of one time step's node, by its generated name.
    mutating func parseStepReference() throws(SyntaxError) -> ID {
        let name = advance()
        let base = text(name)
        let open = advance()
        openBrackets += 1
        let k: Int
        if let r = recurrence {
            k = try stepIndex(r)
        } else {
            let token = peek()
            guard token.kind == .number, token.value == token.value.rounded(), token.value >= 0, token.value < 1e9 else {
                throw expected("a step number: after the repeat, '\(base)[4]' is the node \(Self.stepName(base, 4))")
            }
            advance()
            k = Int(token.value)
        }
        try close(.rightBracket, opening: open)
        if let r = recurrence, let message = stepReferenceError(base, k, r, written: text(from: name.offsets.lowerBound)) {
            errors.error(name.position, message)
            return arena.add(.invalid, at: name.position)
        }
        return arena.add(.name(Self.stepName(base, k)), at: name.position)
    }

    /// What is wrong with using step `k` of `base` at the current step, if anything.
    private func stepReferenceError(_ base: String, _ k: Int, _ r: Recurrence, written: String) -> String? {
        let quoted = Quote.text(written)
        if k > r.step {
            return "\(quoted) is a later time step; a step can use only itself and the steps before it, like '\(base)[\(r.variable)-1]'"
        }
        if k == r.step {
            if r.current == base {
                return "\(quoted) is used in its own definition; the step before is '\(base)[\(r.variable)-1]'"
            }
            if !r.assigned.contains(base), let line = r.families[base]?.line {
                return "\(quoted) is used before it is assigned on line \(line)"
            }
            return nil
        }
        if k < 0 { return "at \(r.variable) = \(r.step), \(quoted) would be step \(k); steps are counted from 0" }
        let name = Self.stepName(base, k)
        if k < r.firstStep, !r.assignedBefore.contains(name) {
            return "at \(r.variable) = \(r.step), \(quoted) is '\(name)', which is not assigned before the repeat line; "
                + "assign it there, like '\(name) = 0'"
        }
        return nil
    }

    /// An index in a repeat body: whole numbers and the step variable, added and subtracted
    /// (`t`, `t - 1`, `-1`), worked out for the current step.
    mutating func stepIndex(_ r: Recurrence) throws(SyntaxError) -> Int {
        var total = 0
        var sign = take(.minus) == nil ? 1 : -1
        while true {
            let token = peek()
            let value: Int
            if token.kind == .name, text(token) == r.variable {
                value = r.step
            } else if token.kind == .number, token.value == token.value.rounded(), Swift.abs(token.value) < 1e9 {
                value = Int(token.value)
            } else {
                throw expected("a whole number or '\(r.variable)' in the index, as in 'h[\(r.variable)-1]' or 'x[\(r.variable)-1]'")
            }
            advance()
            total += sign * value
            guard Swift.abs(total) < 1_000_000_000 else {
                throw SyntaxError(position: token.position, message: "this index is too large")
            }
            if take(.plus) != nil {
                sign = 1
            } else if take(.minus) != nil {
                sign = -1
            } else {
                return total
            }
        }
    }
}
