import LessonModel

/// NumPy and PyTorch spellings of the ops that take `axis:` and `keepdims:`, forward and
/// backward, so that both tabs compute along the same axis as the engine.
enum AxisCode {
    /// The axis the op works along as Python writes it: the block's, or -1 for softmax and its
    /// kin; nil for sum, mean, max and min of every element.
    static func axis(_ op: ProgramOp, _ option: ProgramAxis) -> Int? {
        option.axis ?? (op.defaultsToLastAxis ? -1 : nil)
    }

    /// `axis=1, keepdims=True` (NumPy) or `dim=1, keepdim=True` (PyTorch), as extra call arguments.
    /// `rank` is the operand's: PyTorch needs every dim listed to keep them all.
    static func keywords(_ op: ProgramOp, _ option: ProgramAxis, rank: Int, torch: Bool) -> [PyExpr] {
        var words: [PyExpr] = []
        // A scalar has no axes to keep: PyTorch's keepdim would need a dim it does not have.
        if torch, rank == 0 { return words }
        if let axis = axis(op, option) {
            words.append(.atom((torch ? "dim=" : "axis=") + String(axis)))
        } else if option.keepdims, torch {
            words.append(.atom("dim=" + (rank == 1 ? "0" : "(0, 1)")))
        }
        if option.keepdims { words.append(.atom(torch ? "keepdim=True" : "keepdims=True")) }
        return words
    }

    /// The forward call: NumPy's own reductions, the program's stable helpers for softmax and its
    /// kin in NumPy; PyTorch's functions, which are stable themselves.
    static func forward(_ op: ProgramOp, _ option: ProgramAxis, _ x: PyExpr, rank: Int, torch: Bool) -> PyExpr {
        let words = keywords(op, option, rank: rank, torch: torch)
        let name = op.functionName ?? op.rawValue
        // PyTorch's amax and amin (not max and min) split a tie's gradient evenly, as the engine does.
        if torch { return .call("torch." + op.rawValue, [x] + words) }
        switch op.family {
        case .normalization: return .call(name, [x] + words)
        default: return .call(op == .logsumexp ? name : "np." + name, [x] + words)
        }
    }

    /// What an op along an axis passes back to its operand `x`, given its value `y` and its
    /// gradient `g` (NumPy).
    static func backward(_ op: ProgramOp, _ option: ProgramAxis, x: PyExpr, y: PyExpr, g: PyExpr) -> PyExpr {
        let axis = axis(op, option)
        let along = axis.map { "axis=\($0), " } ?? ""
        // The output's gradient with the reduced axis put back, so it broadcasts against x.
        let spread = option.keepdims || axis == nil ? g : .call("np.expand_dims", [g, .atom(String(axis ?? -1))])
        let result = option.keepdims || axis == nil ? y : .call("np.expand_dims", [y, .atom(String(axis ?? -1))])
        switch op {
        case .softmax:
            // yₖ (gₖ - Σⱼ gⱼ yⱼ)
            let inner = PyExpr.call("np.sum", [.binary(g, "*", y), .atom(along + "keepdims=True")])
            return .binary(y, "*", .atom("(\(PyExpr.binary(g, "-", inner).text))"))
        case .logSoftmax:
            // gₖ - e^(yₖ) Σⱼ gⱼ
            let total = PyExpr.call("np.sum", [g, .atom(along + "keepdims=True")])
            return .binary(g, "-", .binary(.call("np.exp", [y]), "*", total))
        case .logsumexp:
            // g e^(xₖ - y)
            return .binary(spread, "*", .call("np.exp", [.binary(x, "-", result)]))
        case .sum:
            return .binary(spread, "*", .call("np.ones_like", [x]))
        case .mean:
            // Each element's share: 1/n of its slice's gradient, n the slice's length.
            let n = axis.map { x.attribute(".shape[\($0)]") } ?? x.attribute(".size")
            return .binary(.binary(spread, "/", n), "*", .call("np.ones_like", [x]))
        case .amax, .amin:
            // An even share of the slice's gradient to each element that ties for the max (min).
            let winners = PyExpr.atom("(\(PyExpr.binary(x, "==", result).text))")
            let count = PyExpr.call("np.sum", [winners, .atom((axis.map { "axis=\($0), " } ?? "") + "keepdims=True")])
            return .binary(.binary(spread, "*", winners), "/", count)
        case .add, .subtract, .multiply, .divide, .negate, .matmul, .power, .exp, .log, .sigmoid, .tanh, .relu, .sqrt,
             .abs, .maximum, .minimum, .transpose, .bceLogits, .softmaxCrossEntropy, .greater, .less, .greaterEqual,
             .lessEqual, .equal, .notEqual, .where, .clip, .reshape, .index, .concat, .embedding, .layerNorm, .batchNorm, .conv2d, .maxPool,
             .avgPool, .dropout:
            return g
        }
    }
}
