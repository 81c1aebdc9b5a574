/// Dropout in training: a model draws a new mask every step. Step k of a model uses the seed
/// written in the block plus k (DropoutMask hashes it with each element's index), so step 0's
/// mask is the one a graph block with the same seed draws, and the NumPy and PyTorch tabs draw
/// the same masks with the same hash.
extension Plan {
    /// Whether any step is a dropout.
    package var hasDropout: Bool {
        forwardSteps.contains { $0.op.operation == .dropout }
    }

    /// Sets every dropout's seed to its block's seed plus `step` for the next forward and backward pass.
    package func drawDropoutMasks(step: Int) {
        func reseed(_ steps: inout [Step]) {
            for i in steps.indices {
                guard steps[i].op.operation == .dropout, case .dropout(_, let seed)? = graph.op(of: NodeID(steps[i].node)) else { continue }
                steps[i].op.seed = seed &+ step
            }
        }
        reseed(&forwardSteps)
        reseed(&backwardSteps)
        reseed(&parameterBackwardSteps)
    }
}
