import LessonModel
import Autodiff

/// Initializers by name, for `param W = uniform(0, 1, [2, 3])` lines: the numbers before the
/// shape are the initializer's arguments.
extension Initializers {
    /// Every initializer name with the names of the numbers it takes before the shape.
    package static let signatures: [(name: String, arguments: [String])] = [
        ("uniform", ["low", "high"]), ("normal", ["mean", "std"]), ("xavier", []), ("he", []), ("zeros", []),
    ]

    /// Fills `shape` with the initializer `name` given its numeric arguments in order; throws
    /// for an unknown name (with a did-you-mean), a wrong number of arguments, or bad values.
    package static func make(_ name: String, arguments: [Double], shape: Shape,
                             using rng: inout SeededRandom) throws(ArgumentError) -> Tensor {
        let names = signatures.map(\.name)
        guard let signature = signatures.first(where: { $0.name == name }) else {
            throw ArgumentError(nil, "there is no initializer named '\(name)'."
                + Suggestions.hint(for: name, among: names) + " Initializers: \(names.joined(separator: ", ")).")
        }
        guard arguments.count == signature.arguments.count else {
            let wanted = signature.arguments.isEmpty ? "only a shape"
                : "\(signature.arguments.count) numbers (\(signature.arguments.joined(separator: ", "))) and then a shape"
            throw ArgumentError(nil, "\(name) takes \(wanted), got \(arguments.count == 1 ? "1 number" : "\(arguments.count) numbers") before the shape")
        }
        switch name {
        case "uniform": return try uniform(arguments[0], arguments[1], shape: shape, using: &rng)
        case "normal": return try normal(mean: arguments[0], std: arguments[1], shape: shape, using: &rng)
        case "xavier": return try xavier(shape: shape, using: &rng)
        case "he": return try he(shape: shape, using: &rng)
        default: return try zeros(shape: shape)
        }
    }
}
