import LessonModel

/// A piece of Python source and how tightly it binds, so that operands get parentheses exactly
/// where Python needs them to keep the block's own grouping (and so its rounding).
struct PyExpr {
    /// Python's precedence levels, loosest first: `+ -`, `* / @`, unary `-`, `**`, atoms.
    enum Level: Int, Comparable {
        case sum = 1, product, unary, power, atom
        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    var text: String
    var level: Level

    static func atom(_ text: String) -> PyExpr { PyExpr(text: text, level: .atom) }

    /// A number literal; a negative one binds like a unary minus.
    static func number(_ text: String) -> PyExpr { PyExpr(text: text, level: text.hasPrefix("-") ? .unary : .atom) }

    /// `self`, in parentheses when it binds more loosely than `level`.
    func at(_ level: Level) -> String { self.level < level ? "(\(text))" : text }

    /// A left-associative binary operator: the right operand needs parentheses at the same level.
    static func binary(_ a: PyExpr, _ op: String, _ b: PyExpr) -> PyExpr {
        let level: Level = op == "+" || op == "-" ? .sum : .product
        let right = b.level <= level ? "(\(b.text))" : b.text
        return PyExpr(text: "\(a.at(level)) \(op) \(right)", level: level)
    }

    /// `-a` (`-(-a)` rather than `--a`).
    static func negate(_ a: PyExpr) -> PyExpr {
        PyExpr(text: "-" + (a.level <= .unary ? "(\(a.text))" : a.text), level: .unary)
    }

    /// `a ** p`; Python's `**` is right-associative and binds tighter than a unary minus on its left.
    static func power(_ a: PyExpr, _ exponent: String) -> PyExpr {
        PyExpr(text: "\(a.level <= .power ? "(\(a.text))" : a.text) ** \(exponent)", level: .power)
    }

    /// `a.T`, `a.sum(...)`: an attribute of an atom.
    func attribute(_ suffix: String) -> PyExpr { .atom(at(.atom) + suffix) }

    /// `f(a, b)`.
    static func call(_ function: String, _ arguments: [PyExpr]) -> PyExpr {
        .atom(function + "(" + arguments.map(\.text).joined(separator: ", ") + ")")
    }
}

/// Which library a program is written for.
enum PythonDialect {
    case numpy, torch
}

/// The forward pass in Python: each node as an expression of the block's names, unnamed
/// single-use intermediates written inline, as a person would write the equations.
struct ForwardExpressions {
    /// Nested inline operations beyond this depth get a line (and a generated name) of their own,
    /// which keeps lines readable and Python's parser far from its nesting limit.
    static let maxInlineDepth = 6

    let graph: CodeGraph
    let dialect: PythonDialect
    /// Operation nodes that get a line of their own (the others are written where they are used).
    let materialized: [Bool]

    /// `keep` are the unnamed nodes that need a line anyway (their value is read elsewhere);
    /// `everyNode` gives every operation a line (graph blocks print every node).
    init(graph: CodeGraph, dialect: PythonDialect, named: [Bool], keep: Set<Int>, everyNode: Bool) {
        self.graph = graph
        self.dialect = dialect
        var lines = [Bool](repeating: false, count: graph.count)
        var depth = [Int](repeating: 0, count: graph.count)
        for i in 0..<graph.count {
            guard case .operation(_, let inputs, _) = graph.roles[i] else { continue }
            depth[i] = 1 + (inputs.filter { $0 < i && !lines[$0] }.map { depth[$0] }.max() ?? 0)
            lines[i] = everyNode || named[i] || keep.contains(i) || i == graph.output || graph.consumers[i].count != 1
                || depth[i] > Self.maxInlineDepth
            if lines[i] { depth[i] = 0 }
        }
        materialized = lines
    }

