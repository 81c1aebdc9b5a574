import LessonModel

/// The backward pass written out by hand for NumPy: one line per node, from the output back,
/// each the sum of what the node's users pass back to it (the chain rule, one local derivative
/// per edge of the diagram). It records whose values it reads, so the forward pass can keep them.
struct NumPyBackward {
    /// One line: `du1 = dH * sigmoid_prime(H)  # H = sigmoid(u1)`.
    struct Line {
        var node: Int
        var code: String
        var comment: String
    }

    let graph: CodeGraph
    let forward: ForwardExpressions
    /// The lines in order, the output's first.
    private(set) var lines: [Line] = []
    /// Nodes whose values the lines read.
    private(set) var reads: Set<Int> = []
    /// Helpers the lines call (`sigmoid_prime`, `softmax`, ...).
    private(set) var helpers: Set<String> = []

    init(graph: CodeGraph, forward: ForwardExpressions) {
        self.graph = graph
        self.forward = forward
        for i in stride(from: graph.count - 1, through: 0, by: -1) where graph.needsGradient[i] {
            lines.append(line(for: i))
        }
    }

    private mutating func line(for i: Int) -> Line {
        let d = graph.gradients[i]
        if i == graph.output {
            let name = graph.names[i]
            if graph.shapes[i].isEmpty { return Line(node: i, code: "\(d) = 1.0", comment: "∂\(name)/∂\(name) = 1") }
            return Line(node: i, code: "\(d) = np.ones_like(\(value(i).text))",
                        comment: "∂\(name)/∂\(name) = 1 for every element (the gradient of its sum)")
        }
        let uses = graph.uses(of: i).filter { graph.needsGradient[$0.consumer] }
        guard !uses.isEmpty else {
            let zero = graph.shapes[i].isEmpty ? "0.0" : "np.zeros_like(\(value(i).text))"
            return Line(node: i, code: "\(d) = \(zero)", comment: "\(graph.names[i]) does not reach \(graph.names[graph.output])")
        }
        let terms = uses.map { contribution(of: $0.consumer, to: $0.position) }
        var code = terms[0].text
        for term in terms.dropFirst() {
            // a + -b * c is written a - b * c: a leading minus negates the whole product, exactly.
            let text = term.at(.product)
            code += text.hasPrefix("-") ? " - " + text.dropFirst() : " + " + text
        }
        var equations: [String] = []
        for use in uses where !equations.contains(graph.equation(use.consumer)) { equations.append(graph.equation(use.consumer)) }
        let times = uses.count == 2 ? "twice" : "\(uses.count) times"
        let comment = uses.count > 1
            ? "\(graph.names[i]) is used \(times): " + equations.joined(separator: "; ")
            : equations[0]
        return Line(node: i, code: "\(d) = \(code)", comment: comment)
    }

    /// A node's value as the backward pass reads it (recorded, so the forward pass keeps it).
    private mutating func value(_ i: Int) -> PyExpr {
        if graph.scalarConstant(i) == nil { reads.insert(i) }
        return forward.reference(i)
    }

