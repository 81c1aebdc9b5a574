import Autodiff
extension Datasets {
    /// A noisy straight line: x evenly spaced over [−1, 1], y = slope · x + intercept +
    /// noise · N(0, 1). X n×1, y n×1.
    package static func line(n: Int = 50, slope: Double = 2, intercept: Double = 1, noise: Double = 0.1,
                             seed: UInt64 = 0) throws(ArgumentError) -> Dataset {
        try Check.count(n, "n", in: DatasetLimits.examples)
        try Check.finite(slope, "slope")
        try Check.finite(intercept, "intercept")
        try Check.atLeast(noise, 0, "noise")
        let xs = linspace(-1, 1, n)
        var ys = xs.map { slope * $0 + intercept }
        addNoise(&ys, noise, seed)
        return try Dataset(name: "line",
                           description: "\(show(n)) points y = \(show(slope))x + \(show(intercept)) plus noise \(show(noise)), x evenly spaced in [−1, 1]",
                           X: try matrix(n, 1, xs), y: try matrix(n, 1, ys))
    }

    /// A noisy sine wave: x evenly spaced over [−π, π], y = sin x + noise · N(0, 1). X n×1, y n×1.
    package static func sine(n: Int = 100, noise: Double = 0.1, seed: UInt64 = 0) throws(ArgumentError) -> Dataset {
        try Check.count(n, "n", in: DatasetLimits.examples)
        try Check.atLeast(noise, 0, "noise")
        let xs = linspace(-.pi, .pi, n)
        var ys = xs.map(DeterministicMath.sin)
        addNoise(&ys, noise, seed)
        return try Dataset(name: "sine",
                           description: "\(show(n)) points y = sin x plus noise \(show(noise)), x evenly spaced in [−π, π]",
                           X: try matrix(n, 1, xs), y: try matrix(n, 1, ys))
    }
}
