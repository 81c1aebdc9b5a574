/// The op registry: every operation a graph node can apply, in one `CaseIterable` type that the
/// parser, the engine, the code generators and the pages all switch over exhaustively (no
/// `default:`), so adding a case makes the compiler list every place that must learn it.
/// What each op means numerically lives with the engine (Autodiff/OpTable.swift); what it is
/// called, how many arguments it takes and how it is drawn lives here.
///
/// The raw value is the op's identifier in Swift-facing code and in generated programs' helper
/// names (`bce_logits`); the order of the cases is the order hints list the functions in.
public enum Operation: String, CaseIterable, Sendable {
    /// `a + b`, elementwise with broadcasting.
    case add
    /// `a - b`, elementwise with broadcasting.
    case subtract
    /// `a * b`, elementwise with broadcasting.
    case multiply
    /// `a / b`, elementwise with broadcasting.
    case divide
    /// `-x`.
    case negate
    /// `a @ b`: the matrix product, with NumPy's vector rules.
    case matmul
    /// `x ^ p` for a constant exponent `p` (the exponent travels beside the op).
    case power
    /// `e^x`.
    case exp
    /// The natural logarithm.
    case log
    /// `1 / (1 + e^-x)`.
    case sigmoid
    /// The hyperbolic tangent.
    case tanh
    /// `max(x, 0)`.
    case relu
    /// The square root (NaN for negative inputs).
    case sqrt
    /// The absolute value; its derivative at 0 is 0, as in PyTorch.
    case abs
    /// The sum of all elements: a scalar.
    case sum
    /// The mean of all elements: a scalar.
    case mean
    /// `max(a, b)`, elementwise with broadcasting; a tie splits the gradient evenly.
    case maximum
    /// `min(a, b)`, elementwise with broadcasting; a tie splits the gradient evenly.
    case minimum
    /// `max(x)`, `max(x, axis: 1)`: the largest element, of all or along an axis (NumPy's `amax`);
    /// tied elements share the gradient evenly, as in PyTorch.
    case amax
    /// `min(x)`, `min(x, axis: 1)`: the smallest element, of all or along an axis; ties share evenly.
    case amin
    /// `softmax(z)`: exp(z) normalized to sum to 1 along the last axis (or `axis:`), computed
    /// with the maximum subtracted so no exp overflows.
    case softmax
    /// `log_softmax(z)`: the logarithm of the softmax, as z - logsumexp(z), stable.
    case logSoftmax = "log_softmax"
    /// `logsumexp(z)`: log Σ exp(z) along the last axis (or `axis:`), stable; drops that axis.
    case logsumexp
    /// Rows and columns swapped; a vector or a scalar is unchanged.
    case transpose
    /// `bce_logits(z, y)`: binary cross-entropy of the logits `z` against targets `y`, averaged.
    case bceLogits = "bce_logits"
    /// `softmax_cross_entropy(z, y)`: cross-entropy of the row-wise softmax of `z` against `y`, averaged over rows.
    case softmaxCrossEntropy = "softmax_cross_entropy"
    /// `a > b`: 1 where it holds, else 0, elementwise with broadcasting; no gradient flows through.
    case greater
    /// `a < b`: a 0/1 mask, as `greater`.
    case less
    /// `a >= b`: a 0/1 mask, as `greater`.
    case greaterEqual = "greater_equal"
    /// `a <= b`: a 0/1 mask, as `greater`.
    case lessEqual = "less_equal"
    /// `a == b`: a 0/1 mask, as `greater`.
    case equal
    /// `a != b`: a 0/1 mask, as `greater`.
    case notEqual = "not_equal"
    /// `where(mask, a, b)`: `a` where the mask is nonzero, else `b`, elementwise with broadcasting;
    /// the gradient goes to `a` or `b` as chosen, none to the mask (NumPy's and PyTorch's `where`).
    case `where`
    /// `clip(x, lo, hi)`: `x` limited to [lo, hi], as min(max(x, lo), hi) (NumPy's `clip`, PyTorch's
    /// `clamp`); the gradient passes to `x` where lo ≤ x ≤ hi, bounds included, as in PyTorch.
    case clip
    /// `reshape(x, rows, cols)`, `reshape(x, n)`: the same numbers in row-major order in another
    /// shape (one size may be -1, inferred); the gradient is reshaped back.
    case reshape
    /// `X[0]`, `X[:, 1]`, `X[1, 2]`, `X[0:2]`: a row, a column, an element or a block, as NumPy
    /// indexes (step 1; the spec travels beside the op); the gradient goes back to the picked places.
    case index
    /// `concat(a, b, axis: 0)`, `concat(a, b, c, axis: 1)`: two or three tensors joined along an
    /// axis (NumPy's `concatenate`, PyTorch's `cat`); each operand gets its part of the gradient back.
    case concat
    /// `embedding(W, ids)`: the rows of `W` the whole-number ids pick (a vector of ids gives a
    /// matrix); the gradient adds into the picked rows (a repeated id adds up), none goes to the ids.
    case embedding
    /// `layer_norm(x)`, `layer_norm(x, eps: 1e-3)`: each row (the last axis) shifted to mean 0 and
    /// scaled to variance 1, (x − mean) / √(var + eps) with the biased variance and eps 1e-5, as
    /// PyTorch's `layer_norm` without its affine part (a block writes `* g + b` itself).
    case layerNorm = "layer_norm"
    /// `batch_norm(x)`: each column (feature) of an examples × features matrix normalized over the
    /// batch (axis 0) with the batch's own mean and biased variance, eps 1e-5: PyTorch's
    /// `batch_norm` in training mode, without running averages or the affine part.
    case batchNorm = "batch_norm"
    /// `conv2d(x, k, stride: 1, padding: 0, in_channels: 1, out_channels: 1)`: the cross-correlation
    /// of an image `x` (a matrix, C channels stacked along its rows) with kernels `k` (D·C smaller
    /// matrices stacked along its rows), as PyTorch's `conv2d` without bias: output channel d is
    /// the sum over c of input channel c's zero-padded windows times kernel d·C + c.
    case conv2d
    /// `max_pool(x, size: 2, stride: 2, channels: 1)`: the largest element of each size×size window
    /// of a matrix (of each of its `channels` stacked along the rows, a window never spanning two);
    /// the gradient goes to the first largest element of the window (row by row), as PyTorch's `max_pool2d`.
    case maxPool = "max_pool"
    /// `avg_pool(x, size: 2, stride: 2, channels: 1)`: the mean of each size×size window of a matrix (`avg_pool2d`).
    case avgPool = "avg_pool"
    /// `dropout(x, p: 0.5, seed: 0)`: inverted dropout in training mode, x · mask / (1 − p), as
    /// PyTorch's `F.dropout(x, p, training=True)`, with a mask drawn from the seed and each element's
    /// row-major index (`DropoutMask`), so every run, tab and page drops the same elements.
    case dropout

