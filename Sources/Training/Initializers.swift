import Autodiff

/// Starting values for parameters. Random ones draw from a `SeededRandom` one element at a
/// time in row-major order (row 0 left to right, then row 1, ...), so a seed fixes them all.
///
/// Fans follow the lessons' convention that a layer computes X @ W: a weight matrix is
/// inputs × outputs, so fan_in = rows and fan_out = cols; a vector of n (a bias) has
/// fan_in = fan_out = n, and a scalar 1.
package enum Initializers {
    /// The most elements one initializer fills.
    package static let maxElements = 1_000_000

    /// A shape from a lesson's dimension list ([] scalar, [n] vector, [rows, cols] matrix);
    /// throws for more than two dimensions, a dimension below 1, or too many elements.
    package static func shape(_ dims: [Int]) throws(ArgumentError) -> Shape {
        let shape: Shape
        switch dims.count {
        case 0: shape = .scalar
        case 1: shape = .vector(dims[0])
        case 2: shape = .matrix(dims[0], dims[1])
        default: throw ArgumentError("shape", "a shape has at most 2 dimensions (rows, columns), got \(dims.count)")
        }
        try check(shape)
        return shape
    }

    /// Every element uniform in [low, high).
    package static func uniform(_ low: Double, _ high: Double, shape: Shape, using rng: inout SeededRandom) throws(ArgumentError) -> Tensor {
        try Check.finite(low, "low")
        try Check.finite(high, "high")
        guard high > low else {
            throw ArgumentError("high", "uniform needs low < high, got low = \(show(low)) and high = \(show(high))")
        }
        return try fill(shape) { rng.uniform(low, high) }
    }

    /// Every element normal with the given mean and standard deviation (std 0 gives the mean).
    package static func normal(mean: Double, std: Double, shape: Shape, using rng: inout SeededRandom) throws(ArgumentError) -> Tensor {
        try Check.finite(mean, "mean")
        try Check.atLeast(std, 0, "std")
        return try fill(shape) { rng.normal(mean: mean, std: std) }
    }

    /// Glorot/Xavier uniform: U(−a, a) with a = √(6 / (fan_in + fan_out)), which keeps the
    /// variance of activations and gradients about equal from layer to layer for tanh.
    package static func xavier(shape: Shape, using rng: inout SeededRandom) throws(ArgumentError) -> Tensor {
        let (fanIn, fanOut) = fans(shape)
        let a = (6 / Double(fanIn + fanOut)).squareRoot()
        return try uniform(-a, a, shape: shape, using: &rng)
    }

    /// He/Kaiming normal: N(0, 2 / fan_in), for layers followed by relu (which zeroes half
    /// the signal, so the variance is doubled to make up for it).
    package static func he(shape: Shape, using rng: inout SeededRandom) throws(ArgumentError) -> Tensor {
        let (fanIn, _) = fans(shape)
        return try normal(mean: 0, std: (2 / Double(fanIn)).squareRoot(), shape: shape, using: &rng)
    }

    /// All zeros (draws nothing).
    package static func zeros(shape: Shape) throws(ArgumentError) -> Tensor {
        try fill(shape) { 0 }
    }

    /// (fan_in, fan_out): (rows, cols) for a matrix, (n, n) for a vector, (1, 1) for a scalar.
    static func fans(_ shape: Shape) -> (in: Int, out: Int) {
        switch shape.dims.count {
        case 2: (shape.dims[0], shape.dims[1])
        case 1: (shape.dims[0], shape.dims[0])
        default: (1, 1)
        }
    }

    /// Dimensions at least 1 and at most `maxElements` elements in all.
    static func check(_ shape: Shape) throws(ArgumentError) {
        guard shape.dims.allSatisfy({ $0 >= 1 }) else {
            throw ArgumentError("shape", "every dimension of a shape must be at least 1, got \(shape.dims.map { show($0) }.joined(separator: "x"))")
        }
        var total = 1
        for d in shape.dims {
            let (product, overflow) = total.multipliedReportingOverflow(by: d)
            guard !overflow, product <= maxElements else {
                throw ArgumentError("shape", "a parameter may hold at most \(show(maxElements)) numbers; \(shape) is larger")
            }
            total = product
        }
    }

    /// A tensor of `shape` whose elements come from `next`, in row-major order.
    private static func fill(_ shape: Shape, _ next: () -> Double) throws(ArgumentError) -> Tensor {
        try check(shape)
        let scalars = (0..<shape.count).map { _ in next() }
        do {
            return try Tensor(shape: shape, scalars: scalars)
        } catch {
            throw ArgumentError("shape", error.message)
        }
    }
}
