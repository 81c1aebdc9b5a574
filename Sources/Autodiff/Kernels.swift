/// The loops that run one step over raw storage. `v` points at the value half of the plan's
/// storage and `g` at the gradient half; a step's offsets index both. Backward kernels ADD
/// into input gradients, so a node used several times (or broadcast) collects every share.
/// No kernel allocates: they read integers from the step and touch only storage.
enum Kernels {
    /// Computes the step's value from its inputs' values.
    static func forward(_ s: Step, _ v: UnsafeMutablePointer<Double>) {
        switch s.op.operation {
        case .add: binaryForward(AddRule.self, s, v)
        case .subtract: binaryForward(SubtractRule.self, s, v)
        case .multiply: binaryForward(MultiplyRule.self, s, v)
        case .divide: binaryForward(DivideRule.self, s, v)
        case .maximum: binaryForward(MaximumRule.self, s, v)
        case .minimum: binaryForward(MinimumRule.self, s, v)
        case .greater: binaryForward(GreaterRule.self, s, v)
        case .less: binaryForward(LessRule.self, s, v)
        case .greaterEqual: binaryForward(GreaterEqualRule.self, s, v)
        case .lessEqual: binaryForward(LessEqualRule.self, s, v)
        case .equal: binaryForward(EqualRule.self, s, v)
        case .notEqual: binaryForward(NotEqualRule.self, s, v)
        case .where: ternaryForward(WhereRule.self, s, v)
        case .clip: ternaryForward(ClipRule.self, s, v)
        case .reshape: unaryForward(IdentityRule.self, 0, s, v)
        case .index: indexForward(s, v)
        case .concat: concatForward(s, v)
        case .embedding: embeddingForward(s, v)
        case .negate: unaryForward(NegateRule.self, 0, s, v)
        case .power: unaryForward(PowerRule.self, s.op.constant, s, v)
        case .exp: lanesForward(ExpLanes.self, s, v)
        case .log: unaryForward(LogRule.self, 0, s, v)
        case .sigmoid: lanesForward(SigmoidLanes.self, s, v)
        case .tanh: lanesForward(TanhLanes.self, s, v)
        case .relu: unaryForward(ReluRule.self, 0, s, v)
        case .sqrt: unaryForward(SqrtRule.self, 0, s, v)
        case .abs: unaryForward(AbsRule.self, 0, s, v)
        case .sum, .mean: reduceForward(s, v)
        case .softmax: softmaxForward(s, v, logarithm: false)
        case .logSoftmax: softmaxForward(s, v, logarithm: true)
        case .logsumexp: logsumexpForward(s, v)
        case .amax: extremeForward(s, v, largest: true)
        case .amin: extremeForward(s, v, largest: false)
        case .matmul: matmulForward(s, v)
        case .transpose: transposeForward(s, v)
        case .bceLogits: bceLogitsForward(s, v)
        case .softmaxCrossEntropy: softmaxCrossEntropyForward(s, v)
        case .layerNorm, .batchNorm: normForward(s, v, eps: s.op.constant)
        case .conv2d: convForward(s, v)
        case .maxPool: poolForward(s, v, largest: true)
        case .avgPool: poolForward(s, v, largest: false)
        case .dropout: dropoutForward(s, v, p: s.op.constant, seed: s.op.seed)
        }
    }

    /// Adds the step's contribution to its inputs' gradients (chain rule), given its own gradient.
    static func backward(_ s: Step, _ v: UnsafeMutablePointer<Double>, _ g: UnsafeMutablePointer<Double>) {
        switch s.op.operation {
        case .add: binaryBackward(AddRule.self, s, v, g)
        case .subtract: binaryBackward(SubtractRule.self, s, v, g)
        case .multiply: binaryBackward(MultiplyRule.self, s, v, g)
        case .divide: binaryBackward(DivideRule.self, s, v, g)
        case .maximum: binaryBackward(MaximumRule.self, s, v, g)
        case .minimum: binaryBackward(MinimumRule.self, s, v, g)
        case .negate: unaryBackward(NegateRule.self, 0, s, v, g)
        case .power: unaryBackward(PowerRule.self, s.op.constant, s, v, g)
        case .exp: unaryBackward(ExpRule.self, 0, s, v, g)
        case .log: unaryBackward(LogRule.self, 0, s, v, g)
        case .sigmoid: unaryBackward(SigmoidRule.self, 0, s, v, g)
        case .tanh: unaryBackward(TanhRule.self, 0, s, v, g)
        case .relu: unaryBackward(ReluRule.self, 0, s, v, g)
        case .sqrt: unaryBackward(SqrtRule.self, 0, s, v, g)
        case .abs: unaryBackward(AbsRule.self, 0, s, v, g)
        case .sum, .mean: reduceBackward(s, g)
        case .softmax: softmaxBackward(s, v, g, logarithm: false)
        case .logSoftmax: softmaxBackward(s, v, g, logarithm: true)
        case .logsumexp: logsumexpBackward(s, v, g)
        case .amax, .amin: extremeBackward(s, v, g)
        case .matmul: matmulBackward(s, v, g)
        case .transpose: transposeBackward(s, g)
        case .bceLogits: bceLogitsBackward(s, v, g)
        case .softmaxCrossEntropy: softmaxCrossEntropyBackward(s, v, g)
        // A mask passes no gradient back (see GreaterRule).
        case .greater, .less, .greaterEqual, .lessEqual, .equal, .notEqual: break
        case .where: ternaryBackward(WhereRule.self, s, v, g)
        case .clip: ternaryBackward(ClipRule.self, s, v, g)
        case .reshape: unaryBackward(IdentityRule.self, 0, s, v, g)
        case .index: indexBackward(s, v, g)
        case .concat: concatBackward(s, g)
        case .embedding: embeddingBackward(s, v, g)
        case .layerNorm, .batchNorm: normBackward(s, v, g, eps: s.op.constant)
        case .conv2d: convBackward(s, v, g)
        case .maxPool: poolBackward(s, v, g, largest: true)
        case .avgPool: poolBackward(s, v, g, largest: false)
        case .dropout: dropoutBackward(s, g, p: s.op.constant, seed: s.op.seed)
        }
    }

