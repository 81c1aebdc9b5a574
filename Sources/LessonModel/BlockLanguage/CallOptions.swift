import Operations

/// The options a function call may name after its arguments, `sum(x, axis: 1)`,
/// `max(z, axis: -1, keepdims: true)`: written as model statements write named arguments
/// (`sgd(lr: 0.1)`), which leaves `sum(x, 1)` free to mean what it says in `max(x, 1)`.
///
///     option := NAME ':' ('-'? NUMBER | 'true' | 'false')
struct CallOption: Sendable {
    enum Value: Sendable {
        case number(Double)
        case boolean(Bool)
    }

    var name: String
    var namePosition: SourcePosition
    var value: Value
    var valuePosition: SourcePosition
    /// The value as written, for messages.
    var text: String

    static let names = ["axis", "keepdims"]
}

extension BlockParser {
    /// An option at the current token (`NAME ':'`, or `NAME '='` which is reported and read the
    /// same way), or nil when the argument is an expression.
    mutating func parseCallOption() throws(SyntaxError) -> CallOption? {
        guard peekKind() == .name, index + 1 < tokens.count else { return nil }
        let separator = tokens[index + 1]
        guard separator.kind == .colon || separator.kind == .equals else { return nil }
        let nameToken = advance()
        advance()
        let name = text(nameToken)
        let valueToken = peek()
        let value: CallOption.Value
        let written: String
        if valueToken.kind == .name, text(valueToken) == "true" || text(valueToken) == "false" {
            advance()
            written = text(valueToken)
            value = .boolean(written == "true")
        } else if valueToken.kind == .number || valueToken.kind == .minus {
            let number = try parseNumberArgument("a number after '-'")
            written = number.text
            value = .number(number.value)
        } else {
            throw expected("a number, true or false after '\(name)\(separator.kind == .colon ? ":" : "=")'")
        }
        if separator.kind == .equals {
            errors.error(separator.position, "options are written with ':', as in '\(name): \(written)', not '\(name)=\(written)'")
        }
        return CallOption(name: name, namePosition: nameToken.position, value: value,
                          valuePosition: valueToken.position, text: written)
    }

    /// The `axis:`/`keepdims:` of a call of `function` at `call`, checked; nil after an error (reported).
    mutating func axisOption(_ options: [CallOption], for function: Builtins.Function,
                             at call: SourcePosition) -> AxisOption? {
        var result = AxisOption.none
        var seen: Set<String> = []
        var ok = true
        for option in options {
            guard ok else { break }
            guard function.op.takesAxis else {
                errors.error(option.namePosition, "\(function.name) takes no options like '\(option.name)'; "
                    + "axis and keepdims are for \(Self.axisFunctions)")
                return nil
            }
            guard CallOption.names.contains(option.name) else {
                let near = Suggestions.closest(to: option.name, among: CallOption.names).map { "; did you mean '\($0)'?" }
                errors.error(option.namePosition, "unknown option \(Quote.text(option.name)) of \(function.name)"
                    + (near ?? "; its options are axis and keepdims"))
                return nil
            }
            guard seen.insert(option.name).inserted else {
                errors.error(option.namePosition, "'\(option.name)' is given twice")
                return nil
            }
            switch (option.name, option.value) {
            case ("axis", .number(let n)):
                guard let axis = Int(exactly: n), (-2...1).contains(axis) else {
                    errors.error(option.valuePosition, "axis must be 0, 1, -1 or -2 (tensors have at most 2 axes), got \(option.text)")
                    return nil
                }
                result.axis = axis
            case ("keepdims", .boolean(let keep)):
                guard function.op.family == .reduction else {
                    errors.error(option.namePosition, "\(function.name) keeps its operand's shape, so it takes no keepdims")
                    return nil
                }
                result.keepdims = keep
            case ("axis", _):
                errors.error(option.valuePosition, "axis must be a whole number like 0, 1 or -1, got \(option.text)")
                ok = false
            default:
                errors.error(option.valuePosition, "keepdims must be true or false, got \(option.text)")
                ok = false
            }
        }
        return ok ? result : nil
    }

    /// "softmax, log_softmax, logsumexp, sum, mean": the functions that take `axis:`.
    private static var axisFunctions: String {
        var names: [String] = []
        for function in Builtins.functions where function.op.takesAxis && !names.contains(function.name) {
            names.append(function.name)
        }
        return names.joined(separator: ", ")
    }
}
