import Autodiff
import Foundation
import Operations
import TestSupport
import Testing

// Finite-difference checks of the ops that work along an axis, for every axis a shape has (and
// the default), with and without keepdims where it applies.

/// Each op along an axis with the options it is checked with.
let axisCases: [(op: Op, shape: Shape)] = {
    var cases: [(Op, Shape)] = []
    let options = [AxisOption.none, AxisOption(axis: 0), AxisOption(axis: 1), AxisOption(axis: -1),
                   AxisOption(axis: 0, keepdims: true), AxisOption(axis: -1, keepdims: true), AxisOption(keepdims: true)]
    for operation in [Operation.softmax, .logSoftmax, .logsumexp, .sum, .mean, .amax, .amin] {
        for option in options where operation.family == .reduction || !option.keepdims {
            cases.append((Op(operation, axis: option), .matrix(3, 4)))
            if option.axis != 1 { cases.append((Op(operation, axis: option), .vector(5))) }
        }
    }
    return cases
}()

@Test("ops along an axis match finite differences", arguments: 0..<axisCases.count)
func axisGradient(caseIndex: Int) throws {
    let (op, shape) = axisCases[caseIndex]
    var rng = SplitMix64(seed: 211 + UInt64(caseIndex))
    var g = GraphBuilder()
    let x = try g.random(.parameter, shape, .mixed, &rng)
    let out = try g.weighted(try g.apply(op, x), &rng)
    let error = try worstGradientError(g, output: out, leaves: [x])
    #expect(error < 1e-7, "\(op) on \(shape): relative error \(error), tolerance 1e-7")
}

@Test("softmax and logsumexp stay finite at logits of 1000, where the unshifted forms overflow")
func axisOpsAreStable() throws {
    var g = GraphBuilder()
    let x = g.leaf(.parameter, value: try Tensor(shape: .vector(3), scalars: [1000, 999, -1000]))
    let p = try g.apply(.softmax(.none), x)
    let l = try g.apply(.logsumexp(.none), x)
    let out = try g.apply(.add, try g.apply(.sum, p), l)
    let plan = try evaluated(g, output: out)
    let probabilities = try #require(plan.value(p)).scalars
    #expect(probabilities.allSatisfy(\.isFinite) && abs(probabilities.reduce(0, +) - 1) < 1e-15)
    let lse = try #require(plan.value(l)).scalars[0]
    #expect(abs(lse - (1000 + log1p(exp(-1.0)))) < 1e-12)
    #expect(try #require(plan.gradient(x)).scalars.allSatisfy(\.isFinite))
}

@Test("an axis that the operand lacks is a shape error naming the function and the axes")
func axisOutOfRange() {
    var g = GraphBuilder()
    let m = g.leaf(.parameter, value: try! Tensor(shape: .matrix(2, 3), scalars: [0, 0, 0, 0, 0, 0]))
    let v = g.leaf(.parameter, value: try! Tensor(shape: .vector(3), scalars: [0, 0, 0]))
    let s = g.leaf(.parameter, value: try! Tensor(shape: .scalar, scalars: [0]))
    #expect(throws: ShapeError("axis 2 of softmax is out of range for a 2x3 matrix, whose axes are 0 and 1 (or -2 and -1)")) {
        try g.apply(.softmax(AxisOption(axis: 2)), m)
    }
    #expect(throws: ShapeError("axis 1 of logsumexp is out of range for a vector of 3, whose one axis is 0 (or -1)")) {
        try g.apply(.logsumexp(AxisOption(axis: 1)), v)
    }
    #expect(throws: ShapeError("log_softmax needs a vector or a matrix, got a scalar")) {
        try g.apply(.logSoftmax(.none), s)
    }
}
