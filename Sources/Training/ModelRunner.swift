import Autodiff
import Dispatch
import LessonModel

/// What training a `model` block produced.
package struct ModelRun: Sendable {
    package var trace: Trace
    package var history: LossHistory
    /// Validation loss at every observed step, when the block asked for a split.
    package var validation: [(step: Int, loss: Double)]
    /// The size of every weight matrix's gradient at every observed step.
    package var gradientSizes: GradientSizes
    package var train: Dataset
    package var validationSet: Dataset?
    /// Every node's value after the last update (parameters as trained).
    package var finalValues: [[Double]]
    /// Every leaf's value before the first step (parameters as drawn, the full batch's data; other
    /// nodes empty): what the framework programs start from, step 0 traced or not (`trace last`).
    package var initialValues: [[Double]] = []
    /// The model's output over `grid` (2-D inputs only), for decision boundaries.
    package var grid: ModelGrid?
    /// The examples the trained model gets wrong, when they are pictures (`csv(..., image:)`).
    package var mistakes: Mistakes? = nil
    /// The model's output on the first training examples at every traced step (the steps of
    /// `trace.steps`, in order; missing where it could not be evaluated).
    package var stepPredictions: [StepPredictions]
    /// The gradient check at the first traced step: one row per parameter checked (see
    /// `ModelGradientCheck`).
    package var gradientCheck: [Trace.GradientCheckRow] = []
    /// Wall time of the training loop, in seconds (not part of any output file).
    package var seconds: Double
    /// The plan before training, for a page to train again; nil beyond `RetrainSource.budget`.
    package var retrain: RetrainSource? = nil
    /// Each batch_norm's running mean and variance after the last step, in creation order.
    package var runningAverages: [(mean: [Double], variance: [Double])] = []
}

/// The root-mean-square gradient of each parameter matrix at the observed steps (the trace
/// schedule before its size bound), for the gradient chart.
package struct GradientSizes: Sendable {
    package var steps: [Int] = []
    /// Indices of the matrices in the trace's nodes.
    package var nodes: [Int] = []
    /// `values[k][i]`: node `nodes[k]` at `steps[i]` (NaN when the gradient is missing).
    package var values: [[Double]] = []

    mutating func record(step: Int, plan: Plan, ids: [NodeID]) {
        steps.append(step)
        for (k, node) in nodes.enumerated() {
            let g = plan.gradient(ids[node])?.scalars ?? []
            values[k].append(g.isEmpty ? .nan : (g.reduce(0) { $0 + $1 * $1 } / Double(g.count)).squareRoot())
        }
    }
}

/// A model's output evaluated on a regular grid over its 2-D input range.
package struct ModelGrid: Sendable {
    package var xRange: ClosedRange<Double>
    package var yRange: ClosedRange<Double>
    package var size: Int
    /// Row-major, `size` × `size` cells of outputs (each with `outputs` numbers), evaluated at cell
    /// centres, row 0 at the bottom.
    package var values: [Double]
    package var outputs: Int
}