    // MARK: elementwise (rules in OpTable.swift)

    // Each binary loop has a path for the common layout (both operands walk their rows
    // contiguously: same shapes, or a bias row broadcast down a matrix), with row pointers the
    // compiler can vectorize; it does the same operations on the same elements in the same order.

    private static func binaryForward<R: BinaryRule>(_: R.Type, _ s: Step, _ v: UnsafeMutablePointer<Double>) {
        if s.strideA.col == 1, s.strideB.col == 1 {
            for r in 0..<s.rows {
                let a = v + s.a + r * s.strideA.row, b = v + s.b + r * s.strideB.row, o = v + s.out + r * s.cols
                for j in 0..<s.cols { o[j] = R.value(a[j], b[j]) }
            }
            return
        }
        var o = s.out
        for r in 0..<s.rows {
            var ia = s.a + r * s.strideA.row, ib = s.b + r * s.strideB.row
            for _ in 0..<s.cols {
                v[o] = R.value(v[ia], v[ib])
                o += 1; ia += s.strideA.col; ib += s.strideB.col
            }
        }
    }

    private static func binaryBackward<R: BinaryRule>(
        _: R.Type, _ s: Step, _ v: UnsafeMutablePointer<Double>, _ g: UnsafeMutablePointer<Double>
    ) {
        if s.strideA.col == 1, s.strideB.col == 1 {
            for r in 0..<s.rows {
                let (ia, ib, io) = (s.a + r * s.strideA.row, s.b + r * s.strideB.row, s.out + r * s.cols)
                let (a, b, o, ga, gb, go) = (v + ia, v + ib, v + io, g + ia, g + ib, g + io)
                for j in 0..<s.cols {
                    let (da, db) = R.partials(a[j], b[j], o[j])
                    ga[j] += da * go[j]
                    gb[j] += db * go[j]
                }
            }
            return
        }
        var o = s.out
        for r in 0..<s.rows {
            var ia = s.a + r * s.strideA.row, ib = s.b + r * s.strideB.row
            for _ in 0..<s.cols {
                let (da, db) = R.partials(v[ia], v[ib], v[o])
                g[ia] += da * g[o]
                g[ib] += db * g[o]
                o += 1; ia += s.strideA.col; ib += s.strideB.col
            }
        }
    }

    // Row pointers rather than offset arithmetic in the loop: Swift checks every `+` for
    // overflow, and those checks kept these loops from being vectorized.
    private static func unaryForward<R: UnaryRule>(_: R.Type, _ p: Double, _ s: Step, _ v: UnsafeMutablePointer<Double>) {
        let x = v + s.a, y = v + s.out
        for i in 0..<s.cols { y[i] = R.value(x[i], p) }
    }

    private static func unaryBackward<R: UnaryRule>(
        _: R.Type, _ p: Double, _ s: Step, _ v: UnsafeMutablePointer<Double>, _ g: UnsafeMutablePointer<Double>
    ) {
        let (x, y, gx, gy) = (v + s.a, v + s.out, g + s.a, g + s.out)
        for i in 0..<s.cols {
            gx[i] += R.derivative(x[i], y[i], p) * gy[i]
        }
    }

    // MARK: whole-tensor ops: forward rule, then its gradient

    /// sum: y = Σ xᵢ, ∂y/∂xᵢ = 1.  mean: y = Σ xᵢ / n, ∂y/∂xᵢ = 1/n. Along an axis, one y per
    /// slice (see Kernels+Axis.swift for the layout); of every element, one slice.
    private static func reduceForward(_ s: Step, _ v: UnsafeMutablePointer<Double>) {
        let isMean = s.op.operation == .mean
        for group in 0..<s.rows {
            let start = s.a + group * s.strideA.row
            var total = 0.0
            for k in 0..<s.cols { total += v[start + k * s.strideA.col] }
            v[s.out + group] = isMean ? total / Double(s.cols) : total
        }
    }

    private static func reduceBackward(_ s: Step, _ g: UnsafeMutablePointer<Double>) {
        let isMean = s.op.operation == .mean
        for group in 0..<s.rows {
            let start = s.a + group * s.strideA.row
            let share = isMean ? g[s.out + group] / Double(s.cols) : g[s.out + group]
            for k in 0..<s.cols { g[start + k * s.strideA.col] += share }
        }
    }

    // matmul: Kernels+Matmul.swift.

    /// Y[c, r] = X[r, c]; the gradient goes back the same way: ∂L/∂X[r, c] += G[c, r].
    /// A vector or scalar is one row, so this is a plain copy for them.
    private static func transposeForward(_ s: Step, _ v: UnsafeMutablePointer<Double>) {
        for r in 0..<s.rows {
            for c in 0..<s.cols { v[s.out + c * s.rows + r] = v[s.a + r * s.cols + c] }
        }
    }

    private static func transposeBackward(_ s: Step, _ g: UnsafeMutablePointer<Double>) {
        for r in 0..<s.rows {
            for c in 0..<s.cols { g[s.a + r * s.cols + c] += g[s.out + c * s.rows + r] }
        }
    }
}
