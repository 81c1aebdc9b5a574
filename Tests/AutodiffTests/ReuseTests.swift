import Testing
@testable import Autodiff

@Test func contributionsOfConsumersAddUpToTheGradient() throws {
    // J = sum(X @ w) + 0.5 * sum(w^2): w feeds two consumers.
    var g = GraphBuilder()
    let x = g.leaf(.input, value: try Tensor(matrix: [[1, 2], [3, 4]]))
    let w = g.leaf(.parameter, value: try Tensor(vector: [0.5, -1]))
    let half = g.leaf(.constant, value: Tensor(scalar: 0.5))
    let prediction = try g.apply(.matmul, x, w)
    let fit = try g.apply(.sum, prediction)
    let square = try g.apply(.power(2), w)
    let penalty0 = try g.apply(.sum, square)
    let penalty = try g.apply(.multiply, half, penalty0)
    let j = try g.apply(.add, fit, penalty)
    let plan = try Plan(g, output: j)
    plan.forward()
    plan.backward()
    let viaPrediction = try #require(plan.contributions(of: prediction)[w])
    let viaPenalty = try #require(plan.contributions(of: square)[w])
    #expect(viaPrediction.scalars == [4, 6])          // Xᵀ · 1 = column sums of X
    #expect(viaPenalty.scalars == [0.5, -1])           // 0.5 · 2w = w
    #expect(plan.gradient(w)?.scalars == [4.5, 5])
    #expect(plan.contributions(of: x).isEmpty)         // a leaf has no inputs
}
