import Foundation
import Operations

/// Expressions, by recursive descent. Only parentheses and calls recurse (bounded by
/// `BlockLanguage.maxNestingDepth`); chains of operators, minus signs and powers are loops,
/// so `x + x + ... + x` with 10,000 terms needs no stack.
///
///     expression := sum (('>' | '<' | '>=' | '<=' | '==' | '!=') sum)?   a 0/1 mask; no chains
///     sum        := term (('+' | '-') term)*
///     term       := unary (('*' | '/' | '@') unary)*    `@` binds like `*`, as in NumPy
///     unary      := '-'* power                          -x^2 is -(x^2)
///     power      := primary ('^' '-'* primary)*         right-associative; exponents are numbers
///     primary    := NUMBER | NAME | NAME '(' arguments ')' | '(' expression ')' | literal
///     arguments  := (expression | option) (',' (expression | option))*   options: CallOptions.swift
///
/// The functions on the recursive path (expression, term, unary, primary, parenthesized, call)
/// pass tokens by index and leave messages and folding to helpers, to keep their frames small.
extension BlockParser {
    typealias ID = ExpressionArena.ID

    /// Parses an expression; `previous` is the index of the token before it, named in
    /// "expected an expression after ...". A comparison binds loosest, as in Python and NumPy
    /// (`x + 1 > y` compares the sum), and does not chain: `a < b < c` means something different
    /// in Python (`a < b and b < c`) and fails on NumPy arrays, so it is an error here.
    mutating func parseExpression(after previous: Int) throws(SyntaxError) -> ID {
        let lhs = try parseSum(after: previous)
        guard let op = takeComparison() else { return lhs }
        let rhs = try parseSum(after: op)
        if let second = takeComparison() {
            errors.error(tokens[second].position, "comparisons do not chain; write '(a < b) * (b < c)' for both to hold")
            _ = try parseSum(after: second)
            return arena.add(.invalid, at: tokens[second].position)
        }
        return binary(op, lhs, rhs)
    }

    /// Consumes a comparison operator, returning its index.
    private mutating func takeComparison() -> Int? {
        switch peekKind() {
        case .greater, .less, .greaterEqual, .lessEqual, .equalEqual, .notEqual: return takeIndex(peekKind())
        default: return nil
        }
    }

    private mutating func parseSum(after previous: Int) throws(SyntaxError) -> ID {
        var lhs = try parseTerm(after: previous)
        while let op = takeOperator(additive: true) {
            let rhs = try parseTerm(after: op)
            lhs = binary(op, lhs, rhs)
        }
        return lhs
    }

    private mutating func parseTerm(after previous: Int) throws(SyntaxError) -> ID {
        var lhs = try parseUnary(after: previous)
        while let op = takeOperator(additive: false) {
            let rhs = try parseUnary(after: op)
            lhs = binary(op, lhs, rhs)
        }
        return lhs
    }

    /// Consumes a binary operator of one precedence level (`+ -`, or `* / @`), returning its index.
    private mutating func takeOperator(additive: Bool) -> Int? {
        switch peekKind() {
        case .plus, .minus: if !additive { return nil }
        case .star, .slash, .at: if additive { return nil }
        default: return nil
        }
        return takeIndex(peekKind())
    }

    /// The node for the binary operator token at index `op`.
    private mutating func binary(_ op: Int, _ lhs: ID, _ rhs: ID) -> ID {
        let token = tokens[op]
        let programOp: ProgramOp
        switch token.kind {
        case .plus: programOp = .add
        case .minus: programOp = .subtract
        case .slash: programOp = .divide
        case .at: programOp = .matmul
        case .greater: programOp = .greater
        case .less: programOp = .less
        case .greaterEqual: programOp = .greaterEqual
        case .lessEqual: programOp = .lessEqual
        case .equalEqual: programOp = .equal
        case .notEqual: programOp = .notEqual
        default: programOp = .multiply
        }
        return arena.binary(programOp, lhs, rhs, at: token.position)
    }

