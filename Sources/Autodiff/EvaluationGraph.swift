/// A graph in evaluation mode, as PyTorch's `model.eval()` runs a model: `dropout` passes its
/// input through, and `batch_norm` normalizes each feature with running averages, given as
/// leaves set before each evaluation, instead of the statistics of the rows it is shown. A model
/// is evaluated this way on rows that are not a training batch (validation rows, a grid of
/// inputs, a few examples), whose own statistics would say nothing about the trained model.
package struct EvaluationGraph: Sendable {
    /// The rewritten graph.
    package let builder: GraphBuilder
    /// Where node i of the training graph is in `builder` (a dropout maps to its input's node).
    package let map: [NodeID]
    /// The running-average leaves of each `batch_norm` of the training graph, in creation order.
    package let running: [RunningLeaves]

    /// A batch_norm's running mean and variance (1 × features leaves) in `builder`.
    package struct RunningLeaves: Sendable {
        package let mean: NodeID
        package let variance: NodeID
    }

    /// Copies `graph`, rewriting dropout and batch_norm; without them, the copy is node for node.
    package init(_ graph: GraphBuilder) throws(ShapeError) {
        var b = GraphBuilder()
        var map: [NodeID] = []
        var running: [RunningLeaves] = []
        for node in graph.nodes {
            let inputs = node.inputs.map { map[$0.index] }
            switch node.op {
            case .input, .parameter, .constant:
                let kind: LeafKind = node.op == .input ? .input : node.op == .parameter ? .parameter : .constant
                map.append(b.leaf(kind, value: node.leafValue ?? Tensor(scalar: 0)))
            case .dropout:
                guard let x = inputs.first else { throw ShapeError("dropout has no operand") }
                map.append(x)
            case .batchNorm(let eps):
                guard let x = inputs.first, node.shape.dims.count == 2 else { throw ShapeError("batch_norm needs a matrix") }
                let features = node.shape.dims[1]
                // Inputs, not constants: they change between evaluations (RunningAverages sets them).
                let mean = b.leaf(.input, value: try Tensor(shape: .matrix(1, features), scalars: Array(repeating: 0, count: features)))
                let variance = b.leaf(.input, value: try Tensor(shape: .matrix(1, features), scalars: Array(repeating: 1, count: features)))
                // (x − mean) / √(variance + eps): PyTorch's inference-mode formula, operation for operation.
                let centred = try b.apply(.subtract, x, mean)
                let sigma = try b.apply(.sqrt, try b.apply(.add, variance, b.leaf(.constant, value: Tensor(scalar: eps))))
                map.append(try b.apply(.divide, centred, sigma))
                running.append(RunningLeaves(mean: mean, variance: variance))
            default:
                map.append(try b.apply(node.op, inputs))
            }
        }
        self.builder = b
        self.map = map
        self.running = running
    }
}
