import Autodiff
import Testing

// colah's "Calculus on Computational Graphs": a = 2, b = 1, c = a + b, d = b + 1, e = c · d.
// All numbers are small integers, so every comparison is exact.

private struct Colah {
    var graph = GraphBuilder()
    let a, b, one, c, d, e: NodeID

    init() throws {
        a = graph.leaf(.input, value: Tensor(scalar: 2))
        b = graph.leaf(.input, value: Tensor(scalar: 1))
        one = graph.constant(1)
        c = try graph.apply(.add, a, b)
        d = try graph.apply(.add, b, one)
        e = try graph.apply(.multiply, c, d)
    }
}

@Test("colah's graph: e = 6, ∂e/∂a = 2, ∂e/∂b = 5 (b reaches e through c and d)")
func colahValuesAndGradients() throws {
    let x = try Colah()
    let plan = try evaluated(x.graph, output: x.e)
    #expect(plan.value(x.e) == Tensor(scalar: 6))
    #expect(plan.gradient(x.a) == Tensor(scalar: 2))
    #expect(plan.gradient(x.b) == Tensor(scalar: 5))
    #expect(plan.gradient(x.c) == Tensor(scalar: 2))
    #expect(plan.gradient(x.d) == Tensor(scalar: 3))
}

@Test("colah's edge labels: ∂c/∂a = 1, ∂d/∂b = 1, ∂e/∂c = d = 2, ∂e/∂d = c = 3")
func colahLocalDerivatives() throws {
    let x = try Colah()
    let plan = try evaluated(x.graph, output: x.e)
    #expect(plan.localDerivative(of: x.c, input: 0) == 1)
    #expect(plan.localDerivative(of: x.c, input: 1) == 1)
    #expect(plan.localDerivative(of: x.d, input: 0) == 1)
    #expect(plan.localDerivative(of: x.e, input: 0) == 2)
    #expect(plan.localDerivative(of: x.e, input: 1) == 3)
}

@Test("local derivatives of unary ops use the table at the current value")
func unaryLocalDerivatives() throws {
    var g = GraphBuilder()
    let x = g.parameter(3)
    let square = try g.apply(.power(2), x)
    let neg = try g.apply(.negate, x)
    let relu = try g.apply(.relu, neg)
    let plan = try evaluated(g, output: square)
    #expect(plan.localDerivative(of: square, input: 0) == 6)
    #expect(plan.localDerivative(of: neg, input: 0) == -1)
    #expect(plan.localDerivative(of: relu, input: 0) == 0)
}

@Test("local derivatives are nil for tensors, leaves and missing inputs")
func localDerivativeOnlyForScalarEdges() throws {
    var g = GraphBuilder()
    let v = g.leaf(.parameter, value: try Tensor(vector: [1, 2]))
    let doubled = try g.apply(.multiply, v, g.constant(2))
    let total = try g.apply(.sum, doubled)
    let plan = try evaluated(g, output: total)
    #expect(plan.localDerivative(of: doubled, input: 0) == nil)
    #expect(plan.localDerivative(of: total, input: 0) == nil)
    #expect(plan.localDerivative(of: v, input: 0) == nil)
    #expect(plan.localDerivative(of: doubled, input: 2) == nil)
}