    private mutating func parseUnary(after previous: Int) throws(SyntaxError) -> ID {
        let minuses = takeMinuses()
        var operand = try parsePrimary(after: minuses.last ?? previous)
        if peekKind() == .leftBracket { operand = try parseSubscripts(operand) }
        if peekKind() == .caret { operand = try parsePowerChain(operand) }
        return negated(operand, by: minuses)
    }

    /// The indices of consecutive `-` tokens.
    private mutating func takeMinuses() -> [Int] {
        var minuses: [Int] = []
        while let minus = takeIndex(.minus) { minuses.append(minus) }
        return minuses
    }

    /// Applies the minus signs written before `e`, innermost (rightmost) first.
    private mutating func negated(_ e: ID, by minuses: [Int]) -> ID {
        var result = e
        for minus in minuses.reversed() { result = arena.negate(result, at: tokens[minus].position) }
        return result
    }

    /// One `^ exponent` of a power chain, remembered until the chain is folded from the right.
    private struct PowerLink {
        var caret: Token
        /// The exponent's first token (its first minus, if any), where exponent errors point.
        var start: Token
        var minuses: [Int]
        /// Where the exponent's nodes begin in the arena; a constant exponent's nodes are dropped.
        var arenaStart: Int
        var errorsBefore: Int
        var operand: ID = 0
    }

    /// `base ^ e1 ^ e2 ...` after `base` is parsed, with a loop rather than right recursion.
    private mutating func parsePowerChain(_ base: ID) throws(SyntaxError) -> ID {
        var links: [PowerLink] = []
        while let caret = takeIndex(.caret) {
            var link = PowerLink(caret: tokens[caret], start: peek(), minuses: takeMinuses(),
                                 arenaStart: arena.count, errorsBefore: errors.count)
            link.operand = try parsePrimary(after: link.minuses.last ?? caret)
            links.append(link)
        }
        return foldPowers(base, links)
    }

    /// `a ^ -b ^ c` is `a ^ (-(b ^ c))`: fold from the right, applying each operand's minus
    /// signs after its own power.
    private mutating func foldPowers(_ base: ID, _ links: [PowerLink]) -> ID {
        guard let last = links.last else { return base }
        var exponent = negated(last.operand, by: last.minuses)
        for k in links.indices.reversed() {
            exponent = power(k == 0 ? base : links[k - 1].operand, exponent, links[k])
            if k > 0 { exponent = negated(exponent, by: links[k - 1].minuses) }
        }
        return exponent
    }

    /// `base ^ exponent`, where the exponent must fold to a number (`2`, `-1`, `1/2`); it
    /// becomes part of the node, and its own nodes are dropped.
    private mutating func power(_ base: ID, _ exponent: ID, _ link: PowerLink) -> ID {
        let value = arena[exponent].constant
        arena.truncate(to: link.arenaStart)
        // An error inside the exponent was reported already; one message per mistake.
        guard errors.count == link.errorsBefore else { return arena.add(.invalid, at: link.caret.position) }
        guard let value, !value.isNaN else {
            errors.error(link.start.position, "the exponent of '^' must be a number")
            return arena.add(.invalid, at: link.caret.position)
        }
        guard value.isFinite else {
            // Quoted from the source: the exponent runs to the end of the chain, just parsed.
            let text = text(from: link.start.offsets.lowerBound)
            errors.error(link.start.position, "number \(Quote.text(text)) is out of range")
            return arena.add(.invalid, at: link.caret.position)
        }
        let constant = arena[base].constant.map { Foundation.pow($0, value) }
        return arena.add(.operation(.power, inputs: [base], exponent: value), at: link.caret.position,
                         constant: constant)
    }

    private mutating func parsePrimary(after previous: Int) throws(SyntaxError) -> ID {
        switch peekKind() {
        case .number: return number()
        case .name where nextIsLeftParen(): return try parseCall()
        case .name: return try nameUse()
        case .leftParen:
            let open = try openNesting()
            let inner = try parseExpression(after: open)
            try closeNesting(opening: open)
            return inner
        case .leftBracket: return try parseTensorLiteral()
        default: throw expectedExpression(after: previous)
        }
    }

    /// Whether the token after the current one is `(`, making the current name a call.
    private func nextIsLeftParen() -> Bool {
        index + 1 < tokens.count && tokens[index + 1].kind == .leftParen
    }

