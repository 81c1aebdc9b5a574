import Testing
@testable import LessonModel

// The computational graphs of the seed article (Goodfellow et al., figure 6.8) and colah's
// "Calculus on Computational Graphs", as teachers would write them.

@Test func seedGraphProduct() throws {
    let p = try graphProgram("x = 2\ny = -3\nz = x * y\n")
    #expect(listing(p) == ["x = input 2.0", "y = input -3.0", "z = multiply(x, y)"])
    #expect(p.output == 2)
}

@Test func seedGraphLogisticRegression() throws {
    let p = try graphProgram("""
        x = [1.0, 2.0]          # leaf input
        param w = [0.5, -0.3]   # a parameter
        param b = 0.1
        y_hat = sigmoid(x @ w + b)
        """)
    #expect(listing(p) == ["x = input [2]: 1.0, 2.0", "w = param [2]: 0.5, -0.3", "b = param 0.1",
                           "u1 = matmul(x, w)", "u2 = add(u1, b)", "y_hat = sigmoid(u2)"])
    #expect(p.nodes[p.output].name == "y_hat")
}

@Test func seedGraphReLULayerOnABatch() throws {
    let p = try graphProgram("""
        X = [[1, 2],
             [3, 4],
             [5, 6]]            # a batch of three examples
        param W = [[0.1, -0.2, 0.3],
                   [0.4, 0.5, -0.6]]
        param b = [0.1, 0.2, 0.3]
        H = max(0, X @ W + b)
        """)
    #expect(listing(p) == [
        "X = input [3, 2]: 1.0, 2.0, 3.0, 4.0, 5.0, 6.0",
        "W = param [2, 3]: 0.1, -0.2, 0.3, 0.4, 0.5, -0.6",
        "b = param [3]: 0.1, 0.2, 0.3",
        "c1 = const 0.0", "u1 = matmul(X, W)", "u2 = add(u1, b)", "H = maximum(c1, u2)",
    ])
}

@Test func seedGraphLinearRegressionWithWeightDecay() throws {
    let p = try graphProgram("""
        x = [1.0, 2.0, 3.0]
        y = 2.0
        param w = [0.1, 0.2, 0.3]
        lambda = 0.01
        y_hat = x @ w
        cost = (y_hat - y)^2 + lambda * sum(w^2)
        """)
    #expect(listing(p) == [
        "x = input [3]: 1.0, 2.0, 3.0", "y = input 2.0", "w = param [3]: 0.1, 0.2, 0.3", "lambda = input 0.01",
        "y_hat = matmul(x, w)", "u1 = subtract(y_hat, y)", "u2 = power(u1, 2.0)", "u3 = power(w, 2.0)",
        "u4 = sum(u3)", "u5 = multiply(lambda, u4)", "cost = add(u2, u5)",
    ])
    // w feeds both the prediction and the penalty: its gradient will add up from two paths.
    let users = p.nodes.filter { if case .operation(_, let inputs, _) = $0.kind { inputs.contains(2) } else { false } }
    #expect(users.map(\.name) == ["y_hat", "u3"])
}

@Test func colahSumTimesSum() throws {
    let p = try graphProgram("a = 2\nb = 1\ne = (a + b) * (b + 1)\n")
    #expect(listing(p) == ["a = input 2.0", "b = input 1.0", "u1 = add(a, b)", "c1 = const 1.0",
                           "u2 = add(b, c1)", "e = multiply(u1, u2)"])
}
