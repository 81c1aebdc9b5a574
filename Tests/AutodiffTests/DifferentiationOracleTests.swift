import _Differentiation
import Autodiff
import Glibc
import Testing

// A second, independent oracle: Swift's own reverse-mode differentiation of the same scalar
// functions. Tolerance: 1e-12 relative (both are exact up to rounding).

@differentiable(reverse)
func logistic(_ x: Double, _ w: Double, _ b: Double) -> Double { 1 / (1 + exp(-(x * w + b))) }

@differentiable(reverse)
func colah(_ a: Double, _ b: Double) -> Double { (a + b) * (b + 1) }

@differentiable(reverse)
func mixture(_ a: Double, _ b: Double) -> Double { tanh(a * b) + exp(a) / b - log(a) * a * a * a }

private func close(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= 1e-12 * max(1, abs(y)) }

@Test("sigmoid(x·w + b) gradients match Swift's autodiff")
func logisticMatchesSwiftAutodiff() throws {
    var g = GraphBuilder()
    let (x, w, b) = (g.parameter(1.5), g.parameter(0.3), g.parameter(-0.2))
    let y = try g.apply(.sigmoid, try g.apply(.add, try g.apply(.multiply, x, w), b))
    let plan = try evaluated(g, output: y)
    let expected = gradient(at: 1.5, 0.3, -0.2, of: logistic)
    let ours = try [x, w, b].map { try #require(plan.gradient($0)?.scalars.first) }
    #expect(close(ours[0], expected.0) && close(ours[1], expected.1) && close(ours[2], expected.2),
            "ours \(ours) vs Swift \(expected), 1e-12 relative")
}

@Test("(a + b)·(b + 1) gradients match Swift's autodiff")
func colahMatchesSwiftAutodiff() throws {
    var g = GraphBuilder()
    let (a, b) = (g.parameter(-0.7), g.parameter(2.5))
    let e = try g.apply(.multiply, try g.apply(.add, a, b), try g.apply(.add, b, g.constant(1)))
    let plan = try evaluated(g, output: e)
    let expected = gradient(at: -0.7, 2.5, of: colah)
    let ours = try [a, b].map { try #require(plan.gradient($0)?.scalars.first) }
    #expect(close(ours[0], expected.0) && close(ours[1], expected.1), "ours \(ours) vs Swift \(expected), 1e-12 relative")
}

@Test("tanh(a·b) + exp(a)/b − log(a)·a³ gradients match Swift's autodiff")
func mixtureMatchesSwiftAutodiff() throws {
    var g = GraphBuilder()
    let (a, b) = (g.parameter(0.8), g.parameter(-1.3))
    let t = try g.apply(.tanh, try g.apply(.multiply, a, b))
    let q = try g.apply(.divide, try g.apply(.exp, a), b)
    let l = try g.apply(.multiply, try g.apply(.log, a), try g.apply(.power(3), a))
    let y = try g.apply(.subtract, try g.apply(.add, t, q), l)
    let plan = try evaluated(g, output: y)
    let expected = gradient(at: 0.8, -1.3, of: mixture)
    let ours = try [a, b].map { try #require(plan.gradient($0)?.scalars.first) }
    #expect(close(ours[0], expected.0) && close(ours[1], expected.1), "ours \(ours) vs Swift \(expected), 1e-12 relative")
}
