import Autodiff
import Foundation
import Operations
import Testing

// Comparisons, where, clip, reshape, index, concat and embedding against PyTorch float64, from Fixtures/tensor_ops.json written by
// scripts/reference_tensor_ops.py. Each case is sum(op(operands) * w) for fixed uneven weights
// w; the result and the gradient of every operand must agree to 1e-12 relative.

struct TensorOpCase: Decodable, Sendable, CustomStringConvertible {
    let op: String
    let shapes: [[Int]]
    let inputs: [[Double]]
    let result_shape: [Int]
    let y: [Double]
    let w: [Double]
    let grads: [[Double]]
    /// What an index case picks (`IndexSpec.numbers`); nil for the other ops.
    let index: [[Int?]]?
    /// The axis of a concat case; nil for the other ops.
    let axis: Int?
    var description: String { "\(op)(\(shapes.map { "\($0)" }.joined(separator: ", ")))" }
}

private let tensorOpFixtures = referenceCases("tensor_ops.json", as: TensorOpCase.self)

@Test("the tensor-op fixture covers every comparison, where, clip, reshape, index, concat and embedding")
func tensorOpFixturesLoad() {
    let ops = Set(tensorOpFixtures.map(\.op))
    for op in Operations.Operation.allCases where op.isComparison || op.family == .ternary || op == .reshape || op == .index || op == .concat
        || op == .embedding {
        #expect(ops.contains(op.traceName), "\(op) has no PyTorch fixture case")
    }
}

@Test("comparisons, where, clip, reshape, index, concat and embedding agree with PyTorch, values and gradients", arguments: tensorOpFixtures)
func tensorOpMatchesTorch(c: TensorOpCase) throws {
    let found = Operations.Operation.allCases.first { $0.traceName == c.op }
    let operation = try #require(found, "\(c.op) is not in the op registry")
    // A reshape's sizes are its result's shape (torch inferred any -1).
    let op = Op(operation, axis: AxisOption(axis: c.axis), dims: c.result_shape,
                index: c.index.flatMap(IndexSpec.init(numbers:)) ?? IndexSpec(), operands: c.shapes.count)
    try checkAgainstTorch(op, shapes: c.shapes, inputs: c.inputs, resultShape: c.result_shape, w: c.w, y: c.y, grads: c.grads,
                          label: "\(c)")
}