    /// What user `c` passes back to its argument at `position`: ∂c/∂input times c's gradient.
    private mutating func contribution(of c: Int, to position: Int) -> PyExpr {
        guard case .operation(let op, let inputs, let exponent) = graph.roles[c], position < inputs.count else {
            return .atom("0.0")
        }
        let g = PyExpr.atom(graph.gradients[c])
        let me = inputs[position], other = inputs[inputs.count == 2 ? 1 - position : 0]
        let local: PyExpr
        switch op {
        case .add:
            local = g
        case .subtract:
            return reduce(position == 0 ? g : .negate(g), from: c, to: me, negated: position == 1)
        case .multiply:
            // A number reads best in front ("0.5 * dloss"), a value behind the gradient ("du1 * x").
            local = graph.scalarConstant(other) != nil ? .binary(value(other), "*", g) : .binary(g, "*", value(other))
        case .divide:
            local = position == 0 ? .binary(g, "/", value(other))
                : .binary(.binary(.negate(g), "*", value(other)), "/", .power(value(me), "2"))
        case .negate:
            return .negate(g)
        case .matmul:
            return matmulContribution(c, inputs: inputs, position: position, g: g)
        case .power:
            let p = exponent ?? 1
            switch p {
            case 1: local = g
            case 0: local = .binary(.atom("0"), "*", g)
            case 2: local = .binary(.binary(.atom("2"), "*", value(me)), "*", g)
            default:
                local = .binary(.binary(.number(PythonLiteral.number(p)), "*", .power(value(me), PythonLiteral.number(p - 1))), "*", g)
            }
        case .exp:
            local = .binary(g, "*", value(c))
        case .log:
            local = .binary(g, "/", value(me))
        case .sigmoid:
            helpers.insert("sigmoid_prime")
            local = .binary(g, "*", .call("sigmoid_prime", [value(c)]))
        case .tanh:
            local = .binary(g, "*", .atom("(1 - \(PyExpr.power(value(c), "2").text))"))
        case .relu:
            local = .binary(g, "*", .atom("(\(value(c).at(.atom)) > 0)"))
        case .sqrt:
            local = .binary(g, "/", .atom("(2 * \(value(c).at(.atom)))"))
        case .abs:
            local = .binary(g, "*", .call("np.sign", [value(me)]))
        case .sum, .mean:
            guard graph.axes[c].isNone else { return AxisCode.backward(op, graph.axes[c], x: value(me), y: value(c), g: g) }
            guard !graph.shapes[me].isEmpty else { return g }
            let x = value(me)
            let share = op == .sum ? g : .binary(g, "/", x.attribute(".size"))
            return .binary(share, "*", .call("np.ones_like", [x]))
        case .maximum, .minimum:
            let a = value(inputs[0]), b = value(inputs.count > 1 ? inputs[1] : inputs[0])
            // 1 where this argument wins, ½ at a tie (as the engine and PyTorch), else 0.
            let (mine, other) = position == 0 ? (a.text, b.text) : (b.text, a.text)
            let wins = op == .maximum ? ">" : "<"
            local = .binary(g, "*", .atom("((\(mine) \(wins) \(other)) + (\(mine) == \(other)) / 2)"))
        case .softmax, .logSoftmax, .logsumexp, .amax, .amin:
            return AxisCode.backward(op, graph.axes[c], x: value(me), y: value(c), g: g)
        case .transpose:
            return graph.shapes[me].count == 2 ? g.attribute(".T") : g
        case .greater, .less, .greaterEqual, .lessEqual, .equal, .notEqual:
            // A mask passes no gradient back (as the engine and PyTorch).
            return graph.shapes[me].isEmpty ? .atom("0.0") : .call("np.zeros_like", [value(me)])
        case .conv2d, .maxPool, .avgPool:
            helpers.insert(WindowCode.helper(op, graph.window(c)) + "_backward")
            return WindowCode.backward(op, graph.window(c), operands: inputs.map { value($0) }, g: g, position: position)
        case .dropout:
            // g * mask / (1 - p): the kept elements' gradients, scaled as their values were.
            let p = graph.dropout(c)?.p ?? 0.5
            return .binary(.binary(g, "*", .atom(graph.masks[c])), "/", .atom("(1 - \(PythonLiteral.number(p)))"))
        case .layerNorm, .batchNorm:
            helpers.insert("layer_norm_backward")
            return NormCode.backward(op, eps: exponent, x: value(me), g: g)
        case .reshape:
            // The same numbers in the operand's shape.
            return .call("np.reshape", [g, .atom(ForwardExpressions.tuple(graph.shapes[me]))])
        case .index:
            // g at the picked places, zeros elsewhere (np.s_[:, 1] is the index X[:, 1] as a value).
            helpers.insert("index_grad")
            return .call("index_grad", [value(me), .atom("np.s_" + (graph.indices[c]?.python ?? "[:]")), g])
        case .embedding:
            // The table: each picked row's gradient added to its row (a repeated id adds up); the ids: none.
            guard position == 0, inputs.count == 2 else {
                return graph.shapes[me].isEmpty ? .atom("0.0") : .call("np.zeros_like", [value(me)])
            }
            helpers.insert("embedding_grad")
            return .call("embedding_grad", [value(me), value(inputs[1]), g])
        case .concat:
            // This operand's part of the gradient: its rows (axis 0) or columns (axis 1) of the result.
            let rank = graph.shapes[me].count, written = graph.axes[c].axis ?? 0
            let axis = written < 0 ? written + rank : written
            let sizes = inputs.map { axis < graph.shapes[$0].count ? graph.shapes[$0][axis] : 0 }
            let start = sizes.prefix(position).reduce(0, +)
            let range = "\(start):\(start + sizes[position])"
            return g.attribute(axis == 0 ? "[\(range)]" : "[:, \(range)]")
        case .where, .clip:
            guard inputs.count == 3 else { return g }
            if op == .where && position == 0 {
                return graph.shapes[me].isEmpty ? .atom("0.0") : .call("np.zeros_like", [value(me)])
            }
            let (x, lo, hi) = (value(inputs[0]).at(.atom), value(inputs[1]).at(.atom), value(inputs[2]).at(.atom))
            // The engine's rules (Kernels+Ternary.swift): where sends g to the branch it chose;
            // clip to x within [lo, hi] (bounds included), to lo below it, to hi above it, as torch.clamp.
            let chosen: String
            switch (op, position) {
            case (.where, 1): chosen = "(\(x) != 0)"
            case (.where, _): chosen = "(\(x) == 0)"
            case (_, 0): chosen = "((\(x) >= \(lo)) & (\(x) <= \(hi)))"
            case (_, 1): chosen = "((\(x) < \(lo)) & (\(lo) < \(hi)))"
            default: chosen = "((\(x) > \(hi)) | (\(hi) < \(lo)))"
            }
            local = .binary(g, "*", .atom(chosen))
        case .bceLogits:
            return lossContribution(c, inputs: inputs, position: position, g: g, softmax: false)
        case .softmaxCrossEntropy:
            return lossContribution(c, inputs: inputs, position: position, g: g, softmax: true)
        }
        return reduce(local, from: c, to: me, negated: false)
    }

