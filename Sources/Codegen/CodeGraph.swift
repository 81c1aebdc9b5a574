import LessonModel
import Operations
import Training

/// A block's graph as the generated programs see it: each node's Python name, shape and
/// users, which nodes need a gradient, and which the NumPy backward pass reads the value of.
package struct CodeGraph {
    /// How a node enters the program.
    enum Role: Equatable {
        /// `X` or `y` of a model: function arguments, one batch at a time.
        case data
        /// A leaf given in the block (every leaf of a graph block but parameters and constants).
        case input
        case parameter
        case constant(TensorLiteral)
        case operation(ProgramOp, inputs: [Int], exponent: Double?)
    }

    let roles: [Role]
    /// Names as the trace has them (the teacher's, or `u1`, `c1`, ...).
    let traceNames: [String]
    /// Python identifiers (the trace's names, with reserved words renamed).
    package let names: [String]
    /// Gradient identifiers (`dW1`), for nodes that need a gradient; "" otherwise.
    let gradients: [String]
    let shapes: [[Int]]
    /// Each node's `axis:`/`keepdims:` options (`.none` for most).
    let axes: [ProgramAxis]
    /// What each index node picks (`X[:, 1]`); nil for the others.
    let indices: [IndexSpec?]
    /// Each conv2d's or pool's window (`[size, stride, padding]` as parsed); empty for the others.
    let windows: [[Int]]
    /// Each dropout's mask variable (`mask_h`); "" for the other nodes.
    let masks: [String]
    let consumers: [[Int]]
    /// The node whose gradient is seeded with 1: the loss of a model, the last node of a graph.
    let output: Int
    /// Nodes whose gradient the backward pass computes: in a graph block, every node but the
    /// constants; in a model, those on a path from a parameter to the loss.
    let needsGradient: [Bool]
    /// Nodes the output depends on (the others get a zero gradient).
    let reachesOutput: [Bool]
    /// Nodes computed from constants only (a Python number in the generated code).
    let constantOnly: [Bool]
    /// Target nodes whose rows each sum to exactly 1 (one-hot or probabilities), so the softmax
    /// gradient can be written in its familiar form without changing a bit.
    let normalizedTargets: Set<Int>
    /// The names left free for the program's own variables (optimizer state, ...).
    var namer: PythonNames

    /// `data` lists the model's `X` and `y` nodes (none for a graph block).
    init(program: GraphProgram, trace: Trace, data: Set<Int>, isModel: Bool, normalizedTargets: Set<Int>) {
        let count = program.nodes.count
        roles = program.nodes.indices.map { i in
            switch program.nodes[i].kind {
            case .data: return .data
            case .input where data.contains(i): return .data
            case .input: return .input
            case .parameter, .initialized: return .parameter
            case .constant(let literal): return .constant(literal)
            case .operation(let op, let inputs, let exponent): return .operation(op, inputs: inputs, exponent: exponent)
            }
        }
        traceNames = program.nodes.map(\.name)
        axes = program.nodes.map(\.axis)
        indices = program.nodes.map(\.index)
        windows = program.nodes.map(\.dims)
        shapes = program.nodes.indices.map { $0 < trace.nodes.count ? trace.nodes[$0].shape : [] }
        var users = [[Int]](repeating: [], count: count)
        for (i, role) in roles.enumerated() {
            if case .operation(_, let inputs, _) = role {
                for input in inputs where input >= 0 && input < i && users[input].last != i { users[input].append(i) }
            }
        }
        consumers = users
        output = program.output
        var namer = PythonNames(traceNames, isModel: isModel)
        names = namer.nodes

        // Forward: what depends on a parameter (or, in a graph block, on anything but constants).
        var fromSource = [Bool](repeating: false, count: count)
        var onlyConstants = [Bool](repeating: false, count: count)
        for (i, role) in roles.enumerated() {
            switch role {
            case .parameter: fromSource[i] = true
            case .input, .data: fromSource[i] = !isModel
            case .constant: onlyConstants[i] = true
            case .operation(_, let inputs, _):
                fromSource[i] = inputs.contains { $0 < i && fromSource[$0] }
                onlyConstants[i] = inputs.allSatisfy { $0 < i && onlyConstants[$0] }
            }
        }
        // Backward: what the output depends on.
        var reachesOutput = [Bool](repeating: false, count: count)
        if output >= 0 && output < count { reachesOutput[output] = true }
        for i in stride(from: count - 1, through: 0, by: -1) where reachesOutput[i] {
            if case .operation(_, let inputs, _) = roles[i] { for input in inputs where input < i { reachesOutput[input] = true } }
        }
        let roles = self.roles
        let needs = roles.indices.map { i in
            if case .constant = roles[i] { return false }
            return isModel ? fromSource[i] && reachesOutput[i] : true
        }
        needsGradient = needs
        constantOnly = onlyConstants
        self.reachesOutput = reachesOutput
        gradients = roles.indices.map { needs[$0] ? namer.gradient(of: namer.nodes[$0]) : "" }
        masks = roles.indices.map { i in
            if case .operation(.dropout, _, _) = roles[i] { return namer.claim("mask_" + namer.nodes[i]) }
            return ""
        }
        self.namer = namer
        self.normalizedTargets = normalizedTargets
    }

    var count: Int { roles.count }

    /// Node `i`'s dropout: its p, its seed and the mask the engine draws from them (1 kept, 0
    /// dropped, row-major), which the programs get as a literal; nil for other nodes.
    func dropout(_ i: Int) -> (p: Double, seed: Int, mask: [Double])? {
        guard case .operation(.dropout, _, let exponent) = roles[i] else { return nil }
        let p = exponent ?? 0.5, seed = windows[i].first ?? 0
        return (p, seed, DropoutMask.mask(count: shapes[i].reduce(1, *), p: p, seed: seed))
    }

    /// Node `i`'s window (conv2d and the pools).
    func window(_ i: Int) -> WindowOption { WindowOption(windows[i]) }

    func isOperation(_ i: Int) -> Bool {
        if case .operation = roles[i] { return true }
        return false
    }

    /// The scalar value of a scalar constant, which the code writes as a number.
    func scalarConstant(_ i: Int) -> Double? {
        if case .constant(let literal) = roles[i], literal.dims.isEmpty { return literal.scalars.first }
        return nil
    }

    /// Every (user, argument position) through which node `i`'s gradient comes back, in node order.
    func uses(of i: Int) -> [(consumer: Int, position: Int)] {
        consumers[i].flatMap { c -> [(consumer: Int, position: Int)] in
            guard case .operation(_, let inputs, _) = roles[c] else { return [] }
            return inputs.indices.filter { inputs[$0] == i }.map { (c, $0) }
        }
    }

    /// Node `i`'s equation in the block's own notation, one node at a time: `u3 = u2^2`,
    /// `H = sigmoid(u1)`, `loss = 0.5 * u4`.
    func equation(_ i: Int) -> String {
        guard case .operation(let op, let inputs, let exponent) = roles[i] else { return names[i] }
        let operands = inputs.map { scalarConstant($0).map(PythonLiteral.number) ?? names[$0] }
        let a = operands.first ?? "", b = operands.count > 1 ? operands[1] : ""
        let rhs: String
        switch op {
        case .add: rhs = "\(a) + \(b)"
        case .subtract: rhs = "\(a) - \(b)"
        case .multiply: rhs = "\(a) * \(b)"
        case .divide: rhs = "\(a) / \(b)"
        case .matmul: rhs = "\(a) @ \(b)"
        case .negate: rhs = "-\(a)"
        case .power: rhs = "\(a)^\(PythonLiteral.number(exponent ?? 1))"
        case .conv2d, .maxPool, .avgPool:
            rhs = "\(op.rawValue)(\(operands.joined(separator: ", "))\(WindowCode.blockOptions(op, window(i))))"
        case .layerNorm, .batchNorm:
            let eps = exponent.flatMap { $0 == NormCode.defaultEps ? nil : ", eps: \(PythonLiteral.float($0))" } ?? ""
            rhs = "\(op.rawValue)(\(a)\(eps))"
        case .dropout:
            let d = dropout(i)
            rhs = "dropout(\(a), p: \(PythonLiteral.number(d?.p ?? 0.5)), seed: \(d?.seed ?? 0))"
        case .reshape: rhs = "reshape(\(([a] + shapes[i].map(String.init)).joined(separator: ", ")))"
        case .index: rhs = a + (indices[i]?.python ?? "")
        case .greater, .less, .greaterEqual, .lessEqual, .equal, .notEqual:
            rhs = "\(a) \(op.operatorSymbol ?? op.rawValue) \(b)"
        case .maximum, .minimum, .exp, .log, .sigmoid, .tanh, .relu, .sqrt, .abs, .sum, .mean, .amax, .amin, .softmax,
             .logSoftmax, .logsumexp, .transpose, .bceLogits, .softmaxCrossEntropy, .where, .clip, .concat, .embedding:
            var arguments = operands
            if let axis = axes[i].axis { arguments.append("axis: \(axis)") }
            if axes[i].keepdims { arguments.append("keepdims: true") }
            rhs = "\(op.functionName ?? op.rawValue)(\(arguments.joined(separator: ", ")))"
        }
        return "\(names[i]) = \(rhs)"
    }
}
