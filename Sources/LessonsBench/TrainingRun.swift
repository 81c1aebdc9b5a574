import Autodiff
import Dispatch
import LessonModel
import Training

/// One timed training run of a workload on our engine.
///
/// What is timed: the training loop, from the first forward pass to the last update, with the
/// per-step `LossHistory` (the loop always records it) and, when tracing, the trace schedule
/// and every traced step's recording. Not timed: decoding the fixture and compiling the plan
/// (done once per block, like JAX's compile, which the bench reports apart).
enum TrainingRun {
    enum Tracing: String, CaseIterable, Sendable {
        /// No traced steps.
        case off
        /// `TraceSchedule.automatic` (about 50 steps plus the last), each recorded by
        /// `GraphRunner.step`, the code `lessons build` records traces with.
        case `default`
        /// W1 only: the real lesson path, `ModelRunner.run` on the XOR lesson's block (automatic
        /// tracing); its own `seconds` (loop plus assembling the trace) is what is reported.
        case lesson
    }

    struct Result {
        var seconds: Double
        var finalLoss: Double
        var tracedSteps: Int
    }

    static func run(_ source: TrainingWorkload.Source, tracing: Tracing) throws -> Result {
        if tracing == .lesson { return try lessonRun(source) }
        let w = try TrainingWorkload.instance(source)
        let optimizer = try Optimizer(w.rule, plan: w.plan, parameters: w.parameters)
        let ids = w.plan.graph.ids
        var recorded: [Trace.Step] = []
        let start = DispatchTime.now().uptimeNanoseconds
        var traced: [Int] = []
        if tracing == .default {
            // As ModelRunner: the schedule is bounded by the numbers the graph holds.
            let graphNumbers = ids.reduce(0) { $0 + (w.plan.graph.shape(of: $1)?.count ?? 0) }
            traced = TraceSchedule.automatic.steps(epochs: w.epochs, graphNumbers: graphNumbers)
        }
        var history = LossHistory(epochs: w.epochs)
        let loop = TrainingLoop(plan: w.plan, loss: w.loss, epochs: w.epochs, traced: traced)
        let divergence = loop.run(history: &history, prepare: w.prepare, update: { try? optimizer.step() }, onTrace: { step, value in
            recorded.append(GraphRunner.step(step, plan: w.plan, ids: ids, loss: value))
        })
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        if let divergence { throw BenchError("training diverged at step \(divergence.step)") }
        return Result(seconds: seconds, finalLoss: history.values.last ?? .nan, tracedSteps: recorded.count)
    }

    /// W1 through `ModelRunner.run`, as `lessons build` trains the XOR lesson's block (the
    /// lesson's `trace every 5000` line left out, so the default schedule applies).
    static func lessonRun(_ source: TrainingWorkload.Source) throws -> Result {
        guard case .w1(let f) = source else { throw BenchError("--tracing lesson is only for W1 (the XOR lesson)") }
        func literal(_ rows: [[Double]]) -> String {
            "[" + rows.map { "[" + $0.map { "\($0)" }.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
        }
        let text = """
            data xor
            param W1 = \(literal(f.W1_initial))
            param W2 = \(literal(f.W2_initial))
            H = sigmoid(X @ W1)
            out = H @ W2
            loss = 0.5 * sum((y - out)^2)
            train sgd(lr: \(f.lr)) epochs \(f.epochs) seed 0
            """
        let block = LessonBlock(kind: .model, name: "xor", source: text, fenceLine: 1)
        let (parsed, parseDiagnostics) = BlockLanguage.parseModel(block, path: "bench.md")
        guard let program = parsed else { throw BenchError(parseDiagnostics.map(\.description).joined(separator: "\n")) }
        let data = try Dataset(name: "xor", description: "the XOR points",
                               X: try Tensor(matrix: TrainingWorkload.xorX), y: try Tensor(matrix: TrainingWorkload.xorY))
        let (ran, diagnostics) = ModelRunner.run(program, data: data, lesson: "bench", block: "xor", path: "bench.md")
        guard let run = ran else { throw BenchError(diagnostics.map(\.description).joined(separator: "\n")) }
        return Result(seconds: run.seconds, finalLoss: run.history.values.last ?? .nan, tracedSteps: run.trace.steps.count)
    }
}
