import Autodiff
import Glibc
import Testing

// Forward values against hand-computed numbers or the C library, never against our engine.

/// Evaluates `op` on literal operands and returns the result tensor.
private func evaluate(_ op: Op, _ operands: Tensor...) throws -> Tensor {
    var g = GraphBuilder()
    let ids = operands.map { g.leaf(.constant, value: $0) }
    let y = try g.apply(op, ids)
    let plan = try Plan(g, output: y)
    plan.forward()
    return try #require(plan.value(y))
}

@Test("a scalar broadcasts over a matrix on either side")
func scalarBroadcastForward() throws {
    let m = try Tensor(matrix: [[1, 2, 3], [4, 5, 6]])
    #expect(try evaluate(.subtract, Tensor(scalar: 10), m) == Tensor(matrix: [[9, 8, 7], [6, 5, 4]]))
    #expect(try evaluate(.divide, m, Tensor(scalar: 2)) == Tensor(matrix: [[0.5, 1, 1.5], [2, 2.5, 3]]))
}

@Test("a vector of n broadcasts over the rows of an m×n matrix on either side")
func rowBroadcastForward() throws {
    let m = try Tensor(matrix: [[1, 2, 3], [4, 5, 6]])
    let v = try Tensor(vector: [10, 20, 30])
    #expect(try evaluate(.add, m, v) == Tensor(matrix: [[11, 22, 33], [14, 25, 36]]))
    #expect(try evaluate(.subtract, v, m) == Tensor(matrix: [[9, 18, 27], [6, 15, 24]]))
}

@Test("multiply and maximum work elementwise on equal shapes")
func equalShapeForward() throws {
    let a = try Tensor(vector: [1, -2, 3]), b = try Tensor(vector: [4, 5, -6])
    #expect(try evaluate(.multiply, a, b) == Tensor(vector: [4, -10, -18]))
    #expect(try evaluate(.maximum, a, b) == Tensor(vector: [4, 5, 3]))
}

@Test("matmul follows NumPy for every rank combination")
func matmulForward() throws {
    let a = try Tensor(matrix: [[1, 2], [3, 4]]), b = try Tensor(matrix: [[5, 6], [7, 8]])
    #expect(try evaluate(.matmul, a, b) == Tensor(matrix: [[19, 22], [43, 50]]))
    #expect(try evaluate(.matmul, Tensor(vector: [1, 2, 3]), Tensor(vector: [4, 5, 6])) == Tensor(scalar: 32))
    #expect(try evaluate(.matmul, a, Tensor(vector: [1, 1])) == Tensor(vector: [3, 7]))
    #expect(try evaluate(.matmul, Tensor(vector: [1, 1]), a) == Tensor(vector: [4, 6]))
    let wide = try Tensor(matrix: [[1, 0, 2], [0, 1, 3]])
    #expect(try evaluate(.matmul, a, wide) == Tensor(matrix: [[1, 2, 8], [3, 4, 18]]))
}

@Test("unary ops give DeterministicMath's bits, or the exact IEEE result")
func unaryForward() throws {
    let xs: [Double] = [-1.7, -0.3, 0.4, 2.2]
    let v = try Tensor(vector: xs)
    #expect(try evaluate(.exp, v).scalars == xs.map { DeterministicMath.exp($0) })
    #expect(try evaluate(.tanh, v).scalars == xs.map { DeterministicMath.tanh($0) })
    #expect(try evaluate(.negate, v).scalars == xs.map { -$0 })
    #expect(try evaluate(.relu, v).scalars == [0, 0, 0.4, 2.2])
    #expect(try evaluate(.power(2), v).scalars == xs.map { $0 * $0 })
    #expect(try evaluate(.power(-1.5), Tensor(scalar: 2)).scalars == [pow(2, -1.5)])
    #expect(try evaluate(.log, Tensor(scalar: 3)).scalars == [DeterministicMath.log(3)])
    #expect(try evaluate(.sigmoid, v).scalars == xs.map { DeterministicMath.sigmoid($0) })
}

@Test("sigmoid equals 1 / (1 + e^-x) within 1e-15 relative")
func sigmoidForward() throws {
    let xs: [Double] = [-5, -0.5, 0, 0.5, 5]
    let ys = try evaluate(.sigmoid, Tensor(vector: xs)).scalars
    for (x, y) in zip(xs, ys) {
        let expected = 1 / (1 + exp(-x))
        #expect(abs(y - expected) <= 1e-15 * expected, "sigmoid(\(x)) = \(y), expected \(expected)")
    }
}

@Test("sum and mean reduce every element to a scalar")
func reductionForward() throws {
    let m = try Tensor(matrix: [[1, 2, 3], [4, 5, 6]])
    #expect(try evaluate(.sum, m) == Tensor(scalar: 21))
    #expect(try evaluate(.mean, m) == Tensor(scalar: 3.5))
}

@Test("transpose swaps a matrix and leaves vectors and scalars alone")
func transposeForward() throws {
    let m = try Tensor(matrix: [[1, 2, 3], [4, 5, 6]])
    #expect(try evaluate(.transpose, m) == Tensor(matrix: [[1, 4], [2, 5], [3, 6]]))
    #expect(try evaluate(.transpose, Tensor(vector: [1, 2])) == Tensor(vector: [1, 2]))
    #expect(try evaluate(.transpose, Tensor(scalar: 4)) == Tensor(scalar: 4))
}
