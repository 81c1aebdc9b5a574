import Autodiff
import Foundation
import Testing

// bce_logits and softmax_cross_entropy against PyTorch (float64, reduction mean), from
// Fixtures/losses.json written by scripts/reference_losses.py. Tolerance: 1e-14 relative
// (1e-15 absolute near zero): both compute the same formulas, summing in another order.

/// One case of the fixture file: inputs, then PyTorch's loss and gradients.
struct LossCase: Decodable, Sendable, CustomStringConvertible {
    let name: String
    let shape: [Int]
    let z, y: [Double]
    let loss: Double
    let dz, dy: [Double]
    var description: String { name }
}

private struct LossFixtureFile: Decodable {
    let bce_logits: [LossCase]
    let softmax_cross_entropy: [LossCase]
}

private func loadLossFixtures() -> LossFixtureFile? {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/losses.json")
    guard let data = try? Data(contentsOf: url) else { return nil }
    return try? JSONDecoder().decode(LossFixtureFile.self, from: data)
}

private let lossFixtures = loadLossFixtures()

/// |a − b| ≤ 1e-14 · max(|b|, 0.1): relative, with a floor so exact zeros compare absolutely.
private func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-14 * max(abs(b), 0.1) }

private func check(_ op: Op, _ c: LossCase) throws {
    let shape: Shape = c.shape.count == 0 ? .scalar : c.shape.count == 1 ? .vector(c.shape[0]) : .matrix(c.shape[0], c.shape[1])
    var g = GraphBuilder()
    let z = g.leaf(.parameter, value: try Tensor(shape: shape, scalars: c.z))
    let y = g.leaf(.parameter, value: try Tensor(shape: shape, scalars: c.y))
    let loss = try g.apply(op, z, y)
    let plan = try evaluated(g, output: loss)
    let value = try #require(plan.value(loss)?.scalars.first)
    #expect(close(value, c.loss), "\(c.name): loss \(value) vs torch \(c.loss), 1e-14 relative")
    for (name, ours, theirs) in [("dz", plan.gradient(z)?.scalars ?? [], c.dz), ("dy", plan.gradient(y)?.scalars ?? [], c.dy)] {
        #expect(ours.count == theirs.count)
        for (i, (a, b)) in zip(ours, theirs).enumerated() {
            #expect(close(a, b), "\(c.name): \(name)[\(i)] \(a) vs torch \(b), 1e-14 relative")
        }
    }
}

@Test("the loss fixture file is present and has cases")
func lossFixturesLoad() {
    #expect((lossFixtures?.bce_logits.count ?? 0) >= 4 && (lossFixtures?.softmax_cross_entropy.count ?? 0) >= 5)
}

@Test("bce_logits agrees with PyTorch's BCEWithLogitsLoss", arguments: lossFixtures?.bce_logits ?? [])
func bceLogitsMatchesTorch(c: LossCase) throws {
    try check(.bceLogits, c)
}

@Test("softmax_cross_entropy agrees with PyTorch's cross_entropy on probability targets",
      arguments: lossFixtures?.softmax_cross_entropy ?? [])
func softmaxCrossEntropyMatchesTorch(c: LossCase) throws {
    try check(.softmaxCrossEntropy, c)
}