    /// How an op combines its inputs; decides its shape rule and which engine loop runs it.
    public enum Family: Sendable {
        /// Two tensors elementwise, with broadcasting.
        case binary
        /// One tensor elementwise.
        case unary
        case matmul
        /// A tensor to a scalar, or along one axis (`axis:`) to one number per slice.
        case reduction
        /// A tensor to one of the same shape, each slice along an axis normalized as a whole.
        case normalization
        case transpose
        /// Predictions and targets of one shape to a scalar.
        case loss
        /// Three tensors elementwise, with broadcasting (`where`, `clip`).
        case ternary
        /// One tensor's numbers, in order, in another shape.
        case reshape
        /// One tensor's block of rows and columns (`X[0:2, 1]`).
        case index
        /// Two or three tensors joined along an axis.
        case concat
        /// Rows of a table picked by ids.
        case embedding
        /// An image and a kernel to the kernel slid over the image (`conv2d`).
        case convolution
        /// An image to one number per window slid over it (`max_pool`, `avg_pool`).
        case pooling
    }

    public var family: Family {
        switch self {
        case .add, .subtract, .multiply, .divide, .maximum, .minimum, .greater, .less, .greaterEqual, .lessEqual, .equal,
             .notEqual: .binary
        case .negate, .power, .exp, .log, .sigmoid, .tanh, .relu, .sqrt, .abs, .dropout: .unary
        case .matmul: .matmul
        case .sum, .mean, .logsumexp, .amax, .amin: .reduction
        case .softmax, .logSoftmax: .normalization
        case .layerNorm, .batchNorm: .normalization
        case .transpose: .transpose
        case .bceLogits, .softmaxCrossEntropy: .loss
        case .where, .clip: .ternary
        case .reshape: .reshape
        case .index: .index
        case .concat: .concat
        case .embedding: .embedding
        case .conv2d: .convolution
        case .maxPool, .avgPool: .pooling
        }
    }

