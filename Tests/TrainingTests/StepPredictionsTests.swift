import Foundation
import Testing
import LessonModel
@testable import Training

@Test func outputLinkProbabilitiesAreTheEnginesSigmoidAndSoftmax() throws {
    let sigmoid = try #require(OutputLink.sigmoid.probabilities([0, 2, -800], columns: 1))
    #expect(sigmoid[0] == 0.5 && abs(sigmoid[1] - 1 / (1 + exp(-2))) < 1e-15 && sigmoid[2] >= 0)
    // Row by row, with the maximum subtracted: a huge logit neither overflows nor makes NaN.
    let softmax = try #require(OutputLink.softmax.probabilities([1, 2, 3, 1000, 0, 0], columns: 3))
    let total = exp(1.0) + exp(2.0) + exp(3.0)
    for (p, q) in zip(softmax.prefix(3), [exp(1.0) / total, exp(2.0) / total, exp(3.0) / total]) { #expect(abs(p - q) < 1e-15) }
    #expect(Array(softmax.suffix(3)) == [1, 0, 0])
    #expect(OutputLink.softmax.probabilities([1, 2], columns: 3) == nil)
    #expect(OutputLink.softmax.probabilities([], columns: 3) == nil)
    #expect(OutputLink.sigmoid.probabilities([1], columns: 0) == nil)
}

@Test func theLossDecidesTheLink() throws {
    func model(_ loss: String) throws -> ModelProgram {
        let source = "data xor\nlayers 2 -> 3 tanh -> 1\nloss = \(loss)\ntrain sgd(lr: 0.5) epochs 4\n"
        return try #require(BlockLanguage.parseModel(LessonBlock(kind: .model, name: nil, source: source, fenceLine: 1), path: "t.md").0)
    }
    #expect(OutputLink.of(try model("bce_logits(out, y)")) == .sigmoid)
    #expect(OutputLink.of(try model("softmax_cross_entropy(out, y)")) == .softmax)
    #expect(OutputLink.of(try model("mean((out - y)^2)")) == nil)
}

/// The table's predictions at a traced step are the model's output with that step's parameters:
/// on the full batch, exactly the output node's value the trace recorded at that step.
@Test func stepPredictionsAreTheTracedStepsOutputs() throws {
    let source = "data spiral(n: 12, classes: 3)\nlayers 2 -> 5 relu -> 3\nloss = softmax_cross_entropy(out, y)\n"
        + "train adam(lr: 0.05) epochs 30 seed 2\ntrace every 10\n"
    let model = try #require(BlockLanguage.parseModel(LessonBlock(kind: .model, name: nil, source: source, fenceLine: 1), path: "t.md").0)
    let data = try Datasets.make("spiral", arguments: [("n", 12), ("classes", 3)])
    let (run, diagnostics) = ModelRunner.run(model, data: data, lesson: "t", block: "m", path: "t.md")
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    let trained = try #require(run)
    #expect(trained.stepPredictions.map(\.step) == trained.trace.steps.map(\.step))
    #expect(trained.trace.steps.map(\.step) == [0, 10, 20, 29])
    for (step, predictions) in zip(trained.trace.steps, trained.stepPredictions) {
        #expect(predictions.columns == 3 && predictions.outputs.count == StepPredictions.rows * 3)
        #expect(predictions.outputs == Array(step.values[model.output].prefix(StepPredictions.rows * 3)))
        let p = try #require(predictions.probabilities)
        #expect(p == OutputLink.softmax.probabilities(predictions.outputs, columns: 3))
    }
    #expect(trained.stepPredictions.first?.outputs != trained.stepPredictions.last?.outputs)
}
