import Autodiff
import Foundation
import Testing
import Training

// Benchmark W5 (the 8x8 digits, MLP 64-64-10, ReLU, softmax cross-entropy, minibatches of 64 in
// the file's order, Adam, 20 epochs) on our engine against the independent NumPy run of
// scripts/digits_reference.py (Fixtures/w5-reference.json). `make bench` times the same math.

private struct W5Reference: Decodable {
    let epochs, batch, steps: Int
    let lr, eps: Double
    let betas: [Double]
    let initial, final: W5Network.Weights
    let loss: [String: Double]
    let accuracy: Double
}

/// benchmarks/data/digits.csv, found from this file as the fixtures are.
private func digits() throws -> W5Network.Digits {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../benchmarks/data/digits.csv")
    return try W5Network.digits(csv: try String(contentsOf: url, encoding: .utf8))
}

@Test func w5MatchesNumPyToOnePartInABillion() throws {
    let reference = try #require(fixture("w5-reference.json", as: W5Reference.self))
    let data = try digits()
    #expect(data.count == 1797)
    let network = try W5Network(digits: data, initial: reference.initial)
    #expect(network.stepsPerEpoch * reference.epochs == reference.steps)
    let rule = OptimizerRule.adam(lr: reference.lr, beta1: reference.betas[0], beta2: reference.betas[1], eps: reference.eps, weightDecay: 0)
    let optimizer = try Optimizer(rule, plan: network.plan, parameters: network.parameters)
    let loop = TrainingLoop(plan: network.plan, loss: network.loss, epochs: reference.steps, traced: [])
    var history = LossHistory(epochs: reference.steps)
    let divergence = loop.run(history: &history, prepare: { network.load(step: $0) }, update: { try? optimizer.step() }, onTrace: { _, _ in })
    #expect(divergence == nil)
    #expect(reference.loss.count == 6)
    for (step, expected) in reference.loss {
        let k = try #require(Int(step))
        #expect(close(history.values[k], expected, relative: 1e-9), "step \(k): \(history.values[k]) vs \(expected)")
    }
    let f = reference.final
    for (id, expected) in zip(network.parameters, [f.W1.flatMap { $0 }, f.b1, f.W2.flatMap { $0 }, f.b2]) {
        let trained = try #require(network.plan.value(id)).scalars
        #expect(trained.count == expected.count)
        let worst = zip(trained, expected).map { abs($0 - $1) / max(abs($1), 1e-300) }.max() ?? 0
        #expect(worst <= 1e-9, "parameter \(id): relative error \(worst)")
    }
}
