import Autodiff
import Foundation
import TestSupport
import Testing

// layer_norm and batch_norm against finite differences (their PyTorch values are in
// ConvNormFixtureTests), on the shapes each takes, with the default eps and a large one.

let normCases: [(op: Op, shape: Shape)] = [
    (.layerNorm(eps: 1e-5), .matrix(3, 4)), (.layerNorm(eps: 1e-5), .vector(5)), (.layerNorm(eps: 0.5), .matrix(2, 3)),
    (.batchNorm(eps: 1e-5), .matrix(4, 3)), (.batchNorm(eps: 1e-5), .matrix(5, 2)), (.batchNorm(eps: 0.5), .matrix(3, 2)),
]

@Test("layer_norm and batch_norm match finite differences", arguments: 0..<normCases.count)
func normGradient(caseIndex: Int) throws {
    let (op, shape) = normCases[caseIndex]
    var rng = SplitMix64(seed: 307 + UInt64(caseIndex))
    var g = GraphBuilder()
    let x = try g.random(.parameter, shape, .mixed, &rng)
    let out = try g.weighted(try g.apply(op, x), &rng)
    let error = try worstGradientError(g, output: out, leaves: [x])
    #expect(error < 1e-7, "\(op) on \(shape): relative error \(error), tolerance 1e-7")
}

@Test("layer_norm gives each row mean 0 and variance 1/(1 + eps/var); batch_norm each column")
func normsNormalize() throws {
    var g = GraphBuilder()
    let x = g.leaf(.parameter, value: try Tensor(shape: .matrix(2, 3), scalars: [1, 2, 3, 10, 20, 60]))
    let rows = try g.apply(.layerNorm(eps: 0), x)
    let columns = try g.apply(.batchNorm(eps: 0), x)
    let total = try g.apply(.add, try g.apply(.sum, rows), try g.apply(.sum, columns))
    let plan = try evaluated(g, output: total)
    let r = try #require(plan.value(rows)).scalars
    let c = try #require(plan.value(columns)).scalars
    #expect(abs(r[0] + r[1] + r[2]) < 1e-15 && abs(r[0] * r[0] + r[1] * r[1] + r[2] * r[2] - 3) < 1e-14)
    #expect(c == [-1, -1, -1, 1, 1, 1])
}

@Test("the norms name what they need: a vector or matrix, two examples, eps ≥ 0")
func normShapeErrors() {
    func message(_ op: Op, _ shape: Shape) -> String? {
        var g = GraphBuilder()
        let x = g.leaf(.constant, value: try! Tensor(shape: shape, scalars: Array(repeating: 1, count: shape.count)))
        do throws(ShapeError) {
            _ = try g.apply(op, x)
            return nil
        } catch {
            return error.message
        }
    }
    #expect(message(.layerNorm(eps: 1e-5), .scalar) == "layer_norm needs a vector or a matrix (it normalizes each row), got a scalar")
    #expect(message(.batchNorm(eps: 1e-5), .vector(3))
        == "batch_norm needs a matrix of examples × features with at least 2 examples (rows), got a vector of 3")
    #expect(message(.batchNorm(eps: 1e-5), .matrix(1, 3))
        == "batch_norm needs a matrix of examples × features with at least 2 examples (rows), got 1 row (1x3)")
    #expect(message(.layerNorm(eps: -1), .vector(3)) == "eps of layer_norm must be a number ≥ 0, got -1.0")
    #expect(message(.layerNorm(eps: 1e-5), .matrix(1, 1)) == nil)
}
