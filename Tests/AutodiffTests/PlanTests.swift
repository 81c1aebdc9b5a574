import Autodiff
import Testing
import TestSupport

// The plan's life cycle: repeated passes, leaf updates, and errors for bad requests.

/// The seed's XOR network, 2-3-1 with sigmoid: loss = 0.5 · sum((y − H W2)²), H = σ(X W1).
private struct XOR {
    var graph = GraphBuilder()
    let w1, w2, loss: NodeID

    init() throws {
        var rng = SplitMix64(seed: 0)
        let x = graph.leaf(.input, value: try Tensor(matrix: [[0, 0], [0, 1], [1, 0], [1, 1]]))
        let y = graph.leaf(.input, value: try Tensor(matrix: [[0], [1], [1], [0]]))
        w1 = try graph.random(.parameter, .matrix(2, 3), .positive, &rng)
        w2 = try graph.random(.parameter, .matrix(3, 1), .positive, &rng)
        let h = try graph.apply(.sigmoid, try graph.apply(.matmul, x, w1))
        let error = try graph.apply(.subtract, y, try graph.apply(.matmul, h, w2))
        loss = try graph.apply(.multiply, graph.constant(0.5), try graph.apply(.sum, try graph.apply(.power(2), error)))
    }
}

@Test("1,000 forward/backward passes give bit-identical values and gradients")
func repeatedPassesAreIdentical() throws {
    let net = try XOR()
    let plan = try evaluated(net.graph, output: net.loss)
    let first = net.graph.ids.map { (plan.value($0), plan.gradient($0)) }
    for _ in 0..<1_000 {
        plan.forward()
        plan.backward()
    }
    let last = net.graph.ids.map { (plan.value($0), plan.gradient($0)) }
    #expect(first.elementsEqual(last) { $0.0 == $1.0 && $0.1 == $1.1 })
}

@Test("1,000 SGD steps through updateValue lower the XOR loss")
func sgdThroughUpdateValueLowersLoss() throws {
    let net = try XOR()
    let plan = try evaluated(net.graph, output: net.loss)
    let initial = try #require(plan.value(net.loss)?.scalars.first)
    for _ in 0..<1_000 {
        plan.forward()
        plan.backward()
        for w in [net.w1, net.w2] { try plan.updateValue(w) { _, value, gradient in value -= 0.5 * gradient } }
    }
    plan.forward()
    let final = try #require(plan.value(net.loss)?.scalars.first)
    #expect(final < 0.5 * initial, "loss \(initial) -> \(final)")
}

@Test("setValue replaces a leaf and the next forward uses it")
func setValueFeedsForward() throws {
    var g = GraphBuilder()
    let x = g.leaf(.input, value: try Tensor(vector: [1, 2]))
    let s = try g.apply(.sum, x)
    let plan = try Plan(g, output: s)
    try plan.setValue(x, [10, 20])
    plan.forward()
    #expect(plan.value(s) == Tensor(scalar: 30))
}

@Test("setValue rejects computed nodes, wrong counts and unknown IDs")
func setValueErrors() throws {
    var g = GraphBuilder()
    let x = g.leaf(.input, value: try Tensor(vector: [1, 2]))
    let s = try g.apply(.sum, x)
    let plan = try Plan(g, output: s)
    #expect(throws: PlanError("node #1 (sum) is computed, not a leaf: only leaf values can be set")) { try plan.setValue(s, [1]) }
    #expect(throws: PlanError("node #0 holds 2 numbers (vector of 2), got 3")) { try plan.setValue(x, [1, 2, 3]) }
    var other = GraphBuilder()
    for _ in 0..<5 { _ = other.constant(0) }
    let stranger = try #require(other.ids.last)
    #expect(throws: PlanError("node #4 is not in this plan (its graph has 2 nodes)")) { try plan.setValue(stranger, [1]) }
}

@Test("backward overwrites gradients instead of adding to the previous pass")
func backwardStartsFromZero() throws {
    var g = GraphBuilder()
    let x = g.parameter(3)
    let y = try g.apply(.multiply, x, x)
    let plan = try evaluated(g, output: y)
    plan.backward()
    #expect(plan.gradient(x) == Tensor(scalar: 6))
}

@Test("value and gradient are nil for IDs from another graph")
func lookupsOfUnknownIDs() throws {
    var g = GraphBuilder()
    let x = g.parameter(1)
    let plan = try evaluated(g, output: x)
    var other = GraphBuilder()
    _ = other.constant(0)
    let stranger = other.constant(0)
    #expect(plan.value(stranger) == nil)
    #expect(plan.gradient(stranger) == nil)
    #expect(g.shape(of: stranger) == nil)
}

