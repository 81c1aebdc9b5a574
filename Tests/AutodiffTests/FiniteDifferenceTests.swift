import Autodiff
import Testing
import TestSupport

// Every op's backward() against central finite differences of sum(output · c), on seeded
// random inputs, for every shape form. Tolerance: max relative error < 1e-7.

/// Elementwise binary ops with the domains that keep them smooth: divide's denominator away
/// from 0, maximum's operands on grids that never tie.
let binaryCases: [(op: Op, a: Domain, b: Domain)] = [
    (.add, .positive, .positive),
    (.subtract, .positive, .positive),
    (.multiply, .positive, .positive),
    (.divide, .positive, .positive),
    (.maximum, .grid(0.25), .grid(0.75)),
    (.minimum, .grid(0.25), .grid(0.75)),
    // Masks are flat away from their jumps (grids that never tie): finite differences say 0.
    (.greater, .grid(0.25), .grid(0.75)), (.less, .grid(0.25), .grid(0.75)),
    (.greaterEqual, .grid(0.25), .grid(0.75)), (.lessEqual, .grid(0.25), .grid(0.75)),
    (.equal, .grid(0.25), .grid(0.75)), (.notEqual, .grid(0.25), .grid(0.75)),
]

@Test("elementwise binary gradients match finite differences", arguments: 0..<binaryCases.count, broadcastForms)
func binaryGradient(caseIndex: Int, form: ShapePair) throws {
    let (op, domainA, domainB) = binaryCases[caseIndex]
    var rng = SplitMix64(seed: 11 + UInt64(caseIndex))
    var g = GraphBuilder()
    let a = try g.random(.parameter, form.a, domainA, &rng)
    let b = try g.random(.parameter, form.b, domainB, &rng)
    let out = try g.weighted(try g.apply(op, a, b), &rng)
    let error = try worstGradientError(g, output: out, leaves: [a, b])
    #expect(error < 1e-7, "\(op.name) on \(form): relative error \(error), tolerance 1e-7")
}

/// Unary ops with their domains: log and fractional powers need x > 0; relu and 1/x stay away from 0.
let unaryCases: [(op: Op, domain: Domain)] = [
    (.negate, .mixed), (.power(2), .mixed), (.power(3), .mixed), (.power(-1), .mixed),
    (.power(0.5), .positive), (.power(1.5), .positive), (.exp, .mixed), (.log, .positive),
    (.sigmoid, .mixed), (.tanh, .mixed), (.relu, .mixed), (.sqrt, .positive), (.abs, .mixed),
    (.dropout(p: 0.5, seed: 0), .mixed), (.dropout(p: 0.25, seed: 7), .mixed), (.dropout(p: 0, seed: 3), .mixed),
]

@Test("elementwise unary gradients match finite differences", arguments: 0..<unaryCases.count, oneOfEachRank)
func unaryGradient(caseIndex: Int, shape: Shape) throws {
    let (op, domain) = unaryCases[caseIndex]
    var rng = SplitMix64(seed: 101 + UInt64(caseIndex))
    var g = GraphBuilder()
    let x = try g.random(.parameter, shape, domain, &rng)
    let out = try g.weighted(try g.apply(op, x), &rng)
    let error = try worstGradientError(g, output: out, leaves: [x])
    #expect(error < 1e-7, "\(op.name) on \(shape): relative error \(error), tolerance 1e-7")
}

@Test("matmul gradients match finite differences", arguments: matmulForms)
func matmulGradient(form: ShapePair) throws {
    var rng = SplitMix64(seed: 7)
    var g = GraphBuilder()
    let a = try g.random(.parameter, form.a, .positive, &rng)
    let b = try g.random(.parameter, form.b, .positive, &rng)
    let out = try g.weighted(try g.apply(.matmul, a, b), &rng)
    let error = try worstGradientError(g, output: out, leaves: [a, b])
    #expect(error < 1e-7, "matmul of \(form): relative error \(error), tolerance 1e-7")
}