    private mutating func expectedExpression(after previous: Int) -> SyntaxError {
        expected("an expression after \(Quote.text(text(tokens[previous])))")
    }

    private mutating func number() -> ID {
        let token = advance()
        guard token.value.isFinite else {
            errors.error(token.position, "number \(Quote.text(text(token))) is out of range")
            return arena.add(.invalid, at: token.position)
        }
        return arena.number(token.value, at: token.position)
    }

    /// A name as a value, or a time step's node (`h[t-1]`, `h[4]`); a function name without
    /// parentheses is a mistake worth explaining. (Off the recursive path's frame, as are messages.)
    private mutating func nameUse() throws(SyntaxError) -> ID {
        if isStepReference() { return try parseStepReference() }
        let token = advance()
        let name = text(token)
        if let function = Builtins.function(named: name) {
            let example = function.op == .where ? "where(mask, a, b)" : function.op == .clip ? "clip(x, lo, hi)"
                : function.op == .reshape ? "reshape(x, rows, cols)"
                : function.arity == 2 ? "\(name)(a, b)" : "\(name)(x)"
            errors.error(token.position, "'\(name)' is a function; call it like '\(example)'")
            return arena.add(.invalid, at: token.position)
        }
        if recurrence?.families[name] != nil || stepFamilies[name] != nil {
            errors.error(token.position, "'\(name)' names time steps, not one node: use one step, as in "
                + (recurrence.map { "'\(name)[\($0.variable)-1]'" } ?? "'\(name)[1]'"))
            return arena.add(.invalid, at: token.position)
        }
        if let r = recurrence, name == r.variable {
            errors.error(token.position, "'\(name)' is the number of the time step; it can be used only in brackets, "
                + "as in 'h[\(name)-1]' or 'x[\(name)-1]'")
            return arena.add(.invalid, at: token.position)
        }
        return arena.add(.name(name), at: token.position)
    }

    /// `name(arguments)`; an unknown function or a wrong argument count is reported and parsing goes on.
    private mutating func parseCall() throws(SyntaxError) -> ID {
        let name = index
        advance()
        let open = try openNesting()
        var arguments: [ID] = []
        var options: [CallOption] = []
        var sizes: [(start: ID, token: Token)] = []  // where each argument's nodes begin, for reshape's sizes
        if peekKind() != .rightParen {
            var separator = open
            repeat {
                if let option = try parseCallOption() {
                    options.append(option)
                } else {
                    sizes.append((arena.count, peek()))
                    arguments.append(try parseExpression(after: separator))
                }
            } while takeComma(into: &separator)
        }
        try closeNesting(opening: open)
        if text(tokens[name]) == "reshape", options.isEmpty, arguments.count == 2 || arguments.count == 3 {
            return reshape(name, arguments, sizes: Array(sizes.dropFirst()))
        }
        return call(name, arguments, options: options)
    }

    private mutating func takeComma(into separator: inout Int) -> Bool {
        guard let comma = takeIndex(.comma) else { return false }
        separator = comma
        return true
    }

