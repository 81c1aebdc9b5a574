import Operations

/// Every primitive a graph node can be. Composite functions are built from these.
package enum Op: Equatable, Sendable {
    /// A leaf whose value is fed in (data).
    case input
    /// A leaf that training updates (a weight or bias).
    case parameter
    /// A leaf that never changes (a literal in an expression).
    case constant
    /// `a + b`, elementwise with broadcasting.
    case add
    /// `a - b`, elementwise with broadcasting.
    case subtract
    /// `a · b`, elementwise with broadcasting.
    case multiply
    /// `a / b`, elementwise with broadcasting.
    case divide
    /// `-x`.
    case negate
    /// Matrix product with NumPy's vector rules (vector@vector is the dot product).
    case matmul
    /// `x ^ p` for a constant exponent `p`.
    case power(Double)
    /// `e^x`.
    case exp
    /// Natural logarithm (NaN for negative inputs, -inf at 0).
    case log
    /// `1 / (1 + e^-x)`.
    case sigmoid
    /// Hyperbolic tangent.
    case tanh
    /// `max(x, 0)`.
    case relu
    /// The square root.
    case sqrt
    /// The absolute value (derivative 0 at 0).
    case abs
    /// Sum of all elements, a scalar.
    case sum
    /// Mean of all elements, a scalar.
    case mean
    /// Sum along an axis, or of every element with keepdims (`sum(x, axis: 1)`).
    case sumAlong(AxisOption)
    /// Mean along an axis, or of every element with keepdims.
    case meanAlong(AxisOption)
    /// `max(a, b)`, elementwise with broadcasting; at a tie each argument gets half the gradient.
    case maximum
    /// `min(a, b)`, elementwise with broadcasting; at a tie each argument gets half the gradient.
    case minimum
    /// The largest element, of all or along an axis; tied elements share the gradient evenly.
    case amax(AxisOption)
    /// The smallest element, of all or along an axis; tied elements share the gradient evenly.
    case amin(AxisOption)
    /// Softmax along an axis (the last when `axis` is nil), with each slice's maximum subtracted.
    case softmax(AxisOption)
    /// log(softmax) along an axis, as x - logsumexp(x).
    case logSoftmax(AxisOption)
    /// log Σ exp along an axis (the last when `axis` is nil), with the maximum subtracted.
    case logsumexp(AxisOption)
    /// Swaps rows and columns of a matrix; a vector or scalar is unchanged.
    case transpose
    /// Binary cross-entropy of logits `z` against targets `y` of the same shape, averaged over
    /// the elements: a scalar (PyTorch's `BCEWithLogitsLoss`, reduction mean).
    case bceLogits
    /// Cross-entropy of softmax(`z`) against targets `y` (one-hot or probabilities), row by row
    /// for an m×k matrix (one example per row) or one vector of k, averaged over rows: a scalar.
    case softmaxCrossEntropy
    /// `a > b`, `a < b`, `a >= b`, `a <= b`, `a == b`, `a != b`: 1 where the comparison holds,
    /// else 0, elementwise with broadcasting; no gradient flows to either side.
    case greater, less, greaterEqual, lessEqual, equal, notEqual
    /// `where(mask, a, b)`: `a` where the mask is nonzero, else `b`; no gradient to the mask.
    case `where`
    /// `clip(x, lo, hi)`: min(max(x, lo), hi); x's gradient passes where lo ≤ x ≤ hi (PyTorch's clamp).
    case clip
    /// The same numbers, row-major, in the shape `dims` (one entry may be -1: inferred).
    case reshape([Int])
    /// `X[...]`: the block of rows and columns `spec` picks (IndexRules.swift).
    case index(IndexSpec)
    /// `count` (2 or 3) tensors joined along `axis` (as written: may be negative; ConcatRules.swift).
    case concat(axis: Int, count: Int)
    /// `embedding(W, ids)`: rows of the table W picked by whole-number ids (EmbeddingRules.swift).
    case embedding
    /// Each slice along the last axis normalized: (x − mean) / √(var + eps), biased variance.
    case layerNorm(eps: Double)
    /// Each column normalized over the batch (axis 0), as `layerNorm` along the other axis.
    case batchNorm(eps: Double)
    /// Cross-correlation of a matrix image with a matrix kernel, with a stride and zero padding.
    case conv2d(WindowOption)
    /// The largest element of each window (the first, row by row, gets the gradient).
    case maxPool(WindowOption)
    /// The mean of each window.
    case avgPool(WindowOption)
    /// Inverted dropout: x · mask / (1 − p), the mask drawn from `seed` and each element's index (`DropoutMask`).
    case dropout(p: Double, seed: Int)

    /// The op's name in traces: "input", "param", "const", or the registry's name ("add", "pow", ...).
    package var name: String {
        guard let operation else { return self == .parameter ? "param" : self == .constant ? "const" : "input" }
        return operation.traceName
    }

    /// The registry's op for this engine op; nil for leaves.
    package var operation: Operation? {
        switch self {
        case .input, .parameter, .constant: nil
        case .add: .add
        case .subtract: .subtract
        case .multiply: .multiply
        case .divide: .divide
        case .negate: .negate
        case .matmul: .matmul
        case .power: .power
        case .exp: .exp
        case .log: .log
        case .sigmoid: .sigmoid
        case .tanh: .tanh
        case .relu: .relu
        case .sqrt: .sqrt
        case .abs: .abs
        case .sum, .sumAlong: .sum
        case .mean, .meanAlong: .mean
        case .maximum: .maximum
        case .minimum: .minimum
        case .amax: .amax
        case .amin: .amin
        case .softmax: .softmax
        case .logSoftmax: .logSoftmax
        case .logsumexp: .logsumexp
        case .transpose: .transpose
        case .bceLogits: .bceLogits
        case .softmaxCrossEntropy: .softmaxCrossEntropy
        case .greater: .greater
        case .less: .less
        case .greaterEqual: .greaterEqual
        case .lessEqual: .lessEqual
        case .equal: .equal
        case .notEqual: .notEqual
        case .where: .where
        case .clip: .clip
        case .reshape: .reshape
        case .index: .index
        case .concat: .concat
        case .embedding: .embedding
        case .layerNorm: .layerNorm
        case .batchNorm: .batchNorm
        case .conv2d: .conv2d
        case .maxPool: .maxPool
        case .avgPool: .avgPool
        case .dropout: .dropout
        }
    }

    /// The engine op that computes `operation`; `exponent` is used by `.power` only, `axis` by the
    /// ops that take `axis:` (`Operation.takesAxis`).
    /// `dims` by `.reshape` (and as `[size, stride, padding]` by conv2d and the pools; the norms
    /// take their eps as `exponent`; dropout its p as `exponent` and `[seed]` as `dims`), `index` by `.index`
    /// only, `operands` (how many) by `.concat` only.
    package init(_ operation: Operation, exponent: Double = 1, axis: AxisOption = .none, dims: [Int] = [],
                 index: IndexSpec = IndexSpec(), operands: Int = 2) {
        switch operation {
        case .add: self = .add
        case .subtract: self = .subtract
        case .multiply: self = .multiply
        case .divide: self = .divide
        case .negate: self = .negate
        case .matmul: self = .matmul
        case .power: self = .power(exponent)
        case .exp: self = .exp
        case .log: self = .log
        case .sigmoid: self = .sigmoid
        case .tanh: self = .tanh
        case .relu: self = .relu
        case .sqrt: self = .sqrt
        case .abs: self = .abs
        case .sum: self = axis.isNone ? .sum : .sumAlong(axis)
        case .mean: self = axis.isNone ? .mean : .meanAlong(axis)
        case .maximum: self = .maximum
        case .minimum: self = .minimum
        case .amax: self = .amax(axis)
        case .amin: self = .amin(axis)
        case .softmax: self = .softmax(axis)
        case .logSoftmax: self = .logSoftmax(axis)
        case .logsumexp: self = .logsumexp(axis)
        case .transpose: self = .transpose
        case .bceLogits: self = .bceLogits
        case .softmaxCrossEntropy: self = .softmaxCrossEntropy
        case .greater: self = .greater
        case .less: self = .less
        case .greaterEqual: self = .greaterEqual
        case .lessEqual: self = .lessEqual
        case .equal: self = .equal
        case .notEqual: self = .notEqual
        case .where: self = .where
        case .clip: self = .clip
        case .reshape: self = .reshape(dims)
        case .index: self = .index(index)
        case .concat: self = .concat(axis: axis.axis ?? 0, count: operands)
        case .embedding: self = .embedding
        case .layerNorm: self = .layerNorm(eps: exponent)
        case .batchNorm: self = .batchNorm(eps: exponent)
        case .conv2d: self = .conv2d(WindowOption(dims))
        case .maxPool: self = .maxPool(WindowOption(dims))
        case .avgPool: self = .avgPool(WindowOption(dims))
        case .dropout: self = .dropout(p: exponent, seed: dims.first ?? 0)
        }
    }

    /// The operator drawn in diagrams ("+", "-", "·", "/", "@", "^2"); nil for functions and leaves.
    package var symbol: String? {
        guard let operation else { return nil }
        switch operation {
        case .add: return "+"
        case .subtract, .negate: return "-"
        case .multiply: return "·"
        case .divide: return "/"
        case .matmul: return "@"
        case .power:
            guard case .power(let p) = self else { return "^" }
            return "^" + Op.format(exponent: p)
        case .greater: return ">"
        case .less: return "<"
        case .greaterEqual: return "≥"
        case .lessEqual: return "≤"
        case .equal: return "="
        case .notEqual: return "≠"
        case .exp, .log, .sigmoid, .tanh, .relu, .sqrt, .abs, .sum, .mean, .maximum, .minimum, .amax, .amin, .softmax,
             .logSoftmax, .logsumexp, .transpose, .bceLogits, .softmaxCrossEntropy, .where, .clip, .reshape, .concat, .embedding,
             .layerNorm, .batchNorm, .conv2d, .maxPool, .avgPool, .dropout:
            return nil
        case .index:
            // The index itself, as the lesson wrote it: "[:, 1]".
            guard case .index(let spec) = self else { return nil }
            return spec.python
        }
    }

    /// How many inputs the op takes: 0 for leaves, 1 or 2 otherwise.
    package var arity: Int {
        switch kind {
        case .leaf: 0
        case .binary, .matmul, .loss, .embedding, .convolution: 2
        case .unary, .reduction, .normalization, .transpose, .reshape, .index, .pooling: 1
        case .ternary: 3
        case .concat: concatCount
        }
    }

    /// How many tensors a concat joins (2 for every other op).
    private var concatCount: Int {
        if case .concat(_, let count) = self { return count }
        return 2
    }

    /// The `axis:`/`keepdims:` options of an op that works along an axis; nil for the others.
    package var axisOption: AxisOption? {
        switch self {
        case .softmax(let o), .logSoftmax(let o), .logsumexp(let o), .sumAlong(let o), .meanAlong(let o), .amax(let o),
             .amin(let o): o
        case .sum, .mean: AxisOption.none
        case .concat(let axis, _): AxisOption(axis: axis)
        case .input, .parameter, .constant, .add, .subtract, .multiply, .divide, .negate, .matmul, .power, .exp, .log,
             .sigmoid, .tanh, .relu, .sqrt, .abs, .maximum, .minimum, .transpose, .bceLogits, .softmaxCrossEntropy,
             .greater, .less, .greaterEqual, .lessEqual, .equal, .notEqual, .where, .clip, .reshape, .index, .embedding,
             .layerNorm, .batchNorm, .conv2d, .maxPool, .avgPool, .dropout: nil
        }
    }

    /// How conv2d and the pools slide their window; nil for the others.
    package var window: WindowOption? {
        switch self {
        case .conv2d(let w), .maxPool(let w), .avgPool(let w): w
        case .input, .parameter, .constant, .add, .subtract, .multiply, .divide, .negate, .matmul, .power, .exp, .log,
             .sigmoid, .tanh, .relu, .sqrt, .abs, .sum, .mean, .sumAlong, .meanAlong, .maximum, .minimum, .amax, .amin,
             .softmax, .logSoftmax, .logsumexp, .transpose, .bceLogits, .softmaxCrossEntropy, .greater, .less,
             .greaterEqual, .lessEqual, .equal, .notEqual, .where, .clip, .reshape, .index, .concat, .embedding,
             .layerNorm, .batchNorm, .dropout: nil
        }
    }

    /// The seed of a dropout; nil for the others.
    package var seed: Int? {
        if case .dropout(_, let seed) = self { return seed }
        return nil
    }

    /// The op's number that travels beside it (in traces as `exponent`): pow's exponent, a norm's eps,
    /// dropout's p.
    package var constant: Double? {
        switch self {
        case .power(let p), .dropout(let p, _): p
        case .layerNorm(let eps), .batchNorm(let eps): eps
        case .input, .parameter, .constant, .add, .subtract, .multiply, .divide, .negate, .matmul, .exp, .log,
             .sigmoid, .tanh, .relu, .sqrt, .abs, .sum, .mean, .sumAlong, .meanAlong, .maximum, .minimum, .amax, .amin,
             .softmax, .logSoftmax, .logsumexp, .transpose, .bceLogits, .softmaxCrossEntropy, .greater, .less,
             .greaterEqual, .lessEqual, .equal, .notEqual, .where, .clip, .reshape, .index, .concat, .embedding,
             .conv2d, .maxPool, .avgPool: nil
        }
    }

    /// `true` for input, parameter and constant.
    package var isLeaf: Bool { kind == .leaf }

    /// The family an op belongs to: decides shape rules and which kernel runs it.
    /// `loss`: two tensors of one shape (predictions, targets) in, one scalar out.
    enum Kind: Equatable {
        case leaf, binary, unary, matmul, reduction, normalization, transpose, loss, ternary, reshape, index, concat, embedding, convolution, pooling

        /// The kind of an op of `family`; leaves have none.
        init(_ family: Operation.Family?) {
            switch family {
            case nil: self = .leaf
            case .binary: self = .binary
            case .unary: self = .unary
            case .matmul: self = .matmul
            case .reduction: self = .reduction
            case .normalization: self = .normalization
            case .transpose: self = .transpose
            case .loss: self = .loss
            case .ternary: self = .ternary
            case .reshape: self = .reshape
            case .index: self = .index
            case .concat: self = .concat
            case .embedding: self = .embedding
            case .convolution: self = .convolution
            case .pooling: self = .pooling
            }
        }
    }

    var kind: Kind { Kind(operation?.family) }

    /// "2" for 2.0, "0.5" for 0.5, "-1" for -1.0: integers without a trailing ".0".
    static func format(exponent p: Double) -> String {
        if p == p.rounded(), Swift.abs(p) < 1e15 { return String(Int(p)) }
        return String(p)
    }
}
