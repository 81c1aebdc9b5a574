import Foundation
import Testing
@testable import Autodiff

/// The `cases` of a reference fixture (`Fixtures/<name>`, written by a script under scripts/
/// from PyTorch), or none when the file is missing or does not decode: the tests that load it
/// then fail on their coverage check.
func referenceCases<Case: Decodable>(_ name: String, as _: Case.Type) -> [Case] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/" + name)
    guard let data = try? Data(contentsOf: url) else { return [] }
    return (try? JSONDecoder().decode(ReferenceFile<Case>.self, from: data))?.cases ?? []
}

/// Agreement with a float64 reference: |a − b| ≤ 1e-12 · max(|b|, 0.1).
func referenceClose(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(abs(b), 0.1) }

/// A reference fixture's top level: `{"cases": [...]}`.
private struct ReferenceFile<Case: Decodable>: Decodable { let cases: [Case] }

/// Checks one op of a PyTorch fixture case: `op` applied to leaves made of `inputs` (with `shapes`)
/// must give `result` and, for the loss sum(y · w), the gradients `grads`, each to `referenceClose`.
func checkAgainstTorch(_ op: Op, shapes: [[Int]], inputs: [[Double]], resultShape: [Int], w: [Double], y expected: [Double],
                       grads: [[Double]], label: String) throws {
    var g = GraphBuilder()
    var leaves: [NodeID] = []
    for (dims, scalars) in zip(shapes, inputs) {
        leaves.append(g.leaf(.parameter, value: try Tensor(shape: shape(dims), scalars: scalars)))
    }
    let y = try g.apply(op, leaves)
    #expect(g.shape(of: y) == shape(resultShape), "\(label): result shape")
    let weights = g.leaf(.constant, value: try Tensor(shape: shape(resultShape), scalars: w))
    let out = try g.apply(.sum, try g.apply(.multiply, y, weights))
    let plan = try evaluated(g, output: out)
    for (i, (a, b)) in zip(try #require(plan.value(y)).scalars, expected).enumerated() {
        #expect(referenceClose(a, b), "\(label): y[\(i)] \(a) vs torch \(b)")
    }
    for (k, leaf) in leaves.enumerated() {
        let ours = try #require(plan.gradient(leaf)).scalars
        #expect(ours.count == grads[k].count)
        for (i, (a, b)) in zip(ours, grads[k]).enumerated() {
            #expect(referenceClose(a, b), "\(label): d/d(operand \(k))[\(i)] \(a) vs torch \(b)")
        }
    }
}
