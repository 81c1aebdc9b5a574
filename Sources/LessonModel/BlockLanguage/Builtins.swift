/// The functions a block can call, each a primitive op with a fixed number of arguments.
enum Builtins {
    struct Function: Sendable {
        var name: String
        var op: ProgramOp
        var arity: Int
    }

    /// In the order the "available functions" hint lists them.
    static let functions: [Function] = [
        Function(name: "exp", op: .exp, arity: 1),
        Function(name: "log", op: .log, arity: 1),
        Function(name: "sigmoid", op: .sigmoid, arity: 1),
        Function(name: "tanh", op: .tanh, arity: 1),
        Function(name: "relu", op: .relu, arity: 1),
        Function(name: "sum", op: .sum, arity: 1),
        Function(name: "mean", op: .mean, arity: 1),
        Function(name: "max", op: .maximum, arity: 2),
        Function(name: "transpose", op: .transpose, arity: 1),
    ]

    static func function(named name: String) -> Function? {
        functions.first { $0.name == name }
    }

    /// "unknown function 'sigmod'; did you mean 'sigmoid'?", or the list of functions when nothing is close.
    static func unknownFunctionMessage(_ name: String) -> String {
        let quoted = Quote.text(name)
        if let near = Suggestions.closest(to: name, among: functions.map(\.name)) {
            return "unknown function \(quoted); did you mean '\(near)'?"
        }
        let names = functions.map(\.name).joined(separator: ", ")
        return "unknown function \(quoted); the functions are \(names)"
    }
}
