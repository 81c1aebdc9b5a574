/// Compares the gradients from `Plan.backward()` with finite differences, built never to reject
/// a correct gradient: steps relative to each input's magnitude, Richardson extrapolation of two
/// central differences, and an allowance for what the step (truncation) and rounding can explain,
/// so only a real disagreement fails.
package enum GradientCheck {
    /// The worst element of one leaf: its relative error against the finite difference, what the
    /// finite difference's own uncertainty allows there, and both derivatives.
    package struct Result: Sendable, Equatable {
        /// The leaf checked.
        package let node: NodeID
        /// Relative error (see `relativeError`) at the worst element (NaN if a derivative was NaN).
        package let maxRelativeError: Double
        /// Row-major index of that element.
        package let worstIndex: Int
        /// ∂sum(output)/∂leaf[worstIndex] from backward().
        package let analytic: Double
        /// The finite-difference estimate at the same element.
        package let numeric: Double
        /// The relative error the estimate's truncation and rounding can explain at that element:
        /// a check fails only beyond `tolerance` plus this.
        package let allowedError: Double
        /// No step size gave a conclusive estimate at that element (a pole, a kink or an
        /// overflow nearby): the element is not held against the gradient.
        package let inconclusive: Bool

        /// Whether the analytic gradient agrees with the finite differences.
        package var passed: Bool { inconclusive || maxRelativeError <= tolerance + allowedError }
    }

    /// Relative disagreement beyond what the finite differences can explain that fails a check.
    package static let tolerance = 1e-6

    /// An estimate whose own uncertainty exceeds this (relative) is not used to judge a gradient.
    static let conclusive = 1e-2

    /// Error of analytic `a` against numeric `n`: |a − n| / max(|a|, |n|, 1e-8) when
    /// max(|a|, |n|) > 1e-10, else the absolute difference |a − n| (both are essentially zero,
    /// and a ratio would only measure rounding noise).
    package static func relativeError(analytic a: Double, numeric n: Double) -> Double {
        let scale = max(abs(a), abs(n))
        guard scale > 1e-10 else { return abs(a - n) }
        return abs(a - n) / max(scale, 1e-8)
    }

    /// How much work the finite differences may do in all, in multiply-adds (see
    /// `GraphBuilder.forwardCost`; each checked element costs up to `evaluationsPerElement`
    /// forward passes). Checking every element of every leaf is quadratic in the graph's size;
    /// beyond this budget the check covers an even spread of elements (and, past one element per
    /// leaf, an even spread of leaves), so a large block cannot stall the build.
    package static let maxWork = 200_000_000

    /// Forward passes per element at most: two central differences at each of three step sizes.
    package static let evaluationsPerElement = 12

    /// For each leaf, every element (or an even spread of them, see `maxWork`), against the
    /// analytic gradient from backward(). Leaves all values and gradients exactly as it found
    /// them. Throws if an ID is not a leaf of the plan.
    package static func run(_ plan: Plan, leaves: [NodeID], maxWork: Int = maxWork) throws(PlanError) -> [Result] {
        for id in leaves { _ = try plan.leafRange(id) }
        let saved = plan.snapshot()
        defer { plan.restore(saved) }
        plan.forward()
        plan.backward()
        let analytic = leaves.map { plan.gradient($0)?.scalars ?? [] }
        return compare(plan, leaves: leaves, analytic: analytic, maxWork: maxWork)
    }

    /// The comparison itself, with the analytic gradients given (so tests can hand it a wrong
    /// one); the plan must have just run forward and backward. Leaves its values perturbed.
    static func compare(_ plan: Plan, leaves: [NodeID], analytic: [[Double]], maxWork: Int = maxWork) -> [Result] {
        let counts = analytic.map(\.count)
        let perElement = max(1, evaluationsPerElement &*& (plan.graph.forwardCost() &+& plan.forwardSteps.count))
        let budget = max(1, maxWork / perElement)
        let chosen = budget >= leaves.count ? Array(leaves.indices) : checkedElements(count: leaves.count, limit: budget)
        let perLeaf = counts.reduce(0, +) <= budget ? Int.max : max(1, budget / max(1, chosen.count))
        let noise = Double.ulpOfOne * plan.roundingScale()

        var results: [Result] = []
        for k in chosen {
            let id = leaves[k]
            var worst: Result?
            for i in checkedElements(count: counts[k], limit: perLeaf) {
                let result = judge(plan, id, i, analytic: analytic[k][i], noise: noise)
                if worst.map({ isWorse(result, than: $0) }) ?? true { worst = result }
            }
            if let worst { results.append(worst) }
        }
        return results
    }

    /// Failing before passing, then by how much of its allowance the error uses; NaN is worst.
    static func isWorse(_ a: Result, than b: Result) -> Bool {
        if a.passed != b.passed { return !a.passed }
        if a.maxRelativeError.isNaN != b.maxRelativeError.isNaN { return a.maxRelativeError.isNaN }
        return a.maxRelativeError / (tolerance + a.allowedError) > b.maxRelativeError / (tolerance + b.allowedError)
    }

    /// One element: estimates at up to three step sizes (relative to the element, and one of
    /// about 1e-4 for elements far from 1), the first conclusive one that agrees passes it;
    /// otherwise the most certain estimate judges it.
    static func judge(_ plan: Plan, _ id: NodeID, _ i: Int, analytic a: Double, noise: Double) -> Result {
        let x = plan.element(id, i)
        let magnitude = x == 0 ? 1 : abs(x)
        var steps = [1e-5 * magnitude, 1e-3 * magnitude]
        if magnitude < 0.1 || magnitude > 10 { steps.append(1e-4) }
        var best: (numeric: Double, allowed: Double)?
        for h in steps {
            guard let (numeric, uncertainty) = richardson(plan, id, i, step: h, noise: noise) else { continue }
            let scale = max(abs(a), abs(numeric))
            let allowed = scale > 1e-10 ? 2 * uncertainty / max(scale, 1e-8) : 2 * uncertainty
            let error = relativeError(analytic: a, numeric: numeric)
            if allowed <= conclusive && error <= tolerance + allowed {
                return Result(node: id, maxRelativeError: error, worstIndex: i, analytic: a, numeric: numeric,
                              allowedError: allowed, inconclusive: false)
            }
            if best.map({ allowed < $0.allowed }) ?? true { best = (numeric, allowed) }
        }
        guard let best else {
            return Result(node: id, maxRelativeError: 0, worstIndex: i, analytic: a, numeric: .nan, allowedError: .infinity, inconclusive: true)
        }
        return Result(node: id, maxRelativeError: relativeError(analytic: a, numeric: best.numeric), worstIndex: i, analytic: a,
                      numeric: best.numeric, allowedError: best.allowed, inconclusive: !(best.allowed <= conclusive))
    }

    /// (4·D(h/2) − D(h)) / 3 from central differences D, and its uncertainty: |D(h) − D(h/2)|
    /// (far above the extrapolation's own truncation for a smooth function) plus what rounding
    /// of `noise` in each evaluation does once divided by the step. Nil when not finite.
    static func richardson(_ plan: Plan, _ id: NodeID, _ i: Int, step h: Double, noise: Double) -> (Double, Double)? {
        guard let (wide, wideStep) = centralDifference(plan, id, i, step: h),
              let (narrow, narrowStep) = centralDifference(plan, id, i, step: h / 2) else { return nil }
        let estimate = (4 * narrow - wide) / 3
        let rounding = (4 * 2 * noise / narrowStep + 2 * noise / wideStep) / 3
        let uncertainty = abs(wide - narrow) + rounding
        guard estimate.isFinite, uncertainty.isFinite else { return nil }
        return (estimate, uncertainty)
    }

    /// d sum(output) / d leaf[i] by central difference and the step actually taken (x ± h is
    /// rounded, and dividing by the real difference removes that error); leaves the element as it was.
    private static func centralDifference(_ plan: Plan, _ id: NodeID, _ i: Int, step h: Double) -> (Double, Double)? {
        let x = plan.element(id, i)
        let up = x + h, down = x - h
        guard up != down, up.isFinite, down.isFinite else { return nil }
        plan.setElement(id, i, up)
        plan.forward()
        let fUp = plan.outputSum()
        plan.setElement(id, i, down)
        plan.forward()
        let fDown = plan.outputSum()
        plan.setElement(id, i, x)
        let d = (fUp - fDown) / (up - down)
        return d.isFinite ? (d, up - down) : nil
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
}