    /// How code refers to node `i` once it exists: its name, or a scalar constant's number.
    func reference(_ i: Int) -> PyExpr {
        if let c = graph.scalarConstant(i) {
            return .number(dialect == .torch ? PythonLiteral.float(c) : PythonLiteral.number(c))
        }
        return .atom(graph.names[i])
    }

    /// Node `i` as an operand: a reference, or its whole expression when it is written inline.
    func operand(_ i: Int) -> PyExpr {
        graph.isOperation(i) && !materialized[i] ? expression(i) : reference(i)
    }

    /// The right-hand side of node `i`'s line.
    func expression(_ i: Int) -> PyExpr {
        guard case .operation(let op, let inputs, let exponent) = graph.roles[i], let first = inputs.first else {
            return reference(i)
        }
        let a = operand(first)
        let b = inputs.count > 1 ? operand(inputs[1]) : a
        switch op {
        case .add: return .binary(a, "+", b)
        case .subtract: return .binary(a, "-", b)
        case .multiply: return .binary(a, "*", b)
        case .divide: return .binary(a, "/", b)
        case .matmul: return .binary(a, "@", b)
        case .negate: return .negate(a)
        case .power: return .power(a, PythonLiteral.number(exponent ?? 1))
        case .transpose:
            if graph.shapes[first].count == 2 { return a.attribute(".T") }
            return dialect == .torch ? .call("torch.t", [argument(first)]) : a
        case .softmax, .logSoftmax, .logsumexp, .amax, .amin:
            return AxisCode.forward(op, graph.axes[i], argument(first), rank: graph.shapes[first].count,
                                    torch: dialect == .torch)
        case .sum, .mean:
            guard graph.axes[i].isNone else {
                return AxisCode.forward(op, graph.axes[i], argument(first), rank: graph.shapes[first].count,
                                        torch: dialect == .torch)
            }
            return function(op, inputs)
        case .exp, .log, .sigmoid, .tanh, .relu, .sqrt, .abs, .maximum, .minimum, .bceLogits, .softmaxCrossEntropy:
            return function(op, inputs)
        case .greater, .less, .greaterEqual, .lessEqual, .equal, .notEqual:
            return comparison(op, inputs)
        case .where, .clip:
            return function(op, inputs)
        case .conv2d, .maxPool, .avgPool:
            return WindowCode.forward(op, graph.window(i), inputs.map(argument), shapes: inputs.map { graph.shapes[$0] },
                                      result: graph.shapes[i], torch: dialect == .torch)
        case .layerNorm, .batchNorm:
            return NormCode.forward(op, eps: exponent, x: argument(first), shape: graph.shapes[first], torch: dialect == .torch)
        case .dropout:
            // x * mask / (1 - p), the engine's order of operations (Kernels+Dropout.swift).
            let p = graph.dropout(i)?.p ?? 0.5
            return .binary(.binary(a, "*", .atom(graph.masks[i])), "/", .atom("(1 - \(PythonLiteral.number(p)))"))
        case .reshape:
            // The result's own shape: the sizes as written, with any -1 already inferred.
            return .call(dialect == .torch ? "torch.reshape" : "np.reshape", [argument(first), .atom(Self.tuple(graph.shapes[i]))])
        case .index:
            // The same expression in NumPy and PyTorch: X[:, 1].
            return a.attribute(graph.indices[i]?.python ?? "")
        case .concat:
            // np.concatenate([a, b], axis=0) and torch.cat([a, b], dim=0): the axis as written, 0 when not.
            let list = PyExpr.atom("[" + inputs.map { argument($0).text }.joined(separator: ", ") + "]")
            let axis = String(graph.axes[i].axis ?? 0)
            return dialect == .torch ? .call("torch.cat", [list, .atom("dim=" + axis)]) : .call("np.concatenate", [list, .atom("axis=" + axis)])
        case .embedding:
            // The rows the ids pick, W[ids], with the ids (numbers in the program) made integers.
            let ids = b.text
            return a.attribute(dialect == .torch ? "[torch.as_tensor(\(ids)).long()]" : "[np.asarray(\(ids)).astype(int)]")
        }
    }

