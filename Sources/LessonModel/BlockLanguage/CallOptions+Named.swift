import Operations

extension BlockParser {
    /// The values of a call's named options other than `axis:`/`keepdims:` (`layer_norm(x, eps: 1e-3)`),
    /// in the order of `Operation.namedOptions`, defaults filled in (a pool's stride is its size
    /// unless written, as in PyTorch); nil after an error (reported).
    mutating func namedOptions(_ options: [CallOption], for function: Builtins.Function) -> [Double]? {
        let known = function.op.namedOptions
        let names = known.map(\.name)
        var values = known.map { $0.default }
        var strideWritten = false
        var seen: Set<String> = []
        for option in options {
            guard let k = names.firstIndex(of: option.name) else {
                let near = Suggestions.closest(to: option.name, among: names).map { "; did you mean '\($0)'?" }
                errors.error(option.namePosition, "unknown option \(Quote.text(option.name)) of \(function.name)"
                    + (near ?? "; its options are " + names.joined(separator: ", ")))
                return nil
            }
            guard seen.insert(option.name).inserted else {
                errors.error(option.namePosition, "'\(option.name)' is given twice")
                return nil
            }
            let rule = known[k]
            if rule.whole, case .number(let x) = option.value, x >= 1e6 {
                errors.error(option.valuePosition, "\(option.name) of \(function.name) is at most 999999, got \(option.text)")
                return nil
            }
            guard case .number(let x) = option.value, x.isFinite, x >= rule.least, x < rule.below ?? .infinity,
                  !rule.whole || (x == x.rounded() && x < 1e6) else {
                let example = rule.whole ? String(Int(rule.default)) : "\(rule.default)"
                let kind = rule.whole ? "a whole number" : "a number"
                // Dropout's p = 1 would divide by 1 − p = 0 (PyTorch silently gives zeros).
                let below = rule.below.map { " and below \(Int($0))" } ?? ""
                errors.error(option.valuePosition, "\(option.name) of \(function.name) must be \(kind) ≥ \(Int(rule.least))\(below), "
                    + "as in '\(option.name): \(example)', got \(option.text)")
                return nil
            }
            values[k] = x
            if option.name == "stride" { strideWritten = true }
        }
        if function.op.family == .pooling, !strideWritten, values.count >= 2 { values[1] = values[0] }
        return values
    }
}
