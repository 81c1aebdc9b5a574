import Autodiff
import Foundation
import Operations
import Testing

// softmax, log_softmax and logsumexp (and, as they land, sum/mean/max/min along an axis) against
// PyTorch float64, from Fixtures/axis_ops.json written by scripts/reference_axis_ops.py. Each case
// is sum(op(x) * w) for fixed uneven weights w; the result and d/dx must agree to 1e-12 relative.

struct AxisCase: Decodable, Sendable, CustomStringConvertible {
    let op: String
    let axis: Int?
    let keepdims: Bool
    let shape: [Int]
    let x: [Double]
    let result_shape: [Int]
    let y: [Double]
    let w: [Double]
    let dx: [Double]
    var description: String { "\(op)(\(shape), axis: \(axis.map(String.init) ?? "default"), keepdims: \(keepdims))" }
}

private let axisFixtures = referenceCases("axis_ops.json", as: AxisCase.self)

func shape(_ dims: [Int]) -> Shape {
    dims.count == 0 ? .scalar : dims.count == 1 ? .vector(dims[0]) : .matrix(dims[0], dims[1])
}

private let close = referenceClose

@Test("the axis-op fixture file is present and covers every op along an axis")
func axisFixturesLoad() {
    let ops = Set(axisFixtures.map(\.op))
    // The norms take no axis: their fixture is ConvNormFixtureTests'.
    for op in Operations.Operation.allCases where (op.family == .normalization && op.takesAxis) || op == .logsumexp {
        #expect(ops.contains(op.functionName ?? ""), "\(op) has no PyTorch fixture case")
    }
    for op in ["sum", "mean", "max", "min"] {
        #expect(axisFixtures.contains { $0.op == op && $0.axis != nil }, "\(op) along an axis has no PyTorch fixture case")
    }
}

@Test("ops along an axis agree with PyTorch, values and gradients", arguments: axisFixtures)
func axisOpMatchesTorch(c: AxisCase) throws {
    let operation = try #require(Builtin.operation(c.op == "max" ? "amax" : c.op == "min" ? "amin" : c.op, arity: 1))
    var g = GraphBuilder()
    let x = g.leaf(.parameter, value: try Tensor(shape: shape(c.shape), scalars: c.x))
    let y = try g.apply(Op(operation, axis: AxisOption(axis: c.axis, keepdims: c.keepdims)), x)
    #expect(g.shape(of: y) == shape(c.result_shape), "\(c): result shape")
    let w = g.leaf(.constant, value: try Tensor(shape: shape(c.result_shape), scalars: c.w))
    let out = try g.apply(.sum, try g.apply(.multiply, y, w))
    let plan = try evaluated(g, output: out)
    for (i, (a, b)) in zip(try #require(plan.value(y)).scalars, c.y).enumerated() {
        #expect(close(a, b), "\(c): y[\(i)] \(a) vs torch \(b)")
    }
    for (i, (a, b)) in zip(try #require(plan.gradient(x)).scalars, c.dx).enumerated() {
        #expect(close(a, b), "\(c): dx[\(i)] \(a) vs torch \(b)")
    }
}

/// The registry's op for a fixture's function name and argument count.
enum Builtin {
    static func operation(_ name: String, arity: Int) -> Operations.Operation? {
        Operations.Operation.allCases.first { $0.rawValue == name && $0.arity == arity }
    }
}
