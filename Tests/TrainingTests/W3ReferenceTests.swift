import Autodiff
import Testing
import Training

// Benchmark W3 (2-16-16-1, tanh, tanh, bce_logits; 200 two-moons points, full batch, SGD lr 0.5,
// 2,000 epochs) on our engine against the independent NumPy run of scripts/moons_reference.py
// (Fixtures/w3-reference.json). `make bench` trains every implementation on the same fixture,
// so this test is what makes its timings comparable: the work is the same math.

private struct W3Reference: Decodable {
    struct Parameters: Decodable {
        let W1, W2, W3: [[Double]]
        let b1, b2, b3: [Double]
    }
    let epochs: Int
    let lr: Double
    let X, y: [[Double]]
    let initial: Parameters
    let loss: [String: Double]
    let final: Parameters
}

@Test func w3MatchesNumPyToOnePartInABillion() throws {
    let reference = try #require(fixture("w3-reference.json", as: W3Reference.self))
    var g = GraphBuilder()
    let x = g.leaf(.input, value: try Tensor(matrix: reference.X))
    let y = g.leaf(.input, value: try Tensor(matrix: reference.y))
    let p = reference.initial
    // Parameters in the order W1, b1, W2, b2, W3, b3 (the order of `finals` below).
    let parameters = [
        g.leaf(.parameter, value: try Tensor(matrix: p.W1)), g.leaf(.parameter, value: try Tensor(vector: p.b1)),
        g.leaf(.parameter, value: try Tensor(matrix: p.W2)), g.leaf(.parameter, value: try Tensor(vector: p.b2)),
        g.leaf(.parameter, value: try Tensor(matrix: p.W3)), g.leaf(.parameter, value: try Tensor(vector: p.b3)),
    ]
    // tanh(X W1 + b1), tanh(H1 W2 + b2), then the logit H2 W3 + b3 into bce_logits.
    var h = x
    for layer in 0..<3 {
        let z = try g.apply(.add, try g.apply(.matmul, h, parameters[2 * layer]), parameters[2 * layer + 1])
        h = layer < 2 ? try g.apply(.tanh, z) : z
    }
    let loss = try g.apply(.bceLogits, h, y)
    let plan = try Plan(g, output: loss)
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
