import Autodiff
extension Datasets {
    /// The most classes `spiral` draws (and the fewest, 2).
    package static let spiralClasses = 2...10

    /// Spiral arms, one per class, as in Stanford's cs231n notes. The n points are split as
    /// evenly as possible (the first n mod k classes get one more). Class j's m points have
    /// radius r evenly spaced over [0, 1] and angle t evenly spaced over [4j, 4(j + 1)] plus
    /// `noise` · N(0, 1); the point is (r sin t, r cos t). X n×2, y n×k one-hot.
    package static func spiral(n: Int = 300, classes: Int = 3, noise: Double = 0.2, seed: UInt64 = 0) throws(ArgumentError) -> Dataset {
        try Check.count(n, "n", in: DatasetLimits.examples)
        try Check.count(classes, "classes", in: spiralClasses)
        try Check.atLeast(noise, 0, "noise")
        guard n >= classes else {
            throw ArgumentError("n", "spiral needs at least one point per class: n = \(show(n)) is less than classes = \(show(classes))")
        }
        var rng = SeededRandom(seed: seed)
        var points: [Double] = [], oneHot: [Double] = []
        points.reserveCapacity(2 * n)
        oneHot.reserveCapacity(classes * n)
        for j in 0..<classes {
            let m = n / classes + (j < n % classes ? 1 : 0)
            let radii = linspace(0, 1, m)
            let angles = linspace(4 * Double(j), 4 * Double(j + 1), m)
            for i in 0..<m {
                let t = angles[i] + (noise > 0 ? noise * rng.normal() : 0)
                points += [radii[i] * DeterministicMath.sin(t), radii[i] * DeterministicMath.cos(t)]
                oneHot += (0..<classes).map { $0 == j ? 1 : 0 }
            }
        }
        return try Dataset(name: "spiral",
                           description: "\(show(n)) points on \(show(classes)) spiral arms (cs231n), angle noise \(show(noise)); y one-hot, one column per arm",
                           X: try matrix(n, 2, points), y: try matrix(n, classes, oneHot))
    }
}
