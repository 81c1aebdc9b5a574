import Autodiff
import Foundation
import Testing
import Training

/// What W5's and W6's fixtures (scripts/digits_reference.py, scripts/digits_cnn_reference.py) say
/// about a run: the Adam settings, the steps, and the losses at six of them.
struct DigitsFixture<Weights: Decodable>: Decodable {
    let epochs, batch, steps: Int
    let lr, eps: Double
    let betas: [Double]
    let initial, final: Weights
    let loss: [String: Double]
}

/// lessons/data/digits.csv, found from this file as the fixtures are.
func digits() throws -> W5Network.Digits {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../lessons/data/digits.csv")
    return try W5Network.digits(csv: try String(contentsOf: url, encoding: .utf8))
}

/// Trains `plan` with the fixture's Adam for its steps, `load(step)` putting each minibatch in,
/// and checks every recorded loss, and every parameter's final value, to 1e-9 relative.
func checkDigitsRun<W>(_ fixture: DigitsFixture<W>, plan: Plan, loss: NodeID, parameters: [NodeID],
                       finals: [[Double]], load: @escaping (Int) -> Void) throws {
    let rule = OptimizerRule.adam(lr: fixture.lr, beta1: fixture.betas[0], beta2: fixture.betas[1], eps: fixture.eps, weightDecay: 0)
    let optimizer = try Optimizer(rule, plan: plan, parameters: parameters)
    let loop = TrainingLoop(plan: plan, loss: loss, epochs: fixture.steps, traced: [])
    var history = LossHistory(epochs: fixture.steps)
    let divergence = loop.run(history: &history, prepare: load, update: { try? optimizer.step() }, onTrace: { _, _ in })
    #expect(divergence == nil)
    #expect(fixture.loss.count == 6)
    for (step, expected) in fixture.loss {
        let k = try #require(Int(step))
        #expect(close(history.values[k], expected, relative: 1e-9), "step \(k): \(history.values[k]) vs \(expected)")
    }
    for (id, expected) in zip(parameters, finals) {
        let trained = try #require(plan.value(id)).scalars
        #expect(trained.count == expected.count)
        let worst = zip(trained, expected).map { abs($0 - $1) / max(abs($1), 1e-300) }.max() ?? 0
        #expect(worst <= 1e-9, "parameter \(id): relative error \(worst)")
    }
}
