import Autodiff
import Testing

// Deep graphs, NaN and infinity: reported, never a trap.

@Test("a 10,000-node chain x → x+1 → … runs forward and backward; ∂out/∂x = 1")
func longChain() throws {
    var g = GraphBuilder()
    let x = g.parameter(0.5)
    let one = g.constant(1)
    var node = x
    while g.count < 10_000 { node = try g.apply(.add, node, one) }
    let plan = try evaluated(g, output: node)
    #expect(g.count == 10_000)
    #expect(plan.value(node) == Tensor(scalar: 0.5 + 9_998))
    #expect(plan.gradient(x) == Tensor(scalar: 1))
}

@Test("firstNonFinite names the log of a negative number, not the nodes after it")
func logOfNegativeIsFound() throws {
    var g = GraphBuilder()
    let a = g.parameter(1)
    let shifted = try g.apply(.subtract, a, g.constant(2))
    let bad = try g.apply(.log, shifted)
    let later = try g.apply(.exp, try g.apply(.multiply, bad, g.constant(3)))
    let plan = try Plan(g, output: later)
    plan.forward()
    #expect(plan.firstNonFinite() == bad)
}

@Test("firstNonFinite finds -inf from log(0) and inf from exp overflow")
func infinitiesAreFound() throws {
    var g = GraphBuilder()
    let big = try g.apply(.exp, g.constant(1000))
    let zeroLog = try g.apply(.log, g.constant(0))
    let plan = try Plan(g, output: zeroLog)
    plan.forward()
    #expect(plan.firstNonFinite() == big)
    #expect(plan.value(zeroLog) == Tensor(scalar: -.infinity))
}

@Test("firstNonFinite is nil when every value is finite")
func finiteGraphHasNoNonFinite() throws {
    var g = GraphBuilder()
    let y = try g.apply(.tanh, g.parameter(0.3))
    let plan = try Plan(g, output: y)
    plan.forward()
    #expect(plan.firstNonFinite() == nil)
}

@Test("sigmoid(±1000) is exactly 1 and 0, with finite gradients")
func sigmoidIsStable() throws {
    var g = GraphBuilder()
    let x = g.leaf(.parameter, value: try Tensor(vector: [1000, -1000]))
    let y = try g.apply(.sigmoid, x)
    let plan = try evaluated(g, output: y)
    #expect(plan.value(y) == (try Tensor(vector: [1, 0])))
    #expect(plan.gradient(x) == (try Tensor(vector: [0, 0])))
    #expect(plan.firstNonFinite() == nil)
}

@Test("a NaN off the output's path does not leak into the gradients")
func offPathNaNIsIgnored() throws {
    var g = GraphBuilder()
    let x = g.parameter(1)
    _ = try g.apply(.log, try g.apply(.subtract, x, g.constant(5)))
    let out = try g.apply(.multiply, x, g.constant(2))
    let plan = try evaluated(g, output: out)
    #expect(plan.gradient(x) == Tensor(scalar: 2))
}

@Test("relu'(0) = 0")
func reluAtZero() throws {
    var g = GraphBuilder()
    let x = g.parameter(0)
    let y = try g.apply(.relu, x)
    let plan = try evaluated(g, output: y)
    #expect(plan.gradient(x) == Tensor(scalar: 0))
}

@Test("at a tie, max splits the gradient evenly between its arguments, as PyTorch and JAX do")
func maximumTieSplitsEvenly() throws {
    var g = GraphBuilder()
    let zero = g.parameter(0), x = g.parameter(0)
    let y = try g.apply(.maximum, zero, x)
    let plan = try evaluated(g, output: y)
    #expect(plan.gradient(zero) == Tensor(scalar: 0.5))
    #expect(plan.gradient(x) == Tensor(scalar: 0.5))
}

@Test("away from a tie, max sends the whole gradient to the larger argument, element by element")
func maximumRoutesToTheLarger() throws {
    var g = GraphBuilder()
    let a = g.leaf(.parameter, value: try Tensor(vector: [1, 2, 3]))
    let b = g.leaf(.parameter, value: try Tensor(vector: [3, 2, 1]))
    let y = try g.apply(.sum, try g.apply(.maximum, a, b))
    let plan = try evaluated(g, output: y)
    #expect(plan.gradient(a) == (try Tensor(vector: [0, 0.5, 1])))
    #expect(plan.gradient(b) == (try Tensor(vector: [1, 0.5, 0])))
}

@Test("x^2 and its derivative 2x are exact")
func squareIsExact() throws {
    var g = GraphBuilder()
    let x = g.parameter(0.1)
    let y = try g.apply(.power(2), x)
    let plan = try evaluated(g, output: y)
    #expect(plan.value(y) == Tensor(scalar: 0.1 * 0.1))
    #expect(plan.gradient(x) == Tensor(scalar: 0.2))
}
