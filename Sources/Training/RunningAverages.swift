import Autodiff

/// The running mean and variance of each `batch_norm` of a model, kept as PyTorch's
/// `BatchNorm1d` keeps them: starting at 0 and 1, and after each training step's forward pass
/// moved a tenth of the way to the batch's statistics (momentum 0.1, the variance unbiased,
/// divided by n − 1). Evaluation (validation loss, predictions, decision boundary) normalizes
/// with them instead of with the statistics of the rows it is shown (EvaluationGraph).
package final class RunningAverages {
    /// PyTorch's default momentum.
    package static let momentum = 0.1

    /// Per batch_norm, in creation order: its input's node in the training graph.
    private let norms: [NodeID]
    /// Per batch_norm, one number per feature.
    package private(set) var means: [[Double]]
    package private(set) var variances: [[Double]]

    /// Nil when the graph has no batch_norm.
    package init?(_ graph: GraphBuilder) {
        var norms: [NodeID] = [], features: [Int] = []
        for id in graph.ids {
            guard case .batchNorm? = graph.op(of: id), let input = graph.inputs(of: id)?.first,
                  let dims = graph.shape(of: id)?.dims, dims.count == 2 else { continue }
            norms.append(input)
            features.append(dims[1])
        }
        guard !norms.isEmpty else { return nil }
        self.norms = norms
        self.means = features.map { Array(repeating: 0, count: $0) }
        self.variances = features.map { Array(repeating: 1, count: $0) }
    }

    /// Moves the averages towards the statistics of the batch `plan` has just run forward.
    func update(from plan: Plan) {
        let m = Self.momentum
        for (k, norm) in norms.enumerated() {
            guard let x = plan.value(norm), x.shape.dims.count == 2 else { continue }
            let rows = x.shape.dims[0], cols = x.shape.dims[1]
            guard rows > 1, cols == means[k].count else { continue }
            for j in 0..<cols {
                var total = 0.0
                for r in 0..<rows { total += x.scalars[r * cols + j] }
                let mean = total / Double(rows)
                var squares = 0.0
                for r in 0..<rows {
                    let d = x.scalars[r * cols + j] - mean
                    squares += d * d
                }
                means[k][j] = (1 - m) * means[k][j] + m * mean
                variances[k][j] = (1 - m) * variances[k][j] + m * (squares / Double(rows - 1))
            }
        }
    }

    /// Writes the averages into an evaluation plan's running leaves (one pair per batch_norm, in
    /// the same creation order: both graphs are compiled from the same model).
    func set(into plan: Plan, running: [EvaluationGraph.RunningLeaves]) -> Bool {
        guard running.count == norms.count else { return false }
        for (k, leaves) in running.enumerated() {
            guard
                  (try? plan.setValue(leaves.mean, means[k])) != nil,
                  (try? plan.setValue(leaves.variance, variances[k])) != nil else { return false }
        }
        return true
    }
}
