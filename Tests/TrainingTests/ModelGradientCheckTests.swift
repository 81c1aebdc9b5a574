import Testing
import Autodiff
import LessonModel
@testable import Training

/// A model block's gradients are checked against finite differences at the first traced step,
/// on every parameter, with a graph block's tolerance.
@Suite struct ModelGradientCheckTests {
    private func train(_ text: String, X: [[Double]], y: [[Double]]) throws -> (ModelRun?, [Diagnostic]) {
        let block = LessonBlock(kind: .model, name: "m", source: text, fenceLine: 1)
        let (parsed, parseDiagnostics) = BlockLanguage.parseModel(block, path: "m.md")
        let program = try #require(parsed, "\(parseDiagnostics)")
        let data = try Dataset(name: "d", description: "d", X: try Tensor(matrix: X), y: try Tensor(matrix: y))
        return ModelRunner.run(program, data: data, lesson: "m", block: "m", path: "m.md")
    }

    private let xorX: [[Double]] = [[0, 0], [0, 1], [1, 0], [1, 1]]
    private let xorY: [[Double]] = [[0], [1], [1], [0]]

    @Test func everyParameterIsCheckedAndPasses() throws {
        let (run, diagnostics) = try train("""
            data xor
            param W1 = [[0.5, -0.3, 0.8], [0.2, 0.9, -0.7]]
            param b1 = [[0.1, -0.1, 0.05]]
            param W2 = [[0.4], [-0.6], [0.3]]
            H = tanh(X @ W1 + b1)
            out = sigmoid(H @ W2)
            loss = mean((out - y)^2)
            train sgd(lr: 0.5) epochs 20 seed 1
            """, X: xorX, y: xorY)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let checked = try #require(run).gradientCheck
        #expect(checked.count == 3)
        #expect(checked.allSatisfy { $0.maxRelativeError <= GradientCheck.tolerance + ($0.allowedError ?? .infinity) })
    }

    @Test func mixedBatchesAreCheckedOnTheFirstBatch() throws {
        let (run, diagnostics) = try train("""
            data xor
            param W = normal(0, 0.5, [2, 4])
            param V = normal(0, 0.5, [4, 1])
            out = sigmoid(relu(X @ W) @ V)
            loss = mean((out - y)^2)
            train adam(lr: 0.01) epochs 5 batch 2 seed 3
            """, X: xorX, y: xorY)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        #expect(try #require(run).gradientCheck.count == 2)
    }
}
