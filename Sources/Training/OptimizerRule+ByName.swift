import LessonModel

/// Optimizer rules by name and named arguments, checked as the trainer checks them (the block
/// language reports the same mistakes with their line and column).
extension OptimizerRule {
    /// The rule `name` with named arguments (missing ones take their defaults; lr has none),
    /// validated; throws for an unknown name or argument (with a did-you-mean), a repeated or
    /// missing argument, or a bad value.
    package static func make(_ name: String, arguments: [(name: String, value: Double)]) throws(ArgumentError) -> OptimizerRule {
        let names = signatures.map(\.name)
        guard let signature = signature(name) else {
            throw ArgumentError(nil, "there is no optimizer named '\(name)'."
                + Suggestions.hint(for: name, among: names) + " Optimizers: \(names.joined(separator: ", ")).")
        }
        let known = signature.arguments.map(\.name)
        var values: [String: Double] = [:]
        for argument in arguments {
            guard known.contains(argument.name) else {
                throw ArgumentError(argument.name, "\(name) has no argument '\(argument.name)'."
                    + Suggestions.hint(for: argument.name, among: known) + " It takes \(known.joined(separator: ", ")).")
            }
            guard values[argument.name] == nil else { throw ArgumentError(argument.name, "\(argument.name) is given twice") }
            values[argument.name] = argument.value
        }
        guard values["lr"] != nil, let rule = OptimizerSpec.make(name, values: values) else {
            throw ArgumentError("lr", "\(name) needs a learning rate: write \(name)(lr: 0.1)")
        }
        try rule.validate()
        return rule
    }
}