/// Trains a `model` block: builds the data, initializes the parameters, runs the loop with
/// tracing, and reports divergence as a located error naming the step and the node.
package enum ModelRunner {
    package static func run(_ givenModel: ModelProgram, data: Dataset, lesson: String, block: String, path: String,
                           progress: ((Int, Int) -> Void)? = nil) -> (ModelRun?, [Diagnostic]) {
        let model = withDataNodes(givenModel)
        var train = data
        var validationSet: Dataset?
        if let fraction = model.split {
            do {
                (train, validationSet) = try data.split(fraction: 1 - fraction, seed: model.train.seed)
            } catch {
                return (nil, [.error(path, model.train.position, "cannot split the data: \(error.message)")])
            }
        }
        let n = train.count
        let batch = min(model.train.batch ?? n, n)
        if let layers = model.layers, let features = train.X.shape.dims.last, layers.sizes.first != features {
            return (nil, [.error(path, layers.position,
                "the first layer has \(layers.sizes.first ?? 0) inputs but the data has \(features) features per example")])
        }
        // Leaves: data (one batch's worth of rows) and initialized parameters, drawn in order.
        var rng = SeededRandom(seed: model.train.seed)
        let batchX = rows(train.X, count: batch), batchY = rows(train.y, count: batch)
        let compiled: GraphCompiler.Compiled
        switch GraphCompiler.compile(model.graph, path: path, leaves: { _, node in
            leaf(node, X: batchX, y: batchY, rng: &rng, path: path)
        }) {
        case .failure(let d): return (nil, [d])
        case .success(let c): compiled = c
        }
        let plan: Plan
        do {
            plan = try Plan(compiled.builder, output: compiled.ids[model.loss])
        } catch {
            return (nil, [.error(path, model.train.position, "internal error: \(error.message)")])
        }
        guard plan.graph.shape(of: compiled.ids[model.loss])?.isScalar == true else {
            return (nil, [.error(path, model.graph.nodes[model.loss].position,
                "'loss' must be a single number to minimize; it is a \(plan.graph.shape(of: compiled.ids[model.loss])?.description ?? "tensor") (wrap it in sum(...) or mean(...))")])
        }
        let parameterNodes = model.graph.nodes.indices.filter {
            switch model.graph.nodes[$0].kind {
            case .parameter, .initialized: return true
            default: return false
            }
        }
        let parameters = parameterNodes.map { compiled.ids[$0] }
        let stepsPerEpoch = max(1, n / batch)
        let totalSteps = WorkBudget.saturating(model.train.epochs, times: stepsPerEpoch)
        let parameterCount = parameters.reduce(0) { $0 + (plan.graph.shape(of: $1)?.count ?? 0) }
        if let d = workDiagnostic(model, graph: plan.graph, loss: compiled.ids[model.loss], parameters: parameterCount,
                                  steps: totalSteps, path: path) {
            return (nil, [d])
        }
        let optimizer: Optimizer
        do {
            optimizer = try Optimizer(model.train.optimizer, plan: plan, parameters: parameters)
        } catch {
            return (nil, [.error(path, model.train.position, error.message)])
        }
        let schedule: TraceSchedule
        switch model.trace?.schedule {
        case .every(let k)?: schedule = .every(k)
        case .log(let k)?: schedule = .log(k)
        case .last?: schedule = .last
        case nil: schedule = .automatic
        }
        let graphNumbers = compiled.ids.reduce(0) { $0 + (plan.graph.shape(of: $1)?.count ?? 0) }
        let traced = Set(schedule.steps(epochs: totalSteps, graphNumbers: graphNumbers))
        var history = LossHistory(epochs: totalSteps)
        var sizes = GradientSizes()
        sizes.nodes = parameterNodes.filter { plan.graph.shape(of: compiled.ids[$0])?.dims.count == 2 }
        sizes.values = sizes.nodes.map { _ in [] }
        var steps: [Trace.Step] = []
        var validation: [(step: Int, loss: Double)] = []
        var checkDiagnostics: [Diagnostic]?
        var checkRows: [Trace.GradientCheckRow] = []
        var predictions: [StepPredictions] = []
        let averages = RunningAverages(plan.graph)
        let recorder = PredictionRecorder(model, train: train, averages: averages, path: path)
        let batcher = Batcher(plan: plan, X: dataNode("X", model).map { compiled.ids[$0] },
                              y: dataNode("y", model).map { compiled.ids[$0] }, train: train, batch: batch, seed: model.train.seed)
        let validator = validationSet.flatMap { Evaluator(model, rowsX: $0.X, rowsY: $0.y, averages: averages, path: path) }
        let loop = TrainingLoop(plan: plan, loss: compiled.ids[model.loss], epochs: totalSteps,
                                traced: schedule.observedSteps(epochs: totalSteps))
        var rates = LearningRates(base: model.train.optimizer.lr, schedule: model.schedule, epochs: model.train.epochs)
        // Before the loop moves anything: the leaves' values are those of step 0.
        // The page's retraining draws no dropout masks, so a model with dropout keeps its recording.
        let retrain = !plan.hasDropout && RetrainSource.fits(examples: n, batch: batch, split: validationSet != nil,
                                         parameterCount: parameterCount, steps: totalSteps)
            ? RetrainSource(plan: plan.javaScript(), loss: compiled.ids[model.loss].index, parameters: parameters.map(\.index),
                            examples: n, parameterCount: parameterCount)
            : nil
        let initialValues = compiled.ids.map { id in plan.graph.inputs(of: id)?.isEmpty == true ? plan.value(id)?.scalars ?? [] : [] }
        let started = DispatchTime.now().uptimeNanoseconds
        let divergence = loop.run(history: &history,
            prepare: prepare(batcher: batch < n ? batcher : nil, plan: plan),
            afterPass: averages.map { averages in { averages.update(from: plan) } },
            update: {
                // Each step's epoch sets the rate (mini-batches share their epoch's).
                optimizer.learningRate = rates.rate(epoch: optimizer.steps / stepsPerEpoch)
                try? optimizer.step()
            },
            onTrace: { step, value in
                if checkDiagnostics == nil {
                    (checkRows, checkDiagnostics) = ModelGradientCheck.run(model, plan: plan, compiled: compiled,
                                                                           parameters: parameterNodes, path: path)
                }
                if traced.contains(step) {
                    steps.append(GraphRunner.step(step, plan: plan, compiled: compiled, loss: value))
                    if let p = recorder?.record(step: step, copying: plan, ids: compiled.ids) { predictions.append(p) }
                }
                sizes.record(step: step, plan: plan, ids: compiled.ids)
                if let validator, let loss = validator.loss(copying: plan, ids: compiled.ids) {
                    validation.append((step, loss))
                }
            },
            progress: progress.map { report in { report($0, totalSteps) } })
        if let d = divergence {
            let index = d.node.flatMap { compiled.ids.firstIndex(of: $0) }
            let name = index.map { model.graph.nodes[$0].name } ?? "loss"
            return (nil, [.error(path, model.train.position,
                "training diverged at step \(d.step): the value of '\(name)' is no longer a finite number; try a smaller learning rate")])
        }
        if let errors = checkDiagnostics, errors.contains(where: { $0.severity == .error }) { return (nil, errors) }
        let trace = Trace(lesson: lesson, block: block, kind: .model,
                          nodes: GraphRunner.traceNodes(model.graph, plan: plan, compiled: compiled),
                          output: model.loss, steps: steps, gradientCheck: [],
                          groups: model.graph.groups, initialLoss: history.values.first)  // output: where the backward pass starts
        let finalValues = compiled.ids.map { plan.value($0)?.scalars ?? [] }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let grid = data.X.shape.dims.last == 2 ? ModelGrid.evaluate(model, data: data, trained: plan, ids: compiled.ids,
                                                                                averages: averages, path: path) : nil
        var mistakes: Mistakes?
        if case .csv(let source) = model.data, let image = source.image {
            mistakes = Mistakes.evaluate(model, image: image, all: data, rows: validationSet ?? train, validation: validationSet != nil,
                                         trained: plan, ids: compiled.ids, averages: averages, path: path)
        }
        return (ModelRun(trace: trace, history: history, validation: validation, gradientSizes: sizes, train: train,
                         validationSet: validationSet, finalValues: finalValues, initialValues: initialValues, grid: grid, mistakes: mistakes,
                         stepPredictions: predictions, gradientCheck: checkRows, seconds: seconds, retrain: retrain,
                         runningAverages: averages.map { Array(zip($0.means, $0.variances)) } ?? []),
                checkDiagnostics ?? [])
    }

    /// What happens before each step's forward pass: the next mini-batch, and new dropout masks.
    private static func prepare(batcher: Batcher?, plan: Plan) -> ((Int) -> Void)? {
        let dropout = plan.hasDropout
        guard batcher != nil || dropout else { return nil }
        return { step in
            batcher?.load(step: step)
            if dropout { plan.drawDropoutMasks(step: step) }
        }
    }

    /// The work budget's error for training `model` (compiled into `graph` with one batch of
    /// rows) for `steps` steps, at the `train` line; nil when it fits.
    package static func workDiagnostic(_ model: ModelProgram, graph: GraphBuilder, loss: NodeID, parameters: Int,
                                      steps: Int, path: String) -> Diagnostic? {
        let work = WorkBudget.training(passCost: graph.passCost(output: loss), parameters: parameters, steps: steps)
        return WorkBudget.check(perStep: work.perStep, steps: steps, total: work.total, path: path, at: model.train.position)
    }

    /// The examples training sees and the rows of one step: the training part of a split, and
    /// the batch (all of them without `batch`). Nil when the split itself is impossible.
    package static func batching(_ model: ModelProgram, data: Dataset) -> (train: Int, batch: Int)? {
        var n = data.count
        if let fraction = model.split {
            guard let parts = try? data.split(fraction: 1 - fraction, seed: model.train.seed) else { return nil }
            n = parts.train.count
        }
        return (n, min(model.train.batch ?? n, n))
    }

    /// Literal `X = [[..]]` and `y = [[..]]` inputs become data nodes, so mini-batches and the
    /// evaluation grid replace their values like those of a `data` line.
    package static func withDataNodes(_ model: ModelProgram) -> ModelProgram {
        var copy = model
        for i in copy.graph.nodes.indices {
            if case .input = copy.graph.nodes[i].kind, ["X", "y"].contains(copy.graph.nodes[i].name) {
                copy.graph.nodes[i].kind = .data(copy.graph.nodes[i].name)
            }
        }
        return copy
    }

    /// The node that holds the data set's `name` (`X` or `y`): a data node, or a literal input of that name.
    static func dataNode(_ name: String, _ model: ModelProgram) -> Int? {
        model.graph.nodes.firstIndex {
            if case .data(name) = $0.kind { return true }
            if case .input = $0.kind, $0.name == name { return true }
            return false
        }
    }

    /// The first `count` rows of a matrix (a batch's worth; the batcher fills in the real rows).
    package static func rows(_ t: Tensor, count: Int) -> Tensor {
        let cols = t.shape.dims.count == 2 ? t.shape.dims[1] : 1
        return (try? Tensor(shape: .matrix(count, cols), scalars: Array(t.scalars.prefix(count * cols)))) ?? t
    }

    /// The value of a data node (from X or y) or an initialized parameter (drawn from `rng`).
    package static func leaf(_ node: ProgramNode, X: Tensor, y: Tensor, rng: inout SeededRandom, path: String)
        -> Result<(LeafKind, Tensor), Diagnostic> {
        switch node.kind {
        case .data(let name): return .success((.input, name == "X" ? X : y))
        case .initialized(let spec):
            do {
                let shape = try Initializers.shape(spec.dims)
                let value: Tensor
                switch spec {
                case .uniform(let lo, let hi, _): value = try Initializers.uniform(lo, hi, shape: shape, using: &rng)
                case .normal(let mean, let std, _): value = try Initializers.normal(mean: mean, std: std, shape: shape, using: &rng)
                case .xavier: value = try Initializers.xavier(shape: shape, using: &rng)
                case .he: value = try Initializers.he(shape: shape, using: &rng)
                case .zeros: value = try Initializers.zeros(shape: shape)
                }
                return .success((.parameter, value))
            } catch {
                return .failure(.error(path, node.position, error.message))
            }
        default:
            return .failure(.error(path, node.position, "internal error: '\(node.name)' is not a data or initialized node"))
        }
    }
}