@Test("sum and mean gradients match finite differences", arguments: [Op.sum, .mean], oneOfEachRank)
func reductionGradient(op: Op, shape: Shape) throws {
    var rng = SplitMix64(seed: 23)
    var g = GraphBuilder()
    let x = try g.random(.parameter, shape, .mixed, &rng)
    // Square the reduction so its upstream gradient is not just 1.
    let out = try g.apply(.power(2), try g.apply(op, x))
    let error = try worstGradientError(g, output: out, leaves: [x])
    #expect(error < 1e-7, "\(op.name) of \(shape): relative error \(error), tolerance 1e-7")
}

@Test("transpose gradients match finite differences", arguments: [Shape.matrix(2, 3), .vector(3), .scalar])
func transposeGradient(shape: Shape) throws {
    var rng = SplitMix64(seed: 31)
    var g = GraphBuilder()
    let x = try g.random(.parameter, shape, .mixed, &rng)
    let out = try g.weighted(try g.apply(.transpose, x), &rng)
    let error = try worstGradientError(g, output: out, leaves: [x])
    #expect(error < 1e-7, "transpose of \(shape): relative error \(error), tolerance 1e-7")
}

@Test("a node used on two paths collects both gradients: y = x·x + x gives 2x + 1")
func reusedNodeGradient() throws {
    var rng = SplitMix64(seed: 41)
    var g = GraphBuilder()
    let x = try g.random(.parameter, .vector(4), .mixed, &rng)
    let y = try g.apply(.add, try g.apply(.multiply, x, x), x)
    let plan = try evaluated(g, output: y)
    let xs = try #require(plan.value(x)).scalars
    let grads = try #require(plan.gradient(x)).scalars
    for (xi, gi) in zip(xs, grads) {
        #expect(abs(gi - (2 * xi + 1)) <= 1e-15 * abs(2 * xi + 1), "∂y/∂x = 2x + 1 within 1e-15 relative")
    }
    let error = try worstGradientError(g, output: y, leaves: [x])
    #expect(error < 1e-7, "relative error \(error), tolerance 1e-7")
}

@Test("matmul of a node with itself and with its own transpose matches finite differences")
func reusedMatmulGradient() throws {
    var rng = SplitMix64(seed: 43)
    var g = GraphBuilder()
    let v = try g.random(.parameter, .vector(3), .positive, &rng)
    let m = try g.random(.parameter, .matrix(2, 3), .positive, &rng)
    let dot = try g.apply(.matmul, v, v)
    let gram = try g.apply(.matmul, m, try g.apply(.transpose, m))
    let out = try g.apply(.add, try g.weighted(gram, &rng), dot)
    let error = try worstGradientError(g, output: out, leaves: [v, m])
    #expect(error < 1e-7, "relative error \(error), tolerance 1e-7")
}

@Test("a small network (matmul, broadcast bias, tanh, sigmoid, mean) matches finite differences")
func composedGradient() throws {
    var rng = SplitMix64(seed: 47)
    var g = GraphBuilder()
    let x = try g.random(.input, .matrix(4, 2), .mixed, &rng)
    let w1 = try g.random(.parameter, .matrix(2, 3), .mixed, &rng)
    let b1 = try g.random(.parameter, .vector(3), .mixed, &rng)
    let w2 = try g.random(.parameter, .vector(3), .mixed, &rng)
    let h = try g.apply(.tanh, try g.apply(.add, try g.apply(.matmul, x, w1), b1))
    let p = try g.apply(.sigmoid, try g.apply(.matmul, h, w2))
    let loss = try g.apply(.mean, try g.apply(.power(2), try g.apply(.subtract, p, g.constant(0.5))))
    let error = try worstGradientError(g, output: loss, leaves: [x, w1, b1, w2])
    #expect(error < 1e-7, "relative error \(error), tolerance 1e-7")
}
