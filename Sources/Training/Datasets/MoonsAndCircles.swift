import Autodiff
extension Datasets {
    /// Two interleaving half circles, as scikit-learn's `make_moons(shuffle=False)`: the first
    /// n/2 (rounded down) points on the upper moon (cos t, sin t), t evenly spaced over [0, π],
    /// y = 0; the rest on the lower moon (1 − cos t, 1/2 − sin t), y = 1. Then Gaussian noise of
    /// standard deviation `noise` is added to every coordinate, row by row. X n×2, y n×1.
    package static func moons(n: Int = 200, noise: Double = 0.1, seed: UInt64 = 0) throws(ArgumentError) -> Dataset {
        try Check.count(n, "n", in: DatasetLimits.examples)
        try Check.atLeast(noise, 0, "noise")
        let outer = n / 2, inner = n - outer
        var points: [Double] = []
        points.reserveCapacity(2 * n)
        for t in linspace(0, .pi, outer) { points += [DeterministicMath.cos(t), DeterministicMath.sin(t)] }
        for t in linspace(0, .pi, inner) { points += [1 - DeterministicMath.cos(t), 1 - DeterministicMath.sin(t) - 0.5] }
        addNoise(&points, noise, seed)
        return try Dataset(name: "moons",
                           description: "\(show(n)) points on two interleaving half circles (scikit-learn's moons), noise \(show(noise)); y = 0 upper moon, 1 lower moon",
                           X: try matrix(n, 2, points), y: try matrix(n, 1, labels(outer, inner)))
    }

    /// Two concentric circles, as scikit-learn's `make_circles(shuffle=False)`: n/2 (rounded
    /// down) points on the unit circle at angles evenly spaced over [0, 2π) (y = 0), the rest
    /// on a circle of radius `factor` (y = 1); then Gaussian noise as in `moons`. X n×2, y n×1.
    package static func circles(n: Int = 200, noise: Double = 0.05, factor: Double = 0.5, seed: UInt64 = 0) throws(ArgumentError) -> Dataset {
        try Check.count(n, "n", in: DatasetLimits.examples)
        try Check.atLeast(noise, 0, "noise")
        try Check.inHalfOpen(factor, 0, 1, "factor")
        let outer = n / 2, inner = n - outer
        var points: [Double] = []
        points.reserveCapacity(2 * n)
        for t in linspace(0, 2 * .pi, outer, endpoint: false) { points += [DeterministicMath.cos(t), DeterministicMath.sin(t)] }
        for t in linspace(0, 2 * .pi, inner, endpoint: false) {
            points += [DeterministicMath.cos(t) * factor, DeterministicMath.sin(t) * factor]
        }
        addNoise(&points, noise, seed)
        return try Dataset(name: "circles",
                           description: "\(show(n)) points on two concentric circles, inner radius \(show(factor)) (scikit-learn's circles), noise \(show(noise)); y = 0 outer, 1 inner",
                           X: try matrix(n, 2, points), y: try matrix(n, 1, labels(outer, inner)))
    }

    /// `first` zeros then `second` ones.
    static func labels(_ first: Int, _ second: Int) -> [Double] {
        Array(repeating: 0, count: first) + Array(repeating: 1, count: second)
    }

    /// Adds noise · N(0, 1) to each number in order; nothing is drawn when noise is 0.
    static func addNoise(_ values: inout [Double], _ noise: Double, _ seed: UInt64) {
        guard noise > 0 else { return }
        var rng = SeededRandom(seed: seed)
        for i in values.indices { values[i] += noise * rng.normal() }
    }
}
