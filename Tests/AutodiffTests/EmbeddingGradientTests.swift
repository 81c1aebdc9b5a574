import Autodiff
import Testing
import TestSupport

// embedding against finite differences (the table; the ids are whole numbers, where no derivative
// exists), its values and repeated ids, and its errors.

@Test("embedding gradients match finite differences", arguments: [[2.0, 0, 2, 1], [1.0], [0.0, 0, 0]])
func embeddingGradient(ids: [Double]) throws {
    var rng = SplitMix64(seed: 113 + UInt64(ids.count))
    var g = GraphBuilder()
    let table = try g.random(.parameter, .matrix(3, 4), .mixed, &rng)
    let picks = g.leaf(.constant, value: try Tensor(vector: ids))
    let rows = try g.apply(.embedding, table, picks)
    #expect(g.shape(of: rows) == .matrix(ids.count, 4))
    let out = try g.weighted(rows, &rng)
    let error = try worstGradientError(g, output: out, leaves: [table])
    #expect(error < 1e-7, "embedding of \(ids): relative error \(error), tolerance 1e-7")
}

@Test("embedding picks rows, a scalar id gives a vector, and a repeated id adds up its gradient")
func embeddingValues() throws {
    var g = GraphBuilder()
    let table = g.leaf(.parameter, value: try Tensor(shape: .matrix(3, 2), scalars: [1, 2, 3, 4, 5, 6]))
    let ids = g.leaf(.input, value: try Tensor(vector: [2, 0, 2]))
    let one = g.leaf(.input, value: Tensor(scalar: 1))
    let rows = try g.apply(.embedding, table, ids)
    let row = try g.apply(.embedding, table, one)
    let out = try g.apply(.add, try g.apply(.sum, rows), try g.apply(.sum, row))
    let plan = try Plan(g, output: out)
    plan.forward()
    plan.backward()
    #expect(plan.value(rows)?.scalars == [5, 6, 1, 2, 5, 6])
    #expect(plan.value(row)?.scalars == [3, 4])
    #expect(plan.gradient(table)?.scalars == [1, 1, 1, 1, 2, 2])
    #expect(plan.gradient(ids)?.scalars == [0, 0, 0])
}

@Test("embedding needs a table and whole ids in range, saying which")
func embeddingErrors() {
    #expect(throws: ShapeError("embedding needs a table of rows (a matrix) first, got vector of 3")) {
        try EmbeddingRules.result(table: .vector(3), ids: .vector(2))
    }
    #expect(throws: ShapeError("embedding takes a scalar or a vector of ids, got 2x2")) {
        try EmbeddingRules.result(table: .matrix(3, 2), ids: .matrix(2, 2))
    }
    #expect(throws: ShapeError("id 3 is out of range for W's 3 rows")) {
        try EmbeddingRules.check(ids: try Tensor(vector: [0, 3]), rows: 3, table: "W")
    }
    #expect(throws: ShapeError("the ids of embedding must be whole numbers, got 1.5 at position 1")) {
        try EmbeddingRules.check(ids: try Tensor(vector: [0, 1.5]), rows: 3, table: "W")
    }
}