    /// How many inputs the op takes.
    public var arity: Int {
        switch family {
        case .binary, .matmul, .loss, .concat, .embedding, .convolution: 2  // concat: at least 2 (Op.concat carries how many)
        case .unary, .reduction, .normalization, .transpose, .reshape, .index, .pooling: 1
        case .ternary: 3
        }
    }

    /// The op's name in traces (`lessons-trace` JSON) and page data: "add", "sub", "pow", ...
    public var traceName: String {
        switch self {
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
        case .sqrt: "sqrt"
        case .abs: "abs"
        case .sum: "sum"
        case .mean: "mean"
        case .maximum: "max"
        case .minimum: "min"
        case .amax: "amax"
        case .amin: "amin"
        case .softmax: "softmax"
        case .logSoftmax: "log_softmax"
        case .logsumexp: "logsumexp"
        case .transpose: "transpose"
        case .bceLogits: "bce_logits"
        case .softmaxCrossEntropy: "softmax_cross_entropy"
        case .greater: "gt"
        case .less: "lt"
        case .greaterEqual: "ge"
        case .lessEqual: "le"
        case .equal: "eq"
        case .notEqual: "ne"
        case .where: "where"
        case .clip: "clip"
        case .reshape: "reshape"
        case .index: "index"
        case .concat: "concat"
        case .embedding: "embedding"
        case .layerNorm: "layer_norm"
        case .batchNorm: "batch_norm"
        case .conv2d: "conv2d"
        case .maxPool: "max_pool"
        case .avgPool: "avg_pool"
        case .dropout: "dropout"
        }
    }

    /// The name a block calls it by (`exp(x)`, `max(a, b)`), or nil for ops written as operators.
    public var functionName: String? {
        switch self {
        case .add, .subtract, .multiply, .divide, .negate, .matmul, .power: nil
        case .greater, .less, .greaterEqual, .lessEqual, .equal, .notEqual: nil
        case .exp, .log, .sigmoid, .tanh, .relu, .sqrt, .abs, .sum, .mean, .transpose: rawValue
        case .maximum: "max"
        case .minimum, .amin: "min"
        case .amax: "max"
        case .softmax, .logSoftmax, .logsumexp: rawValue
        case .bceLogits, .softmaxCrossEntropy: rawValue
        case .where, .clip, .reshape: rawValue
        case .index: nil
        case .concat: rawValue
        case .embedding: rawValue
        case .layerNorm, .batchNorm, .conv2d, .maxPool, .avgPool, .dropout: rawValue
        }
    }

    /// Whether each element calls a transcendental function (exp, log, pow, ...): the work budget
    /// counts such an element as several multiply-adds.
    public var isTranscendental: Bool {
        switch self {
        case .power, .exp, .log, .sigmoid, .tanh, .sqrt, .softmax, .logSoftmax, .logsumexp, .bceLogits,
             .softmaxCrossEntropy: true
        case .layerNorm, .batchNorm: true
        case .conv2d, .maxPool, .avgPool, .dropout: false
        case .add, .subtract, .multiply, .divide, .negate, .matmul, .relu, .abs, .sum, .mean, .maximum, .minimum,
             .amax, .amin, .transpose, .greater, .less, .greaterEqual, .lessEqual, .equal, .notEqual, .where, .clip, .reshape, .index, .concat, .embedding: false
        }
    }

