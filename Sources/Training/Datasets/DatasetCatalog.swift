import LessonModel
/// The built-in data sets by name, for `data NAME(arg: value, ...)` lines: names, parameters
/// with defaults, and one entry point that checks everything a lesson can get wrong.
extension Datasets {
    /// A parameter of a built-in data set and its default.
    package struct Parameter: Sendable, Equatable {
        /// As written in a lesson: "n", "noise", ...
        package let name: String
        /// Used when the lesson leaves it out.
        package let defaultValue: Double
    }

    /// Every built-in name, in the order documentation lists them.
    package static let names = ["xor", "and", "or", "moons", "circles", "spiral", "line", "sine"]

    /// The parameters `name` takes, in order (every random data set also takes `seed`); nil for
    /// an unknown name.
    package static func parameters(of name: String) -> [Parameter]? {
        let seed = Parameter(name: "seed", defaultValue: 0)
        switch name {
        case "xor", "and", "or": return []
        case "moons": return [.init(name: "n", defaultValue: 200), .init(name: "noise", defaultValue: 0.1), seed]
        case "circles":
            return [.init(name: "n", defaultValue: 200), .init(name: "noise", defaultValue: 0.05),
                    .init(name: "factor", defaultValue: 0.5), seed]
        case "spiral":
            return [.init(name: "n", defaultValue: 300), .init(name: "classes", defaultValue: 3),
                    .init(name: "noise", defaultValue: 0.2), seed]
        case "line":
            return [.init(name: "n", defaultValue: 50), .init(name: "slope", defaultValue: 2),
                    .init(name: "intercept", defaultValue: 1), .init(name: "noise", defaultValue: 0.1), seed]
        case "sine": return [.init(name: "n", defaultValue: 100), .init(name: "noise", defaultValue: 0.1), seed]
        default: return nil
        }
    }

    /// Makes the data set `name` from named arguments; missing ones take their defaults, and
    /// `seed` (if not among the arguments) is `seed`. Throws for an unknown name or argument
    /// (with a did-you-mean), an argument given twice, a fractional count, or a bad value.
    package static func make(_ name: String, arguments: [(name: String, value: Double)] = [],
                             seed: UInt64 = 0) throws(ArgumentError) -> Dataset {
        guard let parameters = parameters(of: name) else {
            throw ArgumentError(nil, "there is no built-in data set named '\(name)'."
                + Suggestions.hint(for: name, among: names) + " Built in: \(names.joined(separator: ", ")).")
        }
        let known = parameters.map(\.name)
        var values: [String: Double] = [:]
        for argument in arguments {
            guard known.contains(argument.name) else {
                let takes = known.isEmpty ? "It takes no arguments." : "It takes \(known.joined(separator: ", "))."
                throw ArgumentError(argument.name, "\(name) has no argument '\(argument.name)'."
                    + Suggestions.hint(for: argument.name, among: known) + " \(takes)")
            }
            guard values[argument.name] == nil else {
                throw ArgumentError(argument.name, "\(argument.name) is given twice")
            }
            values[argument.name] = argument.value
        }
        func value(_ key: String) -> Double { values[key] ?? parameters.first { $0.name == key }?.defaultValue ?? 0 }
        let n = known.contains("n") ? try Check.whole(value("n"), "n", in: DatasetLimits.examples) : 0
        let seed = values["seed"] == nil ? seed : UInt64(try Check.whole(value("seed"), "seed", in: 0...(1 << 53)))
        switch name {
        case "xor": return try xor()
        case "and": return try and()
        case "or": return try or()
        case "moons": return try moons(n: n, noise: value("noise"), seed: seed)
        case "circles": return try circles(n: n, noise: value("noise"), factor: value("factor"), seed: seed)
        case "spiral":
            let classes = try Check.whole(value("classes"), "classes", in: spiralClasses)
            return try spiral(n: n, classes: classes, noise: value("noise"), seed: seed)
        case "line": return try line(n: n, slope: value("slope"), intercept: value("intercept"), noise: value("noise"), seed: seed)
        case "sine": return try sine(n: n, noise: value("noise"), seed: seed)
        default: throw ArgumentError(nil, "internal error: the data set '\(name)' has parameters but no generator")
        }
    }
}
