import Autodiff
import Operations
import Testing
import TestSupport

// X[...] against finite differences and against the values NumPy gives (shapes and picks).

/// Index forms with the operand's shape and the result NumPy gives.
let indexCases: [(shape: Shape, spec: IndexSpec, result: Shape)] = [
    (.matrix(3, 4), IndexSpec([.at(0)]), .vector(4)),
    (.matrix(3, 4), IndexSpec([.range(nil, nil), .at(1)]), .vector(3)),
    (.matrix(3, 4), IndexSpec([.at(1), .at(2)]), .scalar),
    (.matrix(3, 4), IndexSpec([.at(-1)]), .vector(4)),
    (.matrix(3, 4), IndexSpec([.range(0, 2)]), .matrix(2, 4)),
    (.matrix(3, 4), IndexSpec([.range(nil, nil), .range(1, 3)]), .matrix(3, 2)),
    (.matrix(3, 4), IndexSpec([.range(-2, nil), .at(-1)]), .vector(2)),
    (.vector(5), IndexSpec([.at(-2)]), .scalar),
    (.vector(5), IndexSpec([.range(1, -1)]), .vector(3)),
]

@Test("index gradients match finite differences", arguments: 0..<indexCases.count)
func indexGradient(caseIndex: Int) throws {
    let (shape, spec, result) = indexCases[caseIndex]
    var rng = SplitMix64(seed: 71 + UInt64(caseIndex))
    var g = GraphBuilder()
    let x = try g.random(.parameter, shape, .mixed, &rng)
    let picked = try g.apply(.index(spec), x)
    #expect(g.shape(of: picked) == result)
    let out = try g.weighted(picked, &rng)
    let error = try worstGradientError(g, output: out, leaves: [x])
    #expect(error < 1e-7, "\(shape)\(spec.python): relative error \(error), tolerance 1e-7")
}

@Test("an index picks NumPy's elements and scatters the gradient back into zeros")
func indexValuesAndGradient() throws {
    var g = GraphBuilder()
    let x = g.leaf(.parameter, value: try Tensor(shape: .matrix(3, 4), scalars: (0..<12).map(Double.init)))
    let column = try g.apply(.index(IndexSpec([.range(nil, nil), .at(1)])), x)
    let block = try g.apply(.index(IndexSpec([.range(1, 3), .range(2, 4)])), x)
    let both = try g.apply(.add, try g.apply(.sum, column), try g.apply(.sum, block))
    let plan = try Plan(g, output: both)
    plan.forward()
    plan.backward()
    #expect(plan.value(column)?.scalars == [1, 5, 9])
    #expect(plan.value(block)?.scalars == [6, 7, 10, 11])
    #expect(plan.gradient(x)?.scalars == [0, 1, 0, 0, 0, 1, 1, 1, 0, 1, 1, 1])
}

@Test("an index out of range, of a scalar or with too many positions is a shape error naming the operand")
func indexErrors() {
    let m = Shape.matrix(3, 4)
    #expect(throws: ShapeError("index 5 is out of range for X's 3 rows")) { try IndexRules.block(of: m, IndexSpec([.at(5)]), name: "X") }
    #expect(throws: ShapeError("index -5 is out of range for X's 4 columns")) {
        try IndexRules.block(of: m, IndexSpec([.at(0), .at(-5)]), name: "X")
    }
    #expect(throws: ShapeError("range 1:9 is out of range for X's 3 rows")) { try IndexRules.block(of: m, IndexSpec([.range(1, 9)]), name: "X") }
    #expect(throws: ShapeError("range 2:1 of X's 3 rows is empty")) { try IndexRules.block(of: m, IndexSpec([.range(2, 1)]), name: "X") }
    #expect(throws: ShapeError("v is a vector of 3, so it takes at most 1 index, got 2")) {
        try IndexRules.block(of: .vector(3), IndexSpec([.at(0), .at(0)]), name: "v")
    }
    #expect(throws: ShapeError("cannot index s: it is a scalar")) { try IndexRules.block(of: .scalar, IndexSpec([.at(0)]), name: "s") }
    var g = GraphBuilder()
    let x = g.leaf(.input, value: Tensor(scalar: 1))
    #expect(throws: ShapeError("cannot index the operand: it is a scalar")) { try g.apply(.index(IndexSpec([.at(0)])), x) }
}
