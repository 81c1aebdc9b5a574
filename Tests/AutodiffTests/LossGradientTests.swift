import Autodiff
import Testing
import TestSupport

// The two loss ops against central finite differences (tolerance: max relative error < 1e-7,
// as FiniteDifferenceTests), on seeded random logits and targets, for each accepted shape.
// Both logits and targets are parameters, so ∂/∂y is checked as well as ∂/∂z.

@Test("bce_logits gradients (logits and targets) match finite differences", arguments: oneOfEachRank)
func bceLogitsGradient(shape: Shape) throws {
    var rng = SplitMix64(seed: 201)
    var g = GraphBuilder()
    let z = try g.random(.parameter, shape, .mixed, &rng)
    let y = try g.random(.parameter, shape, .positive, &rng)
    // Weighted so the upstream gradient of the loss is not 1.
    let out = try g.weighted(try g.apply(.bceLogits, z, y), &rng)
    let error = try worstGradientError(g, output: out, leaves: [z, y])
    #expect(error < 1e-7, "bce_logits on \(shape): relative error \(error), tolerance 1e-7")
}

/// Softmax takes classes along the last axis: one example (vector) or one per row.
let softmaxShapes: [Shape] = [.vector(4), .matrix(3, 4), .matrix(5, 2), .vector(1), .matrix(2, 1)]

@Test("softmax_cross_entropy gradients (logits and targets) match finite differences", arguments: softmaxShapes)
func softmaxCrossEntropyGradient(shape: Shape) throws {
    var rng = SplitMix64(seed: 211)
    var g = GraphBuilder()
    let z = try g.random(.parameter, shape, .mixed, &rng)
    // Targets that do not sum to 1 check the general rule ∂/∂zⱼ = softmaxⱼ · Σy − yⱼ.
    let y = try g.random(.parameter, shape, .positive, &rng)
    let out = try g.weighted(try g.apply(.softmaxCrossEntropy, z, y), &rng)
    let error = try worstGradientError(g, output: out, leaves: [z, y])
    #expect(error < 1e-7, "softmax_cross_entropy on \(shape): relative error \(error), tolerance 1e-7")
}

@Test("losses feed a network: tanh layer, bce_logits and softmax_cross_entropy on top, match finite differences")
func lossesInANetworkGradient() throws {
    var rng = SplitMix64(seed: 223)
    var g = GraphBuilder()
    let x = try g.random(.input, .matrix(4, 2), .mixed, &rng)
    let w = try g.random(.parameter, .matrix(2, 3), .mixed, &rng)
    let b = try g.random(.parameter, .vector(3), .mixed, &rng)
    let oneHot = g.leaf(.constant, value: try Tensor(matrix: [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]]))
    let logits = try g.apply(.tanh, try g.apply(.add, try g.apply(.matmul, x, w), b))
    let ce = try g.apply(.softmaxCrossEntropy, logits, oneHot)
    let bce = try g.apply(.bceLogits, logits, oneHot)
    let out = try g.apply(.add, ce, bce)
    let error = try worstGradientError(g, output: out, leaves: [x, w, b])
    #expect(error < 1e-7, "relative error \(error), tolerance 1e-7")
}

@Test("bce_logits on a scalar has edge labels: ∂/∂z = σ(z) − y and ∂/∂y = −z")
func bceLogitsLocalDerivative() throws {
    var g = GraphBuilder()
    let z = g.parameter(0)
    let y = g.parameter(1)
    let loss = try g.apply(.bceLogits, z, y)
    let plan = try evaluated(g, output: loss)
    // σ(0) = 1/2 exactly; log(2) from log1p(e^0).
    #expect(plan.localDerivative(of: loss, input: 0) == -0.5)
    #expect(plan.localDerivative(of: loss, input: 1) == -0.0)
    #expect(plan.value(loss) == Tensor(scalar: 0.6931471805599453), "log 2, exactly as rounded by log1p(1)")
}

@Test("softmax_cross_entropy has no scalar edge label (its inputs are vectors)")
func softmaxHasNoLocalDerivative() throws {
    var g = GraphBuilder()
    let z = g.leaf(.parameter, value: try Tensor(vector: [1, 2]))
    let y = g.leaf(.constant, value: try Tensor(vector: [0, 1]))
    let loss = try g.apply(.softmaxCrossEntropy, z, y)
    let plan = try evaluated(g, output: loss)
    #expect(plan.localDerivative(of: loss, input: 0) == nil)
}
