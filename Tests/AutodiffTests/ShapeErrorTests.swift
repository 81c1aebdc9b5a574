import Autodiff
import Testing

// Exact error messages: these reach teachers through the CLI.

/// The message thrown by applying `op` to leaves of the given shapes.
private func message(_ op: Op, _ shapes: Shape...) throws -> String? {
    var g = GraphBuilder()
    let ids = try shapes.map { g.leaf(.constant, value: try Tensor(shape: $0, scalars: Array(repeating: 1, count: $0.count))) }
    do throws(ShapeError) {
        _ = try g.apply(op, ids)
        return nil
    } catch {
        return error.message
    }
}

@Test("matmul mismatches name both shapes")
func matmulMismatchMessages() throws {
    #expect(try message(.matmul, .matrix(2, 2), .matrix(3, 1)) == "cannot multiply 2x2 by 3x1")
    #expect(try message(.matmul, .vector(3), .matrix(2, 2)) == "cannot multiply vector of 3 by 2x2")
    #expect(try message(.matmul, .matrix(2, 2), .vector(3)) == "cannot multiply 2x2 by vector of 3")
    #expect(try message(.matmul, .vector(3), .vector(2)) == "cannot multiply vector of 3 by vector of 2")
    #expect(try message(.matmul, .scalar, .vector(2)) == "cannot multiply scalar by vector of 2")
}

@Test("elementwise mismatches use each op's verb")
func elementwiseMismatchMessages() throws {
    #expect(try message(.add, .matrix(2, 3), .matrix(3, 2)) == "cannot add 2x3 and 3x2")
    #expect(try message(.subtract, .matrix(2, 3), .matrix(3, 2)) == "cannot subtract 3x2 from 2x3")
    #expect(try message(.multiply, .matrix(2, 3), .matrix(3, 2)) == "cannot multiply 2x3 and 3x2 elementwise")
    #expect(try message(.divide, .vector(2), .vector(3)) == "cannot divide vector of 2 by vector of 3")
    #expect(try message(.maximum, .matrix(2, 3), .vector(2)) == "cannot take the maximum of 2x3 and vector of 2")
}

@Test("a vector broadcasts only along a matrix's columns, not its rows")
func vectorMustMatchColumns() throws {
    #expect(try message(.add, .vector(3), .matrix(3, 2)) == "cannot add vector of 3 and 3x2")
    #expect(try message(.add, .matrix(3, 1), .matrix(2, 1)) == "cannot add 3x1 and 2x1")
}

@Test("broadcasting follows NumPy: columns, rows, scalars and their outer grid")
func numpyBroadcasting() throws {
    func result(_ a: Shape, _ b: Shape) throws -> Shape? {
        var g = GraphBuilder()
        let x = g.leaf(.parameter, value: try Tensor(shape: a, scalars: Array(repeating: 1, count: a.count)))
        let y = g.leaf(.parameter, value: try Tensor(shape: b, scalars: Array(repeating: 1, count: b.count)))
        let sum = try g.apply(.add, x, y)
        return g.shape(of: sum)
    }
    #expect(try result(.matrix(2, 2), .matrix(2, 1)) == .matrix(2, 2))
    #expect(try result(.matrix(2, 1), .matrix(1, 3)) == .matrix(2, 3))
    #expect(try result(.vector(3), .matrix(2, 1)) == .matrix(2, 3))
    #expect(try result(.vector(1), .vector(4)) == .vector(4))
    #expect(try result(.matrix(1, 3), .vector(3)) == .matrix(1, 3))
}

@Test("wrong arity names the op and both counts")
func arityMessages() throws {
    #expect(try message(.add, .scalar) == "add takes 2 inputs, got 1")
    #expect(try message(.sigmoid, .scalar, .scalar) == "sigmoid takes 1 input, got 2")
    #expect(try message(.matmul) == "matmul takes 2 inputs, got 0")
}

@Test("leaf ops cannot be applied")
func leafOpsAreNotApplied() throws {
    #expect(try message(.parameter) == "param is a leaf: create it with leaf(_:value:), not apply")
}

@Test("pow needs a finite exponent")
func nonFiniteExponent() throws {
    #expect(try message(.power(.infinity), .scalar) == "the exponent of pow must be a finite number, got inf")
}

/// A one-node graph and node #1 of another graph, which it does not have.
private func graphAndForeignNode() -> (small: GraphBuilder, near: NodeID, far: NodeID) {
    var big = GraphBuilder()
    _ = big.constant(1)
    let far = big.constant(2)
    var small = GraphBuilder()
    let near = small.constant(3)
    return (small, near, far)
}

@Test("an input from another graph is rejected, not followed")
func unknownInput() throws {
    let (graph, near, far) = graphAndForeignNode()
    var small = graph
    #expect(throws: ShapeError("add refers to node #1, but this graph has 1 node")) {
        try small.apply(.add, near, far)
    }
}

@Test("tensors check their element count and dimensions")
func tensorValidation() throws {
    #expect(throws: ShapeError("shape 2x2 needs 4 numbers, got 3")) { try Tensor(shape: .matrix(2, 2), scalars: [1, 2, 3]) }
    #expect(throws: ShapeError("shape vector of 0 is not valid: every dimension must be at least 1")) { try Tensor(vector: []) }
    #expect(throws: ShapeError("matrix rows differ in length: row 1 has 2, row 2 has 1")) { try Tensor(matrix: [[1, 2], [3]]) }
    #expect(throws: ShapeError("shape -1x-2 is not valid: every dimension must be at least 1")) {
        try Tensor(shape: .matrix(-1, -2), scalars: [1, 2])
    }
}

@Test("a plan rejects an output from another graph")
func unknownOutput() throws {
    let (small, _, far) = graphAndForeignNode()
    #expect(throws: PlanError("output #1 is not a node of this graph (it has 1 node)")) { try Plan(small, output: far) }
}

@Test("losses need logits and targets of one shape; softmax needs at least a vector")
func lossShapeMessages() throws {
    #expect(try message(.bceLogits, .matrix(4, 1), .vector(4))
            == "bce_logits needs logits and targets of the same shape, got 4x1 and vector of 4")
    #expect(try message(.softmaxCrossEntropy, .matrix(2, 3), .matrix(2, 2))
            == "softmax_cross_entropy needs logits and targets of the same shape, got 2x3 and 2x2")
    #expect(try message(.softmaxCrossEntropy, .scalar, .scalar)
            == "softmax_cross_entropy needs a vector of logits or a matrix with one row per example, got a scalar")
    #expect(try message(.bceLogits, .scalar, .scalar) == nil, "a scalar logit is one example")
}
