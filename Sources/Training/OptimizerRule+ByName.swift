import LessonModel
/// Optimizer rules by name, for `train sgd(lr: 0.1) ...` lines.
extension OptimizerRule {
    /// Every rule name with its arguments and defaults (nil: required).
    package static let signatures: [(name: String, arguments: [(name: String, defaultValue: Double?)])] = [
        ("sgd", [("lr", nil)]),
        ("momentum", [("lr", nil), ("beta", 0.9)]),
        ("adam", [("lr", nil), ("beta1", 0.9), ("beta2", 0.999), ("eps", 1e-8)]),
    ]

    /// The rule `name` with named arguments (missing ones take their defaults; lr has none),
    /// validated; throws for an unknown name or argument (with a did-you-mean), a repeated or
    /// missing argument, or a bad value.
    package static func make(_ name: String, arguments: [(name: String, value: Double)]) throws(ArgumentError) -> OptimizerRule {
        let names = signatures.map(\.name)
        guard let signature = signatures.first(where: { $0.name == name }) else {
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
        for parameter in signature.arguments where values[parameter.name] == nil {
            guard let value = parameter.defaultValue else {
                throw ArgumentError(parameter.name, "\(name) needs a learning rate: write \(name)(\(parameter.name): 0.1)")
            }
            values[parameter.name] = value
        }
        let v = { (key: String) in values[key] ?? .nan }
        let rule: OptimizerRule
        switch name {
        case "sgd": rule = .sgd(lr: v("lr"))
        case "momentum": rule = .momentum(lr: v("lr"), beta: v("beta"))
        default: rule = .adam(lr: v("lr"), beta1: v("beta1"), beta2: v("beta2"), eps: v("eps"))
        }
        try rule.validate()
        return rule
    }
}
