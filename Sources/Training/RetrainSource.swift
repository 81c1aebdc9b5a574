import Autodiff

/// What a page needs to train a small model again in the browser: the compiled plan with the
/// starting values of every leaf (all training examples in one batch, the parameters as drawn),
/// the loss's and the parameters' engine nodes, and the sizes the budget is counted in.
package struct RetrainSource: Sendable, Equatable {
    /// The most parameters × examples × steps a page trains: about two seconds in a phone's
    /// browser for the shipped XOR lesson (9 × 4 × 50,000 = 1.8 million).
    package static let budget = 2_000_000

    /// The plan as `LessonsKernels.run` takes it (Plan+JavaScript), with the values before step 0.
    package var plan: String
    package var loss: Int
    package var parameters: [Int]
    package var examples: Int
    package var parameterCount: Int

    /// The most steps a reader may ask for: the budget over parameters × examples.
    package var maxSteps: Int { Self.budget / max(1, parameterCount * examples) }

    /// Whether a page may train the model again: every example in every step (no mini-batches,
    /// which would need the build's shuffles), no validation split, and within the budget.
    package static func fits(examples: Int, batch: Int, split: Bool, parameterCount: Int, steps: Int) -> Bool {
        guard batch == examples, !split, examples > 0, parameterCount > 0, steps > 0 else { return false }
        let (work, overflow) = parameterCount.multipliedReportingOverflow(by: examples)
        guard !overflow else { return false }
        let (total, overflow2) = work.multipliedReportingOverflow(by: steps)
        return !overflow2 && total <= budget
    }
}
