import Autodiff
import LessonModel
import Operations

/// What a classification loss makes of the model's output before comparing it with the
/// targets: `bce_logits` reads it as a logit (σ gives the probability of class 1),
/// `softmax_cross_entropy` as one logit per class (softmax by row gives the probabilities).
package enum OutputLink: Sendable, Equatable {
    case sigmoid, softmax

    /// The link of a model whose loss takes its output as logits, or nil (a linear or sigmoid
    /// output, a squared error): only a loss applied to the output itself counts.
    package static func of(_ model: ModelProgram) -> OutputLink? {
        for node in model.graph.nodes {
            guard case .operation(let op, let inputs, _) = node.kind, inputs.first == model.output else { continue }
            switch op {
            case .bceLogits: return .sigmoid
            case .softmaxCrossEntropy: return .softmax
            default: continue
            }
        }
        return nil
    }

    /// The probabilities of `outputs` (row-major, `columns` a row), computed by the engine's own
    /// sigmoid or softmax kernel (max-subtracted, as the loss does), so the page shows what
    /// training used; nil when the numbers do not make a matrix.
    package func probabilities(_ outputs: [Double], columns: Int) -> [Double]? {
        guard columns > 0, !outputs.isEmpty, outputs.count % columns == 0,
              let logits = try? Tensor(shape: .matrix(outputs.count / columns, columns), scalars: outputs) else { return nil }
        var graph = GraphBuilder()
        let z = graph.leaf(.input, value: logits)
        guard let p = try? graph.apply(self == .sigmoid ? .sigmoid : .softmax(.none), z),
              let plan = try? Plan(graph, output: p) else { return nil }
        plan.forward()
        return plan.value(p)?.scalars
    }
}

/// The model's output on the first training examples at one traced step (with the parameters
/// that step used, so the predictions agree with the cards the slider shows), and what the
/// loss makes of it.
package struct StepPredictions: Sendable, Equatable {
    /// The training step (0-based).
    package var step: Int
    /// Row-major, `columns` numbers per example.
    package var outputs: [Double]
    package var columns: Int
    /// σ or softmax of `outputs` when the loss takes logits (see `OutputLink`).
    package var probabilities: [Double]?

    /// How many examples are kept: what the predictions table shows.
    package static let rows = 8
}

/// Evaluates the model on the first `StepPredictions.rows` training examples at traced steps,
/// on a plan of its own that takes the training plan's parameters (one forward pass over a few
/// rows; it never disturbs the training plan).
final class PredictionRecorder {
    private let evaluator: Evaluator
    private let link: OutputLink?
    private let output: Int

    init?(_ model: ModelProgram, train: Dataset, averages: RunningAverages?, path: String) {
        let rows = min(train.count, StepPredictions.rows)
        guard rows > 0, let evaluator = Evaluator(model, rowsX: ModelRunner.rows(train.X, count: rows),
                                                  rowsY: ModelRunner.rows(train.y, count: rows), averages: averages, path: path) else { return nil }
        self.evaluator = evaluator
        self.link = OutputLink.of(model)
        self.output = model.output
    }

    /// The predictions with the parameters `trained` holds now, or nil if they cannot be had.
    func record(step: Int, copying trained: Plan, ids: [NodeID]) -> StepPredictions? {
        guard evaluator.run(copying: trained, ids: ids), let out = evaluator.plan.value(evaluator.ids[output]) else { return nil }
        let columns = out.shape.dims.count == 2 ? out.shape.dims[1] : 1
        return StepPredictions(step: step, outputs: out.scalars, columns: columns,
                               probabilities: link?.probabilities(out.scalars, columns: columns))
    }
}