    /// The node for a call of the name at token index `nameIndex`; reports unknown functions
    /// and wrong argument counts.
    private mutating func call(_ nameIndex: Int, _ arguments: [ID], options: [CallOption] = []) -> ID {
        let token = tokens[nameIndex]
        let name = text(token)
        guard let function = Builtins.function(named: name, arguments: arguments.count, hasOptions: !options.isEmpty) else {
            errors.error(token.position, unknownCallMessage(name))
            return arena.add(.invalid, at: token.position)
        }
        if arguments.count > 2, options.isEmpty, [.maximum, .minimum].contains(function.op) {
            // max(a, b, c) is max(max(a, b), c), as np.maximum.reduce and nested torch.maximum.
            var folded = arena.add(.operation(function.op, inputs: Array(arguments.prefix(2)), exponent: nil), at: token.position)
            for argument in arguments.dropFirst(2) {
                folded = arena.add(.operation(function.op, inputs: [folded, argument], exponent: nil), at: token.position)
            }
            return folded
        }
        if function.op == .reshape {
            // Two or three arguments were taken by `reshape(_:_:sizes:)` before this.
            errors.error(token.position, "reshape takes a tensor and one or two sizes, as in 'reshape(x, rows, cols)' "
                         + "or 'reshape(x, n)', got \(arguments.count) argument\(arguments.count == 1 ? "" : "s")\(options.isEmpty ? "" : " and options")")
            return arena.add(.invalid, at: token.position)
        }
        if function.op == .concat, !(2...3).contains(arguments.count) {
            errors.error(token.position, "concat joins two or three tensors, as in 'concat(a, b, axis: 0)', got \(arguments.count)")
            return arena.add(.invalid, at: token.position)
        }
        guard arguments.count == function.arity || function.op == .concat else {
            let noun = function.arity == 1 ? "argument" : "arguments"
            errors.error(token.position, Builtins.usage(of: name, got: arguments.count)
                         ?? "\(name) expects \(function.arity) \(noun), got \(arguments.count)")
            return arena.add(.invalid, at: token.position)
        }
        if !function.op.namedOptions.isEmpty {
            // The norms' eps travels where pow's exponent does.
            // conv2d's and the pools' whole numbers travel as [size, stride, padding(, in and out channels)] (WindowOption).
            guard let values = namedOptions(options, for: function) else { return arena.add(.invalid, at: token.position) }
            let numbers = values.map { Int($0) }
            if function.op == .dropout {
                // p travels as the exponent, the seed as [seed].
                return arena.add(.operation(.dropout, inputs: arguments, exponent: values[0]), at: token.position, dims: [numbers[1]])
            }
            switch function.op.family {
            case .convolution:
                let window = WindowOption(size: 0, stride: numbers[0], padding: numbers[1], inChannels: numbers[2], outChannels: numbers[3])
                return arena.add(.operation(function.op, inputs: arguments, exponent: nil), at: token.position, dims: window.numbers)
            case .pooling:
                let window = WindowOption(size: numbers[0], stride: numbers[1], inChannels: numbers[2], outChannels: numbers[2])
                return arena.add(.operation(function.op, inputs: arguments, exponent: nil), at: token.position, dims: window.numbers)
            default:
                return arena.add(.operation(function.op, inputs: arguments, exponent: values.first), at: token.position)
            }
        }
        guard let axis = axisOption(options, for: function, at: token.position) else {
            return arena.add(.invalid, at: token.position)
        }
        return arena.add(.operation(function.op, inputs: arguments, exponent: nil), at: token.position, axis: axis)
    }

    /// `reshape(x, rows, cols)` or `reshape(x, n)`: the sizes must be whole numbers (or -1, inferred),
    /// written as constants; they become part of the node, and their own nodes are dropped.
    private mutating func reshape(_ nameIndex: Int, _ arguments: [ID], sizes: [(start: ID, token: Token)]) -> ID {
        let token = tokens[nameIndex]
        var dims: [Int] = []
        for (k, size) in sizes.enumerated() {
            guard let value = arena[arguments[k + 1]].constant, value == value.rounded(), abs(value) < 1e9,
                  value >= 1 || value == -1 else {
                errors.error(size.token.position, "a size of reshape must be a whole number of at least 1, or -1 to infer it, "
                             + "written as a number (as in 'reshape(x, 2, -1)')")
                return arena.add(.invalid, at: token.position)
            }
            dims.append(Int(value))
        }
        if dims.filter({ $0 == -1 }).count > 1, let second = sizes.last {
            errors.error(second.token.position, "only one size of reshape can be -1 (inferred)")
            return arena.add(.invalid, at: token.position)
        }
        if let first = sizes.first { arena.truncate(to: first.start) }
        return arena.add(.operation(.reshape, inputs: [arguments[0]], exponent: nil), at: token.position, dims: dims)
    }

    /// An initializer used inside an expression, or in a graph block, gets its own explanation.
    private func unknownCallMessage(_ name: String) -> String {
        guard let initializer = Builtins.initializer(named: name) else {
            return Builtins.unknownFunctionMessage(name)
        }
        switch dialect {
        case .graph:
            return "initializers like '\(name)' belong in a model block; change the fence to ```model"
        case .model:
            return "'\(name)' can only be the whole value of a param, as in 'param W = \(initializer.example)'"
        }
    }
}
