import Autodiff
import Testing

// Linear regression with weight decay: w feeds the prediction and the penalty λ·sum(w²), so
// its gradient is the sum of both paths. Both parts are computed by hand here.

@Test("w's gradient is the prediction-path part plus the penalty-path part")
func weightDecayGradientAddsBothPaths() throws {
    let xRows: [[Double]] = [[1, 2], [3, -1], [0.5, 4]]
    let targets: [Double] = [1, -2, 3]
    let weights: [Double] = [0.3, -0.7]
    let lambda = 0.1

    var g = GraphBuilder()
    let x = g.leaf(.input, value: try Tensor(matrix: xRows))
    let y = g.leaf(.input, value: try Tensor(vector: targets))
    let w = g.leaf(.parameter, value: try Tensor(vector: weights))
    let residual = try g.apply(.subtract, try g.apply(.matmul, x, w), y)
    let dataLoss = try g.apply(.mean, try g.apply(.power(2), residual))
    let penalty = try g.apply(.multiply, g.constant(lambda), try g.apply(.sum, try g.apply(.power(2), w)))
    let loss = try g.apply(.add, dataLoss, penalty)
    let plan = try evaluated(g, output: loss)

    // Prediction path: d mean((Xw − y)²)/dw = (2/n) Xᵀ (Xw − y).
    let n = Double(xRows.count)
    let r = zip(xRows, targets).map { row, t in row[0] * weights[0] + row[1] * weights[1] - t }
    let predictionPart = (0..<2).map { j in 2 / n * (0..<3).reduce(0) { $0 + xRows[$1][j] * r[$1] } }
    // Penalty path: d λ·sum(w²)/dw = 2λw.
    let penaltyPart = weights.map { 2 * lambda * $0 }

    let grad = try #require(plan.gradient(w)).scalars
    for j in 0..<2 {
        let expected = predictionPart[j] + penaltyPart[j]
        #expect(abs(grad[j] - expected) <= 1e-14 * max(1, abs(expected)),
                "w[\(j)]: \(grad[j]) vs \(predictionPart[j]) + \(penaltyPart[j]), 1e-14 relative")
    }
}