    /// A comparison (`a > b`, ...): a 0/1 mask through which no gradient flows, as in NumPy and
    /// PyTorch, where a comparison gives booleans.
    public var isComparison: Bool {
        switch self {
        case .greater, .less, .greaterEqual, .lessEqual, .equal, .notEqual: true
        case .add, .subtract, .multiply, .divide, .negate, .matmul, .power, .exp, .log, .sigmoid, .tanh, .relu, .sqrt,
             .abs, .sum, .mean, .maximum, .minimum, .amax, .amin, .softmax, .logSoftmax, .logsumexp, .transpose,
             .bceLogits, .softmaxCrossEntropy, .where, .clip, .reshape, .index, .concat, .embedding: false
        case .layerNorm, .batchNorm, .conv2d, .maxPool, .avgPool, .dropout: false
        }
    }

    /// A loss of logits and targets (hints list the losses after the other functions).
    public var isLoss: Bool { family == .loss }

    /// The operator a block writes between (or before) its operands, or nil for functions.
    public var operatorSymbol: String? {
        switch self {
        case .add: "+"
        case .subtract, .negate: "-"
        case .multiply: "*"
        case .divide: "/"
        case .matmul: "@"
        case .power: "^"
        case .greater: ">"
        case .less: "<"
        case .greaterEqual: ">="
        case .lessEqual: "<="
        case .equal: "=="
        case .notEqual: "!="
        case .exp, .log, .sigmoid, .tanh, .relu, .sqrt, .abs, .sum, .mean, .maximum, .minimum, .amax, .amin, .softmax,
             .logSoftmax, .logsumexp, .transpose, .bceLogits, .softmaxCrossEntropy, .where, .clip, .reshape, .index, .concat, .embedding: nil
        case .layerNorm, .batchNorm, .conv2d, .maxPool, .avgPool, .dropout: nil
        }
    }

    /// Whether a call may give `axis:` and `keepdims:` (`sum(x, axis: 1)`).
    public var takesAxis: Bool {
        // The norms' axis is part of what they are (rows for layer_norm, the batch for batch_norm).
        if !namedOptions.isEmpty { return false }
        return switch family {
        case .reduction, .normalization, .concat: true
        case .binary, .unary, .matmul, .transpose, .loss, .ternary, .reshape, .index, .embedding, .convolution, .pooling: false
        }
    }

    /// Whether the op works along the last axis when no `axis:` is given (softmax and its kin),
    /// rather than over every element (sum, mean).
    public var defaultsToLastAxis: Bool {
        switch self {
        case .softmax, .logSoftmax, .logsumexp, .layerNorm: true
        case .batchNorm, .conv2d, .maxPool, .avgPool, .dropout: false
        case .add, .subtract, .multiply, .divide, .negate, .matmul, .power, .exp, .log, .sigmoid, .tanh, .relu, .sqrt,
             .abs, .sum, .mean, .maximum, .minimum, .amax, .amin, .transpose, .bceLogits, .softmaxCrossEntropy,
             .greater, .less, .greaterEqual, .lessEqual, .equal, .notEqual, .where, .clip, .reshape, .index, .concat, .embedding: false
        }
    }

    /// The axis the op works along when the call names none: -1 for softmax, its kin and
    /// layer_norm, 0 (the batch) for batch_norm, nil (every element) for the reductions.
    public var defaultAxis: Int? {
        self == .batchNorm ? 0 : defaultsToLastAxis ? -1 : nil
    }

