import Operations
extension Plan {
    /// ∂node/∂input at the current values, for the edge labels of diagrams, when the node and
    /// its `input`-th argument (0-based) are both scalars; nil otherwise or for unknown IDs.
    package func localDerivative(of node: NodeID, input: Int) -> Double? {
        guard let n = graph.node(node), n.shape.isScalar, input >= 0, input < n.inputs.count,
              graph.node(n.inputs[input])?.shape.isScalar == true
        else { return nil }
        let y = element(node, 0)
        switch n.op.kind {
        case .binary:
            // A scalar result means both operands are scalars (broadcasting never shrinks).
            let a = element(n.inputs[0], 0), b = element(n.inputs[1], 0)
            guard let (da, db) = Self.partials(n.op, a, b, y) else { return nil }
            return input == 0 ? da : db
        case .unary:
            return Self.derivative(n.op, element(n.inputs[0], 0), y)
        case .concat, .embedding:
            // Both take vectors or matrices (a table): never a scalar edge.
            return nil
        case .reduction, .transpose, .reshape, .index:
            // sum, mean and transpose of a single number pass it through unchanged.
            return 1
        case .loss:
            // Only bce_logits takes scalars (softmax needs a vector); n = 1, so no averaging.
            guard n.op == .bceLogits else { return nil }
            let (dz, dy) = BCELogitsRule.partials(element(n.inputs[0], 0), element(n.inputs[1], 0))
            return input == 0 ? dz : dy
        case .ternary:
            // A scalar result means all three operands are scalars.
            let (a, b, c) = (element(n.inputs[0], 0), element(n.inputs[1], 0), element(n.inputs[2], 0))
            let partials = n.op == .clip ? ClipRule.partials(a, b, c) : WhereRule.partials(a, b, c)
            return [partials.0, partials.1, partials.2][input]
        case .matmul, .normalization, .convolution, .pooling, .leaf:
            return nil
        }
    }

    /// The binary rule of `op` from the op table, evaluated at (a, b).
    private static func partials(_ op: Op, _ a: Double, _ b: Double, _ y: Double) -> (Double, Double)? {
        guard let operation = op.operation else { return nil }
        switch operation {
        case .add: return AddRule.partials(a, b, y)
        case .subtract: return SubtractRule.partials(a, b, y)
        case .multiply: return MultiplyRule.partials(a, b, y)
        case .divide: return DivideRule.partials(a, b, y)
        case .maximum: return MaximumRule.partials(a, b, y)
        case .minimum: return MinimumRule.partials(a, b, y)
        case .greater, .less, .greaterEqual, .lessEqual, .equal, .notEqual: return (0, 0)
        case .negate, .matmul, .power, .exp, .log, .sigmoid, .tanh, .relu, .sqrt, .abs, .sum, .mean, .amax, .amin,
             .softmax, .logSoftmax, .logsumexp, .transpose, .bceLogits, .softmaxCrossEntropy, .where, .clip, .reshape, .index, .concat, .embedding,
             .layerNorm, .batchNorm, .conv2d, .maxPool, .avgPool, .dropout: return nil
        }
    }

    /// The unary rule of `op` from the op table, evaluated at x.
    private static func derivative(_ op: Op, _ x: Double, _ y: Double) -> Double? {
        guard let operation = op.operation else { return nil }
        switch operation {
        case .negate: return NegateRule.derivative(x, y, 0)
        case .power:
            guard case .power(let p) = op else { return nil }
            return PowerRule.derivative(x, y, p)
        case .exp: return ExpRule.derivative(x, y, 0)
        case .log: return LogRule.derivative(x, y, 0)
        case .sigmoid: return SigmoidRule.derivative(x, y, 0)
        case .tanh: return TanhRule.derivative(x, y, 0)
        case .relu: return ReluRule.derivative(x, y, 0)
        case .sqrt: return SqrtRule.derivative(x, y, 0)
        case .abs: return AbsRule.derivative(x, y, 0)
        case .dropout:
            // A scalar is element 0.
            guard case .dropout(let p, let seed) = op else { return nil }
            return DropoutRule.derivative(0, p: p, seed: seed)
        case .add, .subtract, .multiply, .divide, .maximum, .minimum, .matmul, .sum, .mean, .amax, .amin, .softmax,
             .logSoftmax, .logsumexp, .transpose, .bceLogits, .softmaxCrossEntropy, .greater, .less, .greaterEqual,
             .lessEqual, .equal, .notEqual, .where, .clip, .reshape, .index, .concat, .embedding, .layerNorm, .batchNorm, .conv2d, .maxPool,
             .avgPool: return nil
        }
    }
}
