import Autodiff
import Foundation
import Testing
import Training

// Benchmark W6 (the 8x8 digits, conv 3x3 with 8 channels, ReLU, max pool 2x2, dense 72 -> 10,
// softmax cross-entropy, minibatches of 64 in the file's order, Adam, 20 epochs) on our engine
// against the independent NumPy run of scripts/digits_cnn_reference.py (Fixtures/w6-reference.json;
// its losses agree with PyTorch's F.conv2d/max_pool2d/Adam to 1e-15). `make bench` times the same math.

private struct W6Reference: Decodable {
    let epochs, batch, steps: Int
    let lr, eps: Double
    let betas: [Double]
    let initial, final: W6Network.Weights
    let loss: [String: Double]
}

@Test func w6MatchesNumPyToOnePartInABillion() throws {
    let reference = try #require(fixture("w6-reference.json", as: W6Reference.self))
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../benchmarks/data/digits.csv")
    let network = try W6Network(digits: try W5Network.digits(csv: try String(contentsOf: url, encoding: .utf8)), initial: reference.initial)
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
    for (id, expected) in zip(network.parameters, [f.K.flatMap { $0 }, f.W.flatMap { $0 }, f.b]) {
        let trained = try #require(network.plan.value(id)).scalars
        #expect(trained.count == expected.count)
        let worst = zip(trained, expected).map { abs($0 - $1) / max(abs($1), 1e-300) }.max() ?? 0
        #expect(worst <= 1e-9, "parameter \(id): relative error \(worst)")
    }
}
