/// Compares the gradients from `Plan.backward()` with central finite differences.
package enum GradientCheck {
    /// The worst element of one leaf: its relative error (see `relativeError`), where it is, and
    /// the analytic and numeric derivatives of sum(output) there.
    package struct Result: Sendable, Equatable {
        /// The leaf checked.
        package let node: NodeID
        /// Largest relative error over the leaf's elements (NaN if any derivative was NaN).
        package let maxRelativeError: Double
        /// Row-major index of that element.
        package let worstIndex: Int
        /// ∂sum(output)/∂leaf[worstIndex] from backward().
        package let analytic: Double
        /// The central finite difference at the same element.
        package let numeric: Double
        /// The part of `maxRelativeError` that rounding in sum(output) alone can explain at that
        /// element (see `roundingError`): a check fails only beyond tolerance plus this.
        package let roundingError: Double
    }

    /// The relative error that rounding alone can cause in a central difference with steps
    /// `up − down` of a sum whose terms add up to `absoluteSum` in magnitude: each of the two
    /// sums is off by a few ε·absoluteSum, which the division by the step magnifies. Negligible
    /// for ordinary graphs (about 1e-10), but `sum(x)` over a million numbers differs from
    /// the analytic 1 by several 1e-6 for this reason alone.
    static func roundingError(absoluteSum: Double, step: Double, analytic a: Double, numeric n: Double) -> Double {
        let absolute = 16 * Double.ulpOfOne * absoluteSum / step
        let scale = max(abs(a), abs(n))
        return scale > 1e-10 ? absolute / max(scale, 1e-8) : absolute
    }

    /// Error of analytic `a` against numeric `n`: |a − n| / max(|a|, |n|, 1e-8) when
    /// max(|a|, |n|) > 1e-10, else the absolute difference |a − n| (both are essentially zero,
    /// and a ratio would only measure rounding noise).
    package static func relativeError(analytic a: Double, numeric n: Double) -> Double {
        let scale = max(abs(a), abs(n))
        guard scale > 1e-10 else { return abs(a - n) }
        return abs(a - n) / max(scale, 1e-8)
    }

    /// How much work the finite differences may do in all, counted in numbers computed plus
    /// steps run (each checked element costs two forward passes over the whole plan). Checking
    /// every element of every leaf is quadratic in the graph's size; beyond this budget the check
    /// covers an even spread of elements (and, past one element per leaf, an even spread of
    /// leaves), so a large block cannot stall the build. Ordinary blocks are checked in full.
    package static let maxWork = 20_000_000

    /// For each leaf, every element x (or an even spread of them, see `maxWork`):
    /// numeric = (f(x + h) − f(x − h)) / 2h with f = sum(output) and h = 1e-5 · max(1, |x|),
    /// against the analytic gradient from backward(). Leaves all values and gradients exactly as
    /// it found them. Throws if an ID is not a leaf of the plan.
    package static func run(_ plan: Plan, leaves: [NodeID], maxWork: Int = maxWork) throws(PlanError) -> [Result] {
        var ranges: [Int] = []
        for id in leaves { ranges.append(try plan.leafRange(id).count) }
        let perElement = max(1, 2 * (plan.gradientBase + plan.forwardSteps.count))
        let budget = max(1, maxWork / perElement)
        let chosen = budget >= leaves.count ? Array(leaves.indices) : checkedElements(count: leaves.count, limit: budget)
        let perLeaf = ranges.reduce(0, +) <= budget ? Int.max : max(1, budget / max(1, chosen.count))
        let saved = plan.snapshot()
        defer { plan.restore(saved) }

        plan.forward()
        plan.backward()
        let absoluteSum = plan.outputAbsoluteSum()
        var results: [Result] = []
        for (id, count) in chosen.map({ (leaves[$0], ranges[$0]) }) {
            guard let analytic = plan.gradient(id)?.scalars else { continue }
            var worst = (error: 0.0, index: 0, numeric: 0.0)
            var foundWorst = false
            for i in checkedElements(count: count, limit: perLeaf) {
                let numeric = centralDifference(plan, id, i)
                let error = relativeError(analytic: analytic[i], numeric: numeric)
                // `!(error <= worst)` also catches NaN, which must never be hidden.
                if !foundWorst || !(error <= worst.error) && !worst.error.isNaN {
                    worst = (error, i, numeric)
                    foundWorst = true
                }
            }
            let x = plan.element(id, worst.index)
            let step = (x + 1e-5 * max(1, abs(x))) - (x - 1e-5 * max(1, abs(x)))
            results.append(Result(node: id, maxRelativeError: worst.error, worstIndex: worst.index,
                                  analytic: analytic[worst.index], numeric: worst.numeric,
                                  roundingError: roundingError(absoluteSum: absoluteSum, step: step,
                                                               analytic: analytic[worst.index], numeric: worst.numeric)))
        }
        return results
    }

    /// All of `0..<count`, or `limit` indices spread evenly from the first to the last (just
    /// the first for a limit of 1).
    static func checkedElements(count: Int, limit: Int) -> [Int] {
        guard count > limit else { return Array(0..<count) }
        guard limit > 1 else { return [0] }
        var indices: [Int] = []
        for k in 0..<limit {
            let i = Int((Double(k) * Double(count - 1) / Double(limit - 1)).rounded())
            if indices.last != i { indices.append(i) }
        }
        return indices
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
