import Foundation
import Testing
import Autodiff
@testable import Training

/// The committed NumPy reference (scripts/xor_reference.py).
struct XORReference: Decodable {
    struct Run: Decodable { var loss: [String: Double]; var W1_final: [[Double]]?; var W2_final: [[Double]]? }
    var W1_initial: [[Double]]
    var W2_initial: [[Double]]
    var textbook: Run
}

func loadXORReference() throws -> XORReference {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/xor-reference.json")
    return try JSONDecoder().decode(XORReference.self, from: Data(contentsOf: url))
}

private func close(_ a: Double, _ b: Double, relative: Double) -> Bool {
    abs(a - b) <= relative * max(abs(a), abs(b), 1e-300)
}

@Test func xorNetworkMatchesNumPyToOnePartInABillion() throws {
    let reference = try loadXORReference()
    var g = GraphBuilder()
    let x = g.leaf(.input, value: try Tensor(matrix: [[0, 0], [0, 1], [1, 0], [1, 1]]))
    let y = g.leaf(.input, value: try Tensor(matrix: [[0], [1], [1], [0]]))
    let w1 = g.leaf(.parameter, value: try Tensor(matrix: reference.W1_initial))
    let w2 = g.leaf(.parameter, value: try Tensor(matrix: reference.W2_initial))
    let h = try g.apply(.sigmoid, try g.apply(.matmul, x, w1))
    let out = try g.apply(.matmul, h, w2)
    let residual = try g.apply(.subtract, y, out)
    let half = g.leaf(.constant, value: Tensor(scalar: 0.5))
    let squares = try g.apply(.sum, try g.apply(.power(2), residual))
    let loss = try g.apply(.multiply, half, squares)
    let plan = try Plan(g, output: loss)
    let loop = TrainingLoop(plan: plan, loss: loss, epochs: 50_000, traced: [0, 49_999])
    var history = LossHistory(epochs: 50_000)
    var traced: [Int: Double] = [:]
    let divergence = loop.run(history: &history, update: {
        try? plan.updateValue(w1) { _, v, g in v -= 0.1 * g }
        try? plan.updateValue(w2) { _, v, g in v -= 0.1 * g }
    }, onTrace: { step, value in traced[step] = value })
    #expect(divergence == nil)
    #expect(history.steps.count == 50_000)
    for (step, expected) in reference.textbook.loss {
        let k = try #require(Int(step))
        #expect(close(history.values[k], expected, relative: 1e-9), "step \(k): \(history.values[k]) vs \(expected)")
    }
    #expect(traced[0] == reference.textbook.loss["0"])
    let w1Final = try #require(plan.value(w1)).scalars, w2Final = try #require(plan.value(w2)).scalars
    for (a, b) in zip(w1Final, try #require(reference.textbook.W1_final).flatMap { $0 }) { #expect(close(a, b, relative: 1e-9)) }
    for (a, b) in zip(w2Final, try #require(reference.textbook.W2_final).flatMap { $0 }) { #expect(close(a, b, relative: 1e-9)) }
}

@Test func divergenceNamesTheStepAndTheFirstBadNode() throws {
    var g = GraphBuilder()
    let w = g.leaf(.parameter, value: Tensor(scalar: 1))
    let e = try g.apply(.exp, try g.apply(.multiply, w, w))
    let plan = try Plan(g, output: e)
    let loop = TrainingLoop(plan: plan, loss: e, epochs: 100, traced: [])
    var history = LossHistory(epochs: 100)
    // Gradient ascent on exp(w^2): w grows until exp overflows.
    let divergence = loop.run(history: &history, update: { try? plan.updateValue(w) { _, v, g in v += 1 * g } }, onTrace: { _, _ in })
    let d = try #require(divergence)
    #expect(d.step > 0 && d.step < 100)
    #expect(d.node == e)
}