@Test("the gradient check leaves values and gradients exactly as it found them")
func gradientCheckRestoresThePlan() throws {
    var g = GraphBuilder()
    let x = g.leaf(.parameter, value: try Tensor(vector: [0.5, -1.5]))
    let y = try g.apply(.sum, try g.apply(.tanh, x))
    let plan = try Plan(g, output: y)
    try plan.setValue(x, [0.25, 2])
    let before = g.ids.map { (plan.value($0), plan.gradient($0)) }
    _ = try GradientCheck.run(plan, leaves: [x])
    let after = g.ids.map { (plan.value($0), plan.gradient($0)) }
    #expect(before.elementsEqual(after) { $0.0 == $1.0 && $0.1 == $1.1 })
}

@Test("the gradient check reports the worst element with both derivatives")
func gradientCheckReportsWorstElement() throws {
    var g = GraphBuilder()
    let x = g.leaf(.parameter, value: try Tensor(vector: [1, 2]))
    let y = try g.apply(.power(3), x)
    let result = try #require(try GradientCheck.run(try Plan(g, output: y), leaves: [x]).first)
    #expect(result.node == x)
    #expect([0, 1].contains(result.worstIndex))
    let expected = 3 * Double(result.worstIndex + 1) * Double(result.worstIndex + 1)
    #expect(result.analytic == expected)
    #expect(abs(result.numeric - expected) <= 1e-8 * expected, "numeric within 1e-8 relative")
}

@Test("the gradient check refuses computed nodes")
func gradientCheckRefusesComputedNodes() throws {
    var g = GraphBuilder()
    let y = try g.apply(.exp, g.parameter(1))
    #expect(throws: PlanError("node #1 (exp) is computed, not a leaf: only leaf values can be set")) {
        try GradientCheck.run(try Plan(g, output: y), leaves: [y])
    }
}

@Test("relative error: ratio to the larger magnitude, floored at 1e-8, absolute near zero")
func relativeErrorDefinition() {
    #expect(GradientCheck.relativeError(analytic: 1, numeric: 1.25) == 0.25 / 1.25)
    #expect(GradientCheck.relativeError(analytic: -2, numeric: 2) == 2)
    #expect(GradientCheck.relativeError(analytic: 1e-9, numeric: 2e-9) == 1e-9 / 1e-8)
    #expect(GradientCheck.relativeError(analytic: 0, numeric: 3e-11) == 3e-11)
}

@Test("softmax_cross_entropy's backward reuses forward's row shifts, stored past the nodes: the gradient is the one a fresh plan computes, and a leaf made last keeps its own size")
func softmaxShiftsLiveAfterTheNodes() throws {
    var g = GraphBuilder()
    let z = g.leaf(.parameter, value: try Tensor(matrix: [[1, 2, 3], [-1, 0, 4]]))
    let y = g.leaf(.constant, value: try Tensor(matrix: [[0, 0, 1], [1, 0, 0]]))
    let loss = try g.apply(.softmaxCrossEntropy, z, y)
    let last = g.leaf(.parameter, value: try Tensor(vector: [5, 6]))
    let plan = try Plan(g, output: loss)
    // The last leaf holds two numbers, not two plus the shifts stored after it.
    #expect(throws: PlanError("node #3 holds 2 numbers (vector of 2), got 6")) { try plan.setValue(last, [1, 2, 3, 4, 5, 6]) }
    try plan.setValue(last, [7, 8])
    #expect(plan.value(last)?.scalars == [7, 8])
    // New logits, then forward and backward: the gradient matches a plan that never saw the old ones.
    let logits: [Double] = [0.5, -2, 1, 3, 3, -1]
    try plan.setValue(z, logits)
    plan.forward()
    plan.backward()
    var h = GraphBuilder()
    let z2 = h.leaf(.parameter, value: try Tensor(matrix: [Array(logits[0..<3]), Array(logits[3..<6])]))
    let y2 = h.leaf(.constant, value: try Tensor(matrix: [[0, 0, 1], [1, 0, 0]]))
    let freshLoss = try h.apply(.softmaxCrossEntropy, z2, y2)
    let fresh = try Plan(h, output: freshLoss)
    fresh.forward()
    fresh.backward()
    #expect(plan.gradient(z)?.scalars == fresh.gradient(z2)?.scalars)
    #expect(plan.value(loss)?.scalars == fresh.value(freshLoss)?.scalars)
}
