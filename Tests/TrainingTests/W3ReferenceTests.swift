import Autodiff
import Testing
import Training

// Benchmark W3 (2-16-16-1, tanh, tanh, bce_logits; 200 two-moons points, full batch, SGD lr 0.5,
// 2,000 epochs) on our engine against the independent NumPy run of scripts/moons_reference.py
// (Fixtures/w3-reference.json). `make bench` trains every implementation on the same fixture,
// so this test is what makes its timings comparable: the work is the same math.

private struct W3Reference: Decodable {
    let epochs: Int
    let lr: Double
    let X, y: [[Double]]
    let initial: W3Network.Weights
    let loss: [String: Double]
    let final: W3Network.Weights
}

@Test func w3MatchesNumPyToOnePartInABillion() throws {
    let reference = try #require(fixture("w3-reference.json", as: W3Reference.self))
    // The graph LessonsBench times; parameters in the order W1, b1, W2, b2, W3, b3 (that of `finals` below).
    let network = try W3Network(x: reference.X, y: reference.y, initial: reference.initial)
    let (plan, loss, parameters) = (network.plan, network.loss, network.parameters)
    let optimizer = try Optimizer(.sgd(lr: reference.lr), plan: plan, parameters: parameters)
    let loop = TrainingLoop(plan: plan, loss: loss, epochs: reference.epochs, traced: [])
    var history = LossHistory(epochs: reference.epochs)
    let divergence = loop.run(history: &history, update: { try? optimizer.step() }, onTrace: { _, _ in })
    #expect(divergence == nil)
    #expect(history.steps.count == reference.epochs)
    #expect(reference.loss.count == 5)
    for (step, expected) in reference.loss {
        let k = try #require(Int(step))
        #expect(close(history.values[k], expected, relative: 1e-9), "step \(k): \(history.values[k]) vs \(expected)")
    }
    let f = reference.final
    let finals: [[Double]] = [f.W1.flatMap { $0 }, f.b1, f.W2.flatMap { $0 }, f.b2, f.W3.flatMap { $0 }, f.b3]
    for (id, expected) in zip(parameters, finals) {
        let trained = try #require(plan.value(id)).scalars
        #expect(trained.count == expected.count)
        for (i, (a, b)) in zip(trained, expected).enumerated() {
            #expect(close(a, b, relative: 1e-9), "parameter \(id) element \(i): \(a) vs \(b)")
        }
    }
}