    /// A shape as a Python tuple: `(2, 3)`, `(6,)`, `()`.
    static func tuple(_ dims: [Int]) -> String {
        dims.count == 1 ? "(\(dims[0]),)" : "(" + dims.map(String.init).joined(separator: ", ") + ")"
    }

    /// A comparison as 0.0/1.0 numbers: `np.greater(a, b).astype(float)` (a call, so two plain
    /// Python numbers compare too) and `torch.gt(a, b).double()`, through which no gradient
    /// flows back, as the engine passes none.
    private func comparison(_ op: ProgramOp, _ inputs: [Int]) -> PyExpr {
        let args = inputs.map(argument)
        if dialect == .torch {
            let name = ["greater": "gt", "less": "lt", "greater_equal": "ge", "less_equal": "le", "equal": "eq",
                        "not_equal": "ne"][op.rawValue] ?? op.rawValue
            // A new leaf that records its own gradient (the page shows it), with no path back to
            // the compared tensors.
            return PyExpr.call("torch." + name, args).attribute(".double().requires_grad_()")
        }
        return PyExpr.call("np." + op.rawValue, args).attribute(".astype(float)")
    }

    /// A call of one of the block's functions: NumPy's or PyTorch's, or the program's own helper
    /// (`sigmoid`, `relu` and the losses in NumPy).
    private func function(_ op: ProgramOp, _ inputs: [Int]) -> PyExpr {
        let args = inputs.map(argument)
        let torch = dialect == .torch
        switch op {
        case .exp, .log, .tanh, .sqrt, .abs, .sum, .mean:
            return .call((torch ? "torch." : "np.") + op.rawValue, args)
        case .maximum:
            // Not torch.clamp for max(x, 0): clamp sends a tie's whole gradient to x, maximum splits it
            // evenly as the engine does.
            return .call(torch ? "torch.maximum" : "np.maximum", args)
        case .minimum:
            return .call(torch ? "torch.minimum" : "np.minimum", args)
        case .sigmoid, .relu:
            return .call(torch ? "torch." + op.rawValue : op.rawValue, args)
        case .bceLogits:
            return .call(torch ? "F.binary_cross_entropy_with_logits" : op.rawValue, args)
        case .softmaxCrossEntropy:
            return .call(torch ? "F.cross_entropy" : op.rawValue, args)
        case .softmax, .logSoftmax, .logsumexp, .amax, .amin:
            return .call(torch ? "torch." + op.rawValue : op.rawValue, args)
        case .where:
            // Nonzero picks a, as the engine's mask (a NaN mask too: NaN != 0).
            guard let mask = args.first else { return .call("np.where", args) }
            let condition = PyExpr(text: "\(mask.at(.product)) != 0", level: .sum)
            return .call(torch ? "torch.where" : "np.where", [condition] + args.dropFirst())
        case .clip:
            // torch.clamp with tensor bounds: its gradient rule at the bounds is the engine's.
            return .call(torch ? "torch.clamp" : "np.clip", args)
        case .add, .subtract, .multiply, .divide, .negate, .matmul, .power, .transpose, .greater, .less, .greaterEqual,
             .lessEqual, .equal, .notEqual, .reshape, .index, .concat, .embedding, .layerNorm, .batchNorm, .conv2d, .maxPool, .avgPool,
             .dropout:
            // Written as operators by `expression(_:)`; a call is only the fallback spelling.
            return .call(torch ? "torch." + op.rawValue : op.rawValue, args)
        }
    }

    /// An argument of a function call. Torch functions need tensors, so a number computed from
    /// constants alone becomes one there.
    private func argument(_ i: Int) -> PyExpr {
        let e = operand(i)
        return dialect == .torch && graph.constantOnly[i] ? .call("torch.as_tensor", [e]) : e
    }
}