    /// Broadcasting repeated `to` over `from`'s shape: its gradient sums the repeats.
    private func reduce(_ e: PyExpr, from c: Int, to i: Int, negated: Bool) -> PyExpr {
        let small = graph.shapes[i], big = graph.shapes[c]
        guard small != big else { return e }
        // -np.sum(g) rather than np.sum(-g): the same numbers, read as "the sum, negated".
        let inner = negated ? PyExpr.atom(graph.gradients[c]) : e
        let summed = small.isEmpty ? PyExpr.call("np.sum", [inner]) : Self.sum(inner, from: big, to: small)
        return negated ? .negate(summed) : summed
    }

    /// The sum of a broadcast result's gradient back to the operand's shape, as NumPy lines shapes
    /// up (from the right): leading axes the operand lacks are summed away, axes where it has size 1
    /// are summed with keepdims.
    static func sum(_ g: PyExpr, from big: [Int], to small: [Int]) -> PyExpr {
        let lead = big.count - small.count
        var e = g
        if lead > 0 { e = .call("np.sum", [e, .atom(lead == 1 ? "axis=0" : "axis=(0, 1)")]) }
        let rest = Array(big.dropFirst(max(0, lead)))
        let kept = small.indices.filter { $0 < rest.count && small[$0] == 1 && rest[$0] != 1 }
        guard !kept.isEmpty else { return e }
        let axes = kept.count == 1 ? "axis=\(kept[0])" : "axis=(" + kept.map(String.init).joined(separator: ", ") + ")"
        return .call("np.sum", [e, .atom(axes), .atom("keepdims=True")])
    }

    /// C = A @ B with NumPy's rules for vectors: ∂L/∂A = G Bᵀ and ∂L/∂B = Aᵀ G, written per case.
    private mutating func matmulContribution(_ c: Int, inputs: [Int], position: Int, g: PyExpr) -> PyExpr {
        guard inputs.count == 2 else { return g }
        let (ra, rb) = (graph.shapes[inputs[0]].count, graph.shapes[inputs[1]].count)
        switch (ra, rb, position) {
        case (2, 2, 0): return .binary(g, "@", value(inputs[1]).attribute(".T"))
        case (2, 2, _): return .binary(value(inputs[0]).attribute(".T"), "@", g)
        case (1, 1, 0): return .binary(g, "*", value(inputs[1]))
        case (1, 1, _): return .binary(g, "*", value(inputs[0]))
        case (2, 1, 0): return .call("np.outer", [g, value(inputs[1])])
        case (2, 1, _): return .binary(value(inputs[0]).attribute(".T"), "@", g)
        case (1, 2, 0): return .binary(value(inputs[1]), "@", g)
        default: return .call("np.outer", [value(inputs[0]), g])
        }
    }

    /// The losses average over examples: bce over every element (n), softmax over rows (m).
    private mutating func lossContribution(_ c: Int, inputs: [Int], position: Int, g: PyExpr, softmax: Bool) -> PyExpr {
        guard inputs.count == 2 else { return g }
        let z = value(inputs[0]), y = value(inputs[1])
        let shape = graph.shapes[inputs[0]]
        let scale: PyExpr
        if softmax {
            scale = shape.count == 2 ? .binary(g, "/", .call("len", [z])) : g
        } else {
            scale = shape.isEmpty ? g : .binary(g, "/", z.attribute(".size"))
        }
        let local: PyExpr
        switch (softmax, position) {
        case (false, 0):
            helpers.insert("sigmoid")
            local = .atom("(\(PyExpr.binary(.call("sigmoid", [z]), "-", y).text))")
        case (false, _):
            local = .negate(z)
        case (true, 0):
            helpers.insert("softmax")
            let p = PyExpr.call("softmax", [z])
            local = graph.normalizedTargets.contains(inputs[1])
                ? .atom("(\(PyExpr.binary(p, "-", y).text))")
                : .atom("(\(PyExpr.binary(.binary(p, "*", y.attribute(".sum(axis=-1, keepdims=True)")), "-", y).text))")
        case (true, _):
            helpers.insert("log_softmax")
            local = .negate(.call("log_softmax", [z]))
        }
        return .binary(scale, "*", local)
    }
}
