import Autodiff

/// Examples to train on: inputs `X` (n×d, one example per row) and targets `y` (n×1 for
/// binary labels and regression, n×k one-hot for k classes), with a one-line description.
package struct Dataset: Sendable, Equatable {
    /// "moons", "xor", a CSV file's name, ...
    package let name: String
    /// One line for pages: what the points are and how they were made.
    package let description: String
    /// Inputs, n×d.
    package let X: Tensor
    /// Targets, n×1 or n×k.
    package let y: Tensor

    /// A data set from matrices with one row per example; throws unless both are matrices
    /// with the same number of rows.
    package init(name: String, description: String, X: Tensor, y: Tensor) throws(ArgumentError) {
        guard X.shape.dims.count == 2, y.shape.dims.count == 2 else {
            throw ArgumentError(nil, "X and y must be matrices with one row per example, got \(X.shape) and \(y.shape)")
        }
        guard X.shape.dims[0] == y.shape.dims[0] else {
            throw ArgumentError(nil, "X has \(show(X.shape.dims[0])) rows but y has \(show(y.shape.dims[0])): each example needs one row in both")
        }
        self.name = name
        self.description = description
        self.X = X
        self.y = y
    }

    /// Number of examples (rows).
    package var count: Int { X.shape.dims.first ?? 0 }

    /// Splits the examples at random (seeded) into a training part of round(fraction · n)
    /// examples and a validation part with the rest, each in shuffled order. Throws unless
    /// 0 < fraction < 1 and both parts get at least one example.
    package func split(fraction: Double, seed: UInt64) throws(ArgumentError) -> (train: Dataset, validation: Dataset) {
        guard fraction > 0, fraction < 1 else {
            throw ArgumentError("fraction", "fraction must be between 0 and 1 (the share used for training), got \(show(fraction))")
        }
        let n = count
        let trainCount = Int((fraction * Double(n)).rounded())
        guard trainCount >= 1, trainCount <= n - 1 else {
            throw ArgumentError("fraction", "a split of \(show(fraction)) of \(show(n)) examples leaves "
                + (trainCount < 1 ? "none for training" : "none for validation") + ": each side needs at least one")
        }
        var rng = SeededRandom(seed: seed)
        let order = rng.permutation(n)
        let train = try rows(Array(order[..<trainCount]), suffix: "training part")
        let validation = try rows(Array(order[trainCount...]), suffix: "validation part")
        return (train, validation)
    }

    /// The given rows, in the given order, as a new data set.
    func rows(_ indices: [Int], suffix: String) throws(ArgumentError) -> Dataset {
        let (d, k) = (X.shape.dims[1], y.shape.dims[1])
        var xs: [Double] = [], ys: [Double] = []
        xs.reserveCapacity(indices.count * d)
        ys.reserveCapacity(indices.count * k)
        for i in indices {
            xs += X.scalars[(i * d)..<((i + 1) * d)]
            ys += y.scalars[(i * k)..<((i + 1) * k)]
        }
        return try Dataset(name: "\(name) (\(suffix))", description: "\(show(indices.count)) of: \(description)",
                           X: try matrix(indices.count, d, xs), y: try matrix(indices.count, k, ys))
    }
}

/// NumPy's `linspace`: `count` numbers from `start` by equal steps, i · step + start, with the
/// last one exactly `stop` when `endpoint` is true (and step = (stop − start)/(count − 1));
/// without endpoint, step = (stop − start)/count. One number is just `start`. Same operations
/// as NumPy, so the same Doubles.
func linspace(_ start: Double, _ stop: Double, _ count: Int, endpoint: Bool = true) -> [Double] {
    guard count > 0 else { return [] }
    let divisions = endpoint ? count - 1 : count
    guard divisions > 0 else { return [start] }
    let step = (stop - start) / Double(divisions)
    var values = (0..<count).map { Double($0) * step + start }
    if endpoint { values[count - 1] = stop }
    return values
}

/// The limits every generator shares.
enum DatasetLimits {
    /// At most this many examples: plenty for a lesson, small enough to train at build time.
    static let maxExamples = 100_000
    static let examples = 1...maxExamples
}
