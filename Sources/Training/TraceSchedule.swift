/// Which training steps keep a full trace (every node's value and gradient).
///
/// - `every(n)`: steps 0, n, 2n, ...
/// - `log(n)`: about n steps spaced evenly on a log scale, dense at the start where most changes.
/// - default: about `defaultCount` evenly spaced steps.
/// The first and the last step are always traced. The count is bounded by `maxSteps`, and by
/// `maxNumbers` numbers in all (values plus gradients of every node at every traced step):
/// beyond either bound the schedule is thinned evenly, keeping the first and the last step.
/// Cheap per-step figures (validation loss, gradient sizes) use the schedule before the
/// `maxNumbers` thinning (`observedSteps`), so big models keep detailed charts.
package enum TraceSchedule: Sendable, Equatable {
    case every(Int)
    case log(Int)
    case automatic
    /// Only the last step is traced; the cheap figures are observed as `automatic` would.
    case last

    package static let defaultCount = 50
    package static let maxSteps = 1_000
    /// About 0.7 MB of trace JSON (0.3 MB gzip-compressed): a page's trace is a download, the whole
    /// course (two editions, 16 lessons and growing) must stay under 25 MB, and builds must stay
    /// fast; a model of a hundred examples still keeps a few steps to scrub through besides the
    /// first and the last, and a bigger one keeps those two.
    package static let maxNumbers = 40_000

    /// The traced steps for a run of `epochs` steps over a graph holding `graphNumbers` numbers.
    package func steps(epochs: Int, graphNumbers: Int) -> [Int] {
        if self == .last { return epochs > 0 ? [epochs - 1] : [] }
        var unique = observedSteps(epochs: epochs)
        let perStep = max(1, 2 * graphNumbers)
        let limit = max(2, min(Self.maxSteps, Self.maxNumbers / perStep))
        if unique.count > limit { unique = Self.thin(unique, to: limit) }
        return unique
    }

    /// The scheduled steps before the size bound: where cheap per-step figures are recorded.
    package func observedSteps(epochs: Int) -> [Int] {
        guard epochs > 0 else { return [] }
        let last = epochs - 1
        var chosen: [Int]
        switch self {
        case .every(let n):
            chosen = Array(stride(from: 0, through: last, by: max(1, n)))
        case .log(let n):
            let count = max(2, n)
            chosen = (0..<count).map { k in
                // 1 ... epochs, log-spaced, then shifted to 0-based steps.
                let t = Double(k) / Double(count - 1)
                return Int((Self.power(Double(epochs), t)).rounded()) - 1
            }
        case .automatic, .last:
            chosen = Array(stride(from: 0, through: last, by: max(1, epochs / Self.defaultCount)))
        }
        chosen.append(0)
        chosen.append(last)
        let unique = Array(Set(chosen.map { min(max($0, 0), last) })).sorted()
        return unique.count > Self.maxSteps ? Self.thin(unique, to: Self.maxSteps) : unique
    }

    /// Keeps `count` entries spread evenly, always including the first and the last.
    static func thin(_ steps: [Int], to count: Int) -> [Int] {
        guard steps.count > count, count >= 2 else { return steps }
        var kept: [Int] = []
        for k in 0..<count {
            let index = Int((Double(k) * Double(steps.count - 1) / Double(count - 1)).rounded())
            if kept.last != steps[index] { kept.append(steps[index]) }
        }
        return kept
    }

    /// x^t for x ≥ 1 and t in [0, 1], by repeated square roots (exact IEEE operations only), so
    /// schedules are identical on every platform.
    static func power(_ x: Double, _ t: Double) -> Double {
        var result = 1.0, root = x, remaining = t
        for _ in 0..<52 {
            root = root.squareRoot()
            remaining *= 2
            if remaining >= 1 { result *= root; remaining -= 1 }
        }
        return result
    }
}

/// The loss of every training step, for the loss curve. Runs longer than `maxPoints` steps keep
/// every k-th step (k = ⌈steps / maxPoints⌉) plus the last one, so memory stays bounded.
package struct LossHistory: Sendable, Equatable, Codable {
    package static let maxPoints = 200_000

    package private(set) var steps: [Int] = []
    package private(set) var values: [Double] = []
    package let stride: Int

    package init(epochs: Int) {
        stride = max(1, (epochs + Self.maxPoints - 1) / Self.maxPoints)
        steps.reserveCapacity(min(epochs, Self.maxPoints) + 1)
        values.reserveCapacity(min(epochs, Self.maxPoints) + 1)
    }

    /// Records the loss of `step` if it is one that is kept (`isLast` forces it).
    package mutating func record(step: Int, loss: Double, isLast: Bool = false) {
        guard step % stride == 0 || isLast else { return }
        if steps.last == step { return }
        steps.append(step)
        values.append(loss)
    }
}