    /// The named options a call may give other than `axis:`/`keepdims:`, with their defaults
    /// and least values: the norms' `eps:` (any number, carried where `pow` carries its exponent),
    /// and the whole numbers of conv2d and the pools (carried as `[size, stride, padding(, channels)]`, see
    /// `WindowOption`). A pool's stride left out is its size, as in PyTorch. Dropout's `p:` (a
    /// probability below 1, carried as the exponent) and `seed:` (carried as `[seed]`).
    public var namedOptions: [NamedOption] {
        switch self {
        case .layerNorm, .batchNorm: [NamedOption("eps", 1e-5, least: 0, whole: false)]
        case .conv2d: [NamedOption("stride", 1, least: 1), NamedOption("padding", 0, least: 0),
                       NamedOption("in_channels", 1, least: 1), NamedOption("out_channels", 1, least: 1)]
        case .maxPool, .avgPool: [NamedOption("size", 2, least: 1), NamedOption("stride", 2, least: 1), NamedOption("channels", 1, least: 1)]
        case .dropout: [NamedOption("p", 0.5, least: 0, below: 1, whole: false), NamedOption("seed", 0, least: 0)]
        case .add, .subtract, .multiply, .divide, .negate, .matmul, .power, .exp, .log, .sigmoid, .tanh, .relu, .sqrt, .abs,
             .sum, .mean, .maximum, .minimum, .amax, .amin, .softmax, .logSoftmax, .logsumexp, .transpose, .bceLogits,
             .softmaxCrossEntropy, .greater, .less, .greaterEqual, .lessEqual, .equal, .notEqual, .where, .clip, .reshape,
             .index, .concat, .embedding: []
        }
    }

    /// The op whose trace name is `name`, or nil (leaves and unknown names).
    public init?(traceName name: String) {
        guard let op = Operation.allCases.first(where: { $0.traceName == name }) else { return nil }
        self = op
    }
}

/// One named option of a call (`stride: 2`), its default and its least value.
public struct NamedOption: Sendable {
    public let name: String
    public let `default`: Double
    public let least: Double
    /// A bound the value must stay below (dropout's p < 1), or nil.
    public let below: Double?
    /// Whether only whole numbers are allowed (sizes, strides, padding, seeds).
    public let whole: Bool

    init(_ name: String, _ value: Double, least: Double, below: Double? = nil, whole: Bool = true) {
        self.name = name
        self.default = value
        self.least = least
        self.below = below
        self.whole = whole
    }
}

/// How conv2d and the pools slide their window: its size (the pools'; conv2d's is its kernel's
/// shape), the step between windows, the zeros added around the image (conv2d only), and the
/// channels stacked along the rows of the image (`inChannels`) and of the result (`outChannels`;
/// a pool keeps its channels, so both are its `channels:`). Tensors have at most two axes, so
/// channel c of a (C·H)×W image is its rows c·H ..< (c+1)·H (Kernels+Conv.swift).
/// Carried as `[size, stride, padding]`, followed by `inChannels, outChannels` only when one of
/// them is not 1 (`ProgramNode.dims`, the trace's `window`), so one-channel graphs are unchanged.
public struct WindowOption: Hashable, Sendable {
    public var size: Int
    public var stride: Int
    public var padding: Int
    public var inChannels: Int
    public var outChannels: Int

    public init(size: Int = 0, stride: Int = 1, padding: Int = 0, inChannels: Int = 1, outChannels: Int = 1) {
        self.size = size
        self.stride = stride
        self.padding = padding
        self.inChannels = inChannels
        self.outChannels = outChannels
    }

    /// From `[size, stride, padding, inChannels, outChannels]` (missing entries take the defaults).
    public init(_ numbers: [Int]) {
        func at(_ i: Int, _ otherwise: Int) -> Int { numbers.count > i ? numbers[i] : otherwise }
        self.init(size: at(0, 0), stride: at(1, 1), padding: at(2, 0), inChannels: at(3, 1), outChannels: at(4, 1))
    }

    /// Whether the image has more than one channel or the result does.
    public var hasChannels: Bool { inChannels != 1 || outChannels != 1 }

    public var numbers: [Int] { [size, stride, padding] + (hasChannels ? [inChannels, outChannels] : []) }
}
