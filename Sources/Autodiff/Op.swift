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
    /// Sum of all elements, a scalar.
    case sum
    /// Mean of all elements, a scalar.
    case mean
    /// `max(a, b)`, elementwise with broadcasting; at a tie each argument gets half the gradient.
    case maximum
    /// Swaps rows and columns of a matrix; a vector or scalar is unchanged.
    case transpose
    /// Binary cross-entropy of logits `z` against targets `y` of the same shape, averaged over
    /// the elements: a scalar (PyTorch's `BCEWithLogitsLoss`, reduction mean).
    case bceLogits
    /// Cross-entropy of softmax(`z`) against targets `y` (one-hot or probabilities), row by row
    /// for an m×k matrix (one example per row) or one vector of k, averaged over rows: a scalar.
    case softmaxCrossEntropy

    /// The op's name in traces: "param", "add", "matmul", "pow", "sigmoid", ...
    package var name: String {
        switch self {
        case .input: "input"
        case .parameter: "param"
        case .constant: "const"
        case .add: "add"
        case .subtract: "sub"
        case .multiply: "mul"
        case .divide: "div"
        case .negate: "neg"
        case .matmul: "matmul"
        case .power: "pow"
        case .exp: "exp"
        case .log: "log"
        case .sigmoid: "sigmoid"
        case .tanh: "tanh"
        case .relu: "relu"
        case .sum: "sum"
        case .mean: "mean"
        case .maximum: "max"
        case .transpose: "transpose"
        case .bceLogits: "bce_logits"
        case .softmaxCrossEntropy: "softmax_cross_entropy"
        }
    }

    /// The operator drawn in diagrams ("+", "-", "·", "/", "@", "^2"); nil for functions and leaves.
    package var symbol: String? {
        switch self {
        case .add: "+"
        case .subtract, .negate: "-"
        case .multiply: "·"
        case .divide: "/"
        case .matmul: "@"
        case .power(let p): "^" + Op.format(exponent: p)
        default: nil
        }
    }

    /// How many inputs the op takes: 0 for leaves, 1 or 2 otherwise.
    package var arity: Int {
        switch kind {
        case .leaf: 0
        case .binary, .matmul, .loss: 2
        case .unary, .reduction, .transpose: 1
        }
    }

    /// `true` for input, parameter and constant.
    package var isLeaf: Bool { kind == .leaf }

    /// The family an op belongs to: decides shape rules and which kernel runs it.
    /// `loss`: two tensors of one shape (predictions, targets) in, one scalar out.
    enum Kind: Equatable {
        case leaf, binary, unary, matmul, reduction, transpose, loss
    }

    var kind: Kind {
        switch self {
        case .input, .parameter, .constant: .leaf
        case .add, .subtract, .multiply, .divide, .maximum: .binary
        case .negate, .power, .exp, .log, .sigmoid, .tanh, .relu: .unary
        case .matmul: .matmul
        case .sum, .mean: .reduction
        case .transpose: .transpose
        case .bceLogits, .softmaxCrossEntropy: .loss
        }
    }

    /// "2" for 2.0, "0.5" for 0.5, "-1" for -1.0: integers without a trailing ".0".
    static func format(exponent p: Double) -> String {
        if p == p.rounded(), abs(p) < 1e15 { return String(Int(p)) }
        return String(p)
    }
}
