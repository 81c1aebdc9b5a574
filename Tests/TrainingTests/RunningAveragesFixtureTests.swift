import Foundation
import Testing
import Autodiff
import LessonModel
@testable import Training

// batch_norm in a model block keeps running averages as PyTorch's BatchNorm1d (momentum 0.1,
// unbiased variance), and the predictions table evaluates the model with them, as model.eval():
// checked against Fixtures/running_averages.json, written by scripts/reference_running_averages.py.

private struct RunningAveragesFile: Decodable {
    struct Case: Decodable {
        let name: String
        let source: String
        /// Per step: the output in evaluation mode on the first StepPredictions.rows rows.
        let outputs: [[Double]]
        let runningMean: [Double]
        let runningVariance: [Double]
    }
    let cases: [Case]
}

/// The block's `X = [[...]]` and `y = [[...]]`, as DataResolver reads them.
private func literalData(_ model: ModelProgram) throws -> Dataset {
    func literal(_ name: String) throws -> Tensor {
        let node = try #require(model.graph.nodes.first { $0.name == name })
        guard case .input(let lit) = node.kind, lit.dims.count == 2 else { throw TestFailure(name) }
        return try Tensor(shape: .matrix(lit.dims[0], lit.dims[1]), scalars: lit.scalars)
    }
    return try Dataset(name: "literal", description: "X and y", X: try literal("X"), y: try literal("y"))
}

private struct TestFailure: Error { let what: String; init(_ what: String) { self.what = what } }

private let runningCases = fixture("running_averages.json", as: RunningAveragesFile.self)?.cases ?? []

@Test func theRunningAveragesFixtureIsThere() {
    #expect(runningCases.count == 2)
}

@Test(arguments: runningCases.map(\.name))
func evaluationUsesTheRunningAveragesAsPyTorch(name: String) throws {
    let c = try #require(runningCases.first { $0.name == name })
    let block = LessonBlock(kind: .model, name: "bn", source: c.source, fenceLine: 1)
    let (parsed, errors) = BlockLanguage.parseModel(block, path: "t.md")
    let model = try #require(parsed, "\(errors)")
    let data = try literalData(model)
    let (run, diagnostics) = ModelRunner.run(model, data: data, lesson: "t", block: "bn", path: "t.md")
    let trained = try #require(run, "\(diagnostics)")
    #expect(trained.stepPredictions.count == c.outputs.count)
    for (step, (engine, torch)) in zip(trained.stepPredictions, c.outputs).enumerated() {
        #expect(engine.outputs.count == torch.count)
        for (a, b) in zip(engine.outputs, torch) {
            #expect(close(a, b, relative: 1e-9, floor: 1e-12), "\(name), step \(step): \(a) vs PyTorch \(b)")
        }
    }
    let first = try #require(trained.runningAverages.first)
    for (a, b) in zip(first.mean + first.variance, c.runningMean + c.runningVariance) {
        #expect(close(a, b, relative: 1e-9, floor: 1e-12), "\(name): running \(a) vs PyTorch \(b)")
    }
}

/// The predictions table and the decision boundary evaluate the model in evaluation mode: not the
/// training step's output (normalized by the batch), and finite over the whole grid.
@Test func predictionsAndBoundaryAreInEvaluationMode() throws {
    let c = try #require(runningCases.first)
    let block = LessonBlock(kind: .model, name: "bn", source: c.source, fenceLine: 1)
    let model = try #require(BlockLanguage.parseModel(block, path: "t.md").0)
    let data = try literalData(model)
    let trained = try #require(ModelRunner.run(model, data: data, lesson: "t", block: "bn", path: "t.md").0)
    let grid = try #require(trained.grid)
    #expect(grid.values.allSatisfy { $0.isFinite })
    let first = try #require(trained.stepPredictions.first)
    #expect(first.outputs != Array(trained.trace.steps[0].values[model.output].prefix(StepPredictions.rows)))
}
