import Autodiff
import Testing
import TestSupport

// concat against finite differences and NumPy's shapes, and its shape errors.

/// Operand shapes, the axis as written, and the result NumPy's concatenate gives.
let concatCases: [(shapes: [Shape], axis: Int, result: Shape)] = [
    ([.vector(2), .vector(3)], 0, .vector(5)),
    ([.vector(2), .vector(1), .vector(3)], -1, .vector(6)),
    ([.matrix(2, 3), .matrix(1, 3)], 0, .matrix(3, 3)),
    ([.matrix(2, 3), .matrix(2, 1), .matrix(2, 2)], 1, .matrix(2, 6)),
    ([.matrix(2, 1), .matrix(2, 2)], -1, .matrix(2, 3)),
]

@Test("concat gradients match finite differences", arguments: 0..<concatCases.count)
func concatGradient(caseIndex: Int) throws {
    let (shapes, axis, result) = concatCases[caseIndex]
    var rng = SplitMix64(seed: 91 + UInt64(caseIndex))
    var g = GraphBuilder()
    let leaves = try shapes.map { try g.random(.parameter, $0, .mixed, &rng) }
    let joined = try g.apply(.concat(axis: axis, count: shapes.count), leaves)
    #expect(g.shape(of: joined) == result)
    let out = try g.weighted(joined, &rng)
    let error = try worstGradientError(g, output: out, leaves: leaves)
    #expect(error < 1e-7, "concat of \(shapes) along \(axis): relative error \(error), tolerance 1e-7")
}

@Test("concat joins rows or columns in NumPy's order, and a tensor joined to itself gets both parts")
func concatValues() throws {
    var g = GraphBuilder()
    let a = g.leaf(.parameter, value: try Tensor(shape: .matrix(2, 2), scalars: [1, 2, 3, 4]))
    let b = g.leaf(.parameter, value: try Tensor(shape: .matrix(2, 1), scalars: [5, 6]))
    let side = try g.apply(.concat(axis: 1, count: 3), a, b, a)
    let stacked = try g.apply(.concat(axis: 0, count: 2), a, a)
    let out = try g.apply(.add, try g.apply(.sum, side), try g.apply(.sum, stacked))
    let plan = try Plan(g, output: out)
    plan.forward()
    plan.backward()
    #expect(plan.value(side)?.scalars == [1, 2, 5, 1, 2, 3, 4, 6, 3, 4])
    #expect(plan.value(stacked)?.scalars == [1, 2, 3, 4, 1, 2, 3, 4])
    #expect(plan.gradient(a)?.scalars == [4, 4, 4, 4])
    #expect(plan.gradient(b)?.scalars == [1, 1])
}

@Test("concat refuses shapes that do not line up, saying which sizes differ")
func concatErrors() {
    let m = Shape.matrix(2, 3)
    #expect(throws: ShapeError("cannot concat 2x3, 2x2 along axis 0: they need the same number of columns")) {
        try ConcatRules.layout([m, .matrix(2, 2)], axis: 0)
    }
    #expect(throws: ShapeError("cannot concat 2x3, 3x3 along axis 1: they need the same number of rows")) {
        try ConcatRules.layout([m, .matrix(3, 3)], axis: 1)
    }
    #expect(throws: ShapeError("concat needs tensors with the same number of axes, got 2x3, vector of 3")) {
        try ConcatRules.layout([m, .vector(3)], axis: 0)
    }
    #expect(throws: ShapeError("concat joins vectors or matrices, got scalar, scalar")) { try ConcatRules.layout([.scalar, .scalar], axis: 0) }
    #expect(throws: ShapeError("axis 1 of concat is out of range for vector of 2, whose one axis is 0 (or -1)")) {
        try ConcatRules.layout([.vector(2), .vector(2)], axis: 1)
    }
    #expect(throws: ShapeError("concat joins two or three tensors, got 4")) { try ConcatRules.layout([m, m, m, m], axis: 0) }
}
