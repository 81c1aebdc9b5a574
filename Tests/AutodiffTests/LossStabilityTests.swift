import Autodiff
import Testing

// Extreme logits (±1000, where a naive exp overflows) give finite values and gradients, equal
// to the limits worked out by hand. Tolerances stated per assertion.

/// Value and gradients of `op` on the given logits and targets (same shape).
private func evaluate(_ op: Op, _ z: Tensor, _ y: Tensor) throws -> (loss: Double, dz: [Double], dy: [Double]) {
    var g = GraphBuilder()
    let zi = g.leaf(.parameter, value: z)
    let yi = g.leaf(.parameter, value: y)
    let loss = try g.apply(op, zi, yi)
    let plan = try evaluated(g, output: loss)
    return (try #require(plan.value(loss)?.scalars.first), try #require(plan.gradient(zi)).scalars,
            try #require(plan.gradient(yi)).scalars)
}

@Test("bce_logits at ±1000: right answers cost 0, wrong ones cost |z|; σ saturates to exactly 0 or 1")
func bceLogitsExtremes() throws {
    let r = try evaluate(.bceLogits, try Tensor(vector: [1000, -1000, 1000, -1000]), try Tensor(vector: [1, 0, 0, 1]))
    // Terms: 0, 0, 1000, 1000 (log1p(e^-1000) is exactly 0 in Double); mean 500.
    #expect(r.loss == 500)
    #expect(r.dz == [0, 0, 0.25, -0.25], "(σ(z) − y)/4 with σ(±1000) = 1 or 0 exactly")
    #expect(r.dy == [-250, 250, -250, 250], "−z/4 exactly")
}

@Test("softmax_cross_entropy at ±1000: finite, and the confident right row costs exactly 0")
func softmaxCrossEntropyExtremes() throws {
    let z = try Tensor(matrix: [[1000, -1000, 0], [-1000, 1000, 1000]])
    let y = try Tensor(matrix: [[1, 0, 0], [1, 0, 0]])
    let r = try evaluate(.softmaxCrossEntropy, z, y)
    // Row 1: log_softmax = [0, -2000, -1000], loss 0. Row 2: lse = 1000 + log 2, loss 2000 + log 2.
    let expected = (2000 + 0.6931471805599453) / 2
    #expect(abs(r.loss - expected) <= 1e-15 * expected, "within 1e-15 relative")
    let dz = [0.0, 0, 0, -0.5, 0.25, 0.25]
    for (a, b) in zip(r.dz, dz) { #expect(abs(a - b) <= 1e-15, "(softmax − y)/2 within 1e-15 absolute") }
    #expect(r.dy.allSatisfy(\.isFinite) && r.dy[1] == 1000, "−log_softmax/2: 2000/2 for the −1000 logit")
}

@Test("a logit of +inf makes the loss NaN or infinite, so divergence is reported, not hidden")
func infiniteLogitsAreVisible() throws {
    let r = try evaluate(.softmaxCrossEntropy, try Tensor(vector: [.infinity, 0]), try Tensor(vector: [0, 1]))
    #expect(!r.loss.isFinite)
    let b = try evaluate(.bceLogits, try Tensor(vector: [.nan]), try Tensor(vector: [1]))
    #expect(b.loss.isNaN)
}
