import Autodiff
import LessonModel

/// Loads mini-batches: before each step, copies the next `batch` rows of a per-epoch shuffle of
/// the training set into the plan's data leaves. No allocation: the order is shuffled in place.
final class Batcher {
    private let plan: Plan
    private let X: NodeID?, y: NodeID?
    private let train: Dataset
    private let batch: Int
    private let stepsPerEpoch: Int
    private var order: [Int]
    private var rng: SeededRandom

    init(plan: Plan, X: NodeID?, y: NodeID?, train: Dataset, batch: Int, seed: UInt64) {
        self.plan = plan
        self.X = X
        self.y = y
        self.train = train
        self.batch = max(1, batch)
        self.stepsPerEpoch = max(1, train.count / max(1, batch))
        self.order = Array(0..<train.count)
        self.rng = SeededRandom(seed: BatchOrder.streamSeed(seed))
    }

    func load(step: Int) {
        let k = step % stepsPerEpoch
        if k == 0 { rng.shuffle(&order) }
        copy(train.X, into: X, first: k * batch)
        copy(train.y, into: y, first: k * batch)
    }

    private func copy(_ source: Tensor, into node: NodeID?, first: Int) {
        guard let node, source.shape.dims.count == 2 else { return }
        let cols = source.shape.dims[1]
        let order = self.order
        source.scalars.withUnsafeBufferPointer { src in
            try? plan.updateValue(node) { i, value, _ in
                // The leaf holds one batch of rows; never read past the data, whatever its shape.
                let row = first + i / cols
                guard row < order.count, order[row] * cols + i % cols < src.count else { return }
                value = src[order[row] * cols + i % cols]
            }
        }
    }
}

/// A second plan over other rows (validation data, or a grid of inputs), which takes the
/// trained parameters from the training plan before each evaluation. It runs the model in
/// evaluation mode (EvaluationGraph): no dropout, and batch_norm with `averages`.
final class Evaluator {
    let plan: Plan
    let ids: [NodeID]
    let model: ModelProgram
    private let parameterIndices: [Int]
    private let averages: RunningAverages?
    private let running: [EvaluationGraph.RunningLeaves]

    init?(_ model: ModelProgram, rowsX: Tensor, rowsY: Tensor, averages: RunningAverages?, path: String) {
        var rng = SeededRandom(seed: 0)
        let model = ModelRunner.withDataNodes(model)
        guard case .success(let compiled) = GraphCompiler.compile(model.graph, path: path, leaves: { _, node in
            if case .initialized(let spec) = node.kind, let shape = try? Initializers.shape(spec.dims),
               let zeros = try? Initializers.zeros(shape: shape) {
                return .success((.parameter, zeros))  // replaced by the trained values before use
            }
            return ModelRunner.leaf(node, X: rowsX, y: rowsY, rng: &rng, path: path)
        }), let evaluation = try? EvaluationGraph(compiled.builder),
           let plan = try? Plan(evaluation.builder, output: evaluation.map[compiled.ids[model.loss].index]) else { return nil }
        self.plan = plan
        self.ids = compiled.ids.map { evaluation.map[$0.index] }
        self.model = model
        self.averages = averages
        self.running = evaluation.running
        self.parameterIndices = model.graph.nodes.indices.filter {
            switch model.graph.nodes[$0].kind {
            case .parameter, .initialized: return true
            default: return false
            }
        }
    }

    /// Copies the trained parameters over and runs forward.
    func run(copying trained: Plan, ids trainedIDs: [NodeID]) -> Bool {
        for i in parameterIndices {
            guard let value = trained.value(trainedIDs[i]) else { return false }
            guard (try? plan.setValue(ids[i], value.scalars)) != nil else { return false }
        }
        if let averages, !averages.set(into: plan, running: running) { return false }
        plan.forward()
        return true
    }

    /// The loss on these rows with the trained parameters.
    func loss(copying trained: Plan, ids trainedIDs: [NodeID]) -> Double? {
        guard run(copying: trained, ids: trainedIDs) else { return nil }
        return plan.scalarValue(ids[model.loss]).flatMap { $0.isFinite ? $0 : nil }
    }
}

extension ModelGrid {
    /// Points per side of the grid a 2-D model is evaluated on.
    package static let side = 100

    /// The model's output over a grid covering the data (with a 10% margin).
    static func evaluate(_ model: ModelProgram, data: Dataset, trained: Plan, ids: [NodeID], averages: RunningAverages?,
                         path: String) -> ModelGrid? {
        let xs = stride(from: 0, to: data.X.scalars.count, by: 2).map { data.X.scalars[$0] }
        let ys = stride(from: 1, to: data.X.scalars.count, by: 2).map { data.X.scalars[$0] }
        guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { return nil }
        let mx = max(x1 - x0, 1e-9) * 0.1, my = max(y1 - y0, 1e-9) * 0.1
        let xRange = (x0 - mx)...(x1 + mx), yRange = (y0 - my)...(y1 + my)
        let n = side
        var points: [Double] = []
        points.reserveCapacity(n * n * 2)
        for r in 0..<n {
            for c in 0..<n {
                // Cell centres, row 0 at the bottom (as the boundary chart draws them).
                points.append(xRange.lowerBound + (xRange.upperBound - xRange.lowerBound) * (Double(c) + 0.5) / Double(n))
                points.append(yRange.lowerBound + (yRange.upperBound - yRange.lowerBound) * (Double(r) + 0.5) / Double(n))
            }
        }
        let k = data.y.shape.dims.last ?? 1
        guard let gridX = try? Tensor(shape: .matrix(n * n, 2), scalars: points),
              let gridY = try? Tensor(shape: .matrix(n * n, k), scalars: Array(repeating: 0, count: n * n * k)),
              let evaluator = Evaluator(model, rowsX: gridX, rowsY: gridY, averages: averages, path: path),
              evaluator.run(copying: trained, ids: ids),
              let out = evaluator.plan.value(evaluator.ids[model.output]) else { return nil }
        let outputs = out.shape.dims.count == 2 ? out.shape.dims[1] : 1
        guard out.scalars.count == n * n * outputs else { return nil }
        return ModelGrid(xRange: xRange, yRange: yRange, size: n, values: out.scalars, outputs: outputs)
    }
}
