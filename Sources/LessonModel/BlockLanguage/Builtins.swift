import Operations

/// The functions a block can call, each a primitive op with a fixed number of arguments, and the
/// initializers a model block's parameters can start from.
enum Builtins {
    struct Function: Sendable {
        var name: String
        var op: ProgramOp
        var arity: Int
        /// A loss of logits and targets (listed after the other functions in hints).
        var isLoss = false
    }

    /// Every op a block calls by name, from the op registry, in the order hints list them.
    static let functions: [Function] = Operation.allCases.compactMap { op in
        op.functionName.map { Function(name: $0, op: op, arity: op.arity, isLoss: op.isLoss) }
    }

    static func function(named name: String) -> Function? {
        functions.first { $0.name == name }
    }

    /// The function a call means: `max(x)` and `max(x, axis: 1)` reduce one tensor, `max(a, b)`
    /// compares two elementwise; a name with one meaning has it whatever the arguments.
    static func function(named name: String, arguments: Int, hasOptions: Bool) -> Function? {
        let meanings = functions.filter { $0.name == name }
        let reduction = meanings.first { $0.op.takesAxis }
        if meanings.count > 1, let reduction, arguments <= 1 || hasOptions { return reduction }
        return meanings.first { !$0.op.takesAxis } ?? meanings.first
    }

    /// "max takes one tensor (max(x), max(x, axis: 1)) or two or more to compare (max(a, b), max(a, b, c)), got 0"
    /// for a name with two meanings; nil otherwise.
    static func usage(of name: String, got count: Int) -> String? {
        guard functions.filter({ $0.name == name }).count > 1 else { return nil }
        return "\(name) takes one tensor (\(name)(x), \(name)(x, axis: 1)) or two or more to compare elementwise "
            + "(\(name)(a, b), \(name)(a, b, c)), got \(count)"
    }

    /// "unknown function 'sigmod'; did you mean 'sigmoid'?", or the list of functions when nothing
    /// is close (the losses too: they work in graph and model blocks alike).
    static func unknownFunctionMessage(_ name: String) -> String {
        let quoted = Quote.text(name)
        if let near = Suggestions.closest(to: name, among: functions.map(\.name)) {
            return "unknown function \(quoted); did you mean '\(near)'?"
        }
        var names: [String] = []
        for function in functions where !function.isLoss && !names.contains(function.name) { names.append(function.name) }
        let losses = functions.filter(\.isLoss).map(\.name).joined(separator: ", ")
        return "unknown function \(quoted); the functions are \(names.joined(separator: ", ")) and the losses \(losses)"
    }

    /// An initializer call, `param W = uniform(0, 1, [2, 3])`: number arguments, then a shape.
    struct Initializer: Sendable {
        var name: String
        /// The names of the number arguments, in order; the shape comes after them.
        var numbers: [String]
        var example: String

        var arity: Int { numbers.count + 1 }
        var signature: String { "\(name)(" + (numbers + ["shape"]).joined(separator: ", ") + ")" }
    }

    static let initializers: [Initializer] = [
        Initializer(name: "uniform", numbers: ["lo", "hi"], example: "uniform(-1, 1, [2, 3])"),
        Initializer(name: "normal", numbers: ["mean", "std"], example: "normal(0, 0.1, [2, 3])"),
        Initializer(name: "xavier", numbers: [], example: "xavier([2, 3])"),
        Initializer(name: "he", numbers: [], example: "he([2, 3])"),
        Initializer(name: "zeros", numbers: [], example: "zeros([3])"),
    ]

    static func initializer(named name: String) -> Initializer? {
        initializers.first { $0.name == name }
    }
}
