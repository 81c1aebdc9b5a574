import Autodiff
import Testing
import TestSupport

// where and clip against finite differences, for every way three operands broadcast. The mask
// of `where` is a constant (the function jumps where it crosses 0, so finite differences of the
// mask say nothing); clip's three grids never tie, so no element sits on a bound.

/// Ternary ops: the engine op, the domains of its three operands, and which get checked.
let ternaryCases: [(op: Op, domains: [Domain], checked: [Bool])] = [
    (.where, [.grid(0), .mixed, .mixed], [false, true, true]),
    (.clip, [.grid(0.25), .grid(0.75), .grid(0.5)], [true, true, true]),
]

/// Three operand shapes that broadcast together, in NumPy's forms.
let ternaryForms: [[Shape]] = [
    [.scalar, .scalar, .scalar],
    [.vector(3), .vector(3), .vector(3)],
    [.matrix(2, 3), .scalar, .scalar],
    [.matrix(2, 3), .vector(3), .matrix(2, 1)],
    [.matrix(2, 1), .matrix(1, 3), .scalar],
    [.scalar, .matrix(2, 3), .vector(3)],
    [.vector(3), .matrix(2, 1), .matrix(2, 3)],
]

@Test("where and clip gradients match finite differences", arguments: 0..<ternaryCases.count, 0..<ternaryForms.count)
func ternaryGradient(caseIndex: Int, formIndex: Int) throws {
    let (op, domains, checked) = ternaryCases[caseIndex]
    let shapes = ternaryForms[formIndex]
    var rng = SplitMix64(seed: 301 + UInt64(caseIndex * 10 + formIndex))
    var g = GraphBuilder()
    var leaves: [NodeID] = []
    for k in 0..<3 { leaves.append(try g.random(checked[k] ? .parameter : .constant, shapes[k], domains[k], &rng)) }
    let out = try g.weighted(try g.apply(op, leaves), &rng)
    let error = try worstGradientError(g, output: out, leaves: leaves.indices.filter { checked[$0] }.map { leaves[$0] })
    #expect(error < 1e-7, "\(op.name) on \(shapes): relative error \(error), tolerance 1e-7")
}

@Test("clip passes the gradient at its bounds, as torch.clamp does; where sends none to the mask")
func clipAtItsBoundsAndWhereMask() throws {
    var g = GraphBuilder()
    let x = g.leaf(.parameter, value: try Tensor(shape: .vector(5), scalars: [-1, 0, 0.5, 1, 2]))
    let lo = g.leaf(.parameter, value: Tensor(scalar: 0))
    let hi = g.leaf(.parameter, value: Tensor(scalar: 1))
    let y = try g.apply(.clip, [x, lo, hi])
    let mask = g.leaf(.parameter, value: try Tensor(shape: .vector(5), scalars: [1, 0, .nan, -2, 0]))
    let w = try g.apply(.where, [mask, y, x])
    let out = try g.apply(.sum, w)
    let plan = try Plan(g, output: out)
    plan.forward()
    plan.backward()
    #expect(plan.value(y)?.scalars == [0, 0, 0.5, 1, 1])
    #expect(plan.value(w)?.scalars == [0, 0, 0.5, 1, 2])
    // x: through clip where 0 ≤ x ≤ 1 and the mask picks y (elements 0, 2, 3), directly where it picks x (1, 4).
    #expect(plan.gradient(x)?.scalars == [0, 1, 1, 1, 1])
    #expect(plan.gradient(lo)?.scalars == [1])
    #expect(plan.gradient(hi)?.scalars == [0])
    #expect(plan.gradient(mask)?.scalars == [0, 0, 0, 0, 0])
}

@Test("reshape gradients match finite differences", arguments: [
    (Shape.matrix(2, 3), [3, 2]), (.matrix(2, 3), [-1]), (.vector(6), [2, -1]), (.scalar, [1, 1]), (.matrix(3, 1), [1, 3]),
])
func reshapeGradient(shape: Shape, dims: [Int]) throws {
    var rng = SplitMix64(seed: 41)
    var g = GraphBuilder()
    let x = try g.random(.parameter, shape, .mixed, &rng)
    let out = try g.weighted(try g.apply(.reshape(dims), x), &rng)
    let error = try worstGradientError(g, output: out, leaves: [x])
    #expect(error < 1e-7, "reshape of \(shape) to \(dims): relative error \(error), tolerance 1e-7")
}

@Test("reshape refuses sizes that do not hold the numbers, saying why")
func reshapeErrors() {
    var g = GraphBuilder()
    let x = g.leaf(.input, value: Tensor(scalar: 1))
    let v = g.leaf(.input, value: try! Tensor(vector: [1, 2, 3, 4, 5, 6]))
    #expect(throws: ShapeError("cannot reshape vector of 6 (6 numbers) to (4, 2), which holds 8")) { try g.apply(.reshape([4, 2]), v) }
    #expect(throws: ShapeError("cannot reshape vector of 6 (6 numbers) to (4, -1): 6 is not a multiple of 4")) { try g.apply(.reshape([4, -1]), v) }
    #expect(throws: ShapeError("only one size of reshape can be -1 (inferred), got (-1, -1)")) { try g.apply(.reshape([-1, -1]), x) }
}
