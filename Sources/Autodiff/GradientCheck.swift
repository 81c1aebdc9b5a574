/// Compares the gradients from `Plan.backward()` with central finite differences.
public enum GradientCheck {
    /// The worst element of one leaf: its relative error (see `relativeError`), where it is, and
    /// the analytic and numeric derivatives of sum(output) there.
    public struct Result: Sendable, Equatable {
        /// The leaf checked.
        public let node: NodeID
        /// Largest relative error over the leaf's elements (NaN if any derivative was NaN).
        public let maxRelativeError: Double
        /// Row-major index of that element.
        public let worstIndex: Int
        /// ∂sum(output)/∂leaf[worstIndex] from backward().
        public let analytic: Double
        /// The central finite difference at the same element.
        public let numeric: Double
    }

    /// Error of analytic `a` against numeric `n`: |a − n| / max(|a|, |n|, 1e-8) when
    /// max(|a|, |n|) > 1e-10, else the absolute difference |a − n| (both are essentially zero,
    /// and a ratio would only measure rounding noise).
    public static func relativeError(analytic a: Double, numeric n: Double) -> Double {
        let scale = max(abs(a), abs(n))
        guard scale > 1e-10 else { return abs(a - n) }
        return abs(a - n) / max(scale, 1e-8)
    }

    /// For each leaf, every element x: numeric = (f(x + h) − f(x − h)) / 2h with
    /// f = sum(output) and h = 1e-5 · max(1, |x|), against the analytic gradient from
    /// backward(). Leaves all values and gradients exactly as it found them. Throws if an ID
    /// is not a leaf of the plan.
    public static func run(_ plan: Plan, leaves: [NodeID]) throws(PlanError) -> [Result] {
        var ranges: [Int] = []
        for id in leaves { ranges.append(try plan.leafRange(id).count) }
        let saved = plan.snapshot()
        defer { plan.restore(saved) }

        plan.forward()
        plan.backward()
        var results: [Result] = []
        for (id, count) in zip(leaves, ranges) {
            guard let analytic = plan.gradient(id)?.scalars else { continue }
            var worst = (error: 0.0, index: 0, numeric: 0.0)
            var foundWorst = false
            for i in 0..<count {
                let numeric = centralDifference(plan, id, i)
                let error = relativeError(analytic: analytic[i], numeric: numeric)
                // `!(error <= worst)` also catches NaN, which must never be hidden.
                if !foundWorst || !(error <= worst.error) && !worst.error.isNaN {
                    worst = (error, i, numeric)
                    foundWorst = true
                }
            }
            results.append(Result(node: id, maxRelativeError: worst.error, worstIndex: worst.index,
                                  analytic: analytic[worst.index], numeric: worst.numeric))
        }
        return results
    }

    /// d sum(output) / d leaf[i] by central difference; leaves the element as it was.
    private static func centralDifference(_ plan: Plan, _ id: NodeID, _ i: Int) -> Double {
        let x = plan.element(id, i)
        let h = 1e-5 * max(1, abs(x))
        // Divide by the step actually taken: x ± h is rounded, and that rounding is not noise.
        let up = x + h, down = x - h
        plan.setElement(id, i, up)
        plan.forward()
        let fUp = plan.outputSum()
        plan.setElement(id, i, down)
        plan.forward()
        let fDown = plan.outputSum()
        plan.setElement(id, i, x)
        return (fUp - fDown) / (up - down)
    }
}
