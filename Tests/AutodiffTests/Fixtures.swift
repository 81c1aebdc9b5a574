import Autodiff
import TestSupport

/// Where random test inputs come from: chosen to keep finite differences well conditioned
/// (no kinks, no ties, no tiny gradients that make relative errors meaningless).
enum Domain: Sendable {
    /// |x| in [0.2, 2] with a random sign: both signs, away from 0 (relu's kink, 1/x's pole).
    case mixed
    /// [0.5, 2]: for log, fractional powers, and sums where mixed signs could cancel.
    case positive
    /// k + offset for an integer k in -2...1: two grids with different offsets never tie.
    case grid(Double)

    func sample(_ rng: inout SplitMix64) -> Double {
        switch self {
        case .mixed:
            let magnitude = rng.uniform(0.2, 2)
            return rng.next() % 2 == 0 ? magnitude : -magnitude
        case .positive:
            return rng.uniform(0.5, 2)
        case .grid(let offset):
            return Double(rng.integer(-2, 1)) + offset
        }
    }
}

extension GraphBuilder {
    /// A leaf of the given shape filled from `domain`.
    mutating func random(_ kind: LeafKind, _ shape: Shape, _ domain: Domain, _ rng: inout SplitMix64) throws -> NodeID {
        let scalars = (0..<shape.count).map { _ in domain.sample(&rng) }
        return leaf(kind, value: try Tensor(shape: shape, scalars: scalars))
    }

    /// `y · c` with a random positive constant `c` of y's shape, so backward starts from an
    /// uneven upstream gradient (a plain sum would hide swapped or transposed indices).
    mutating func weighted(_ y: NodeID, _ rng: inout SplitMix64) throws -> NodeID {
        let c = try random(.constant, shape(of: y) ?? .scalar, .positive, &rng)
        return try apply(.multiply, y, c)
    }

    /// A scalar constant.
    mutating func constant(_ x: Double) -> NodeID { leaf(.constant, value: Tensor(scalar: x)) }

    /// A scalar parameter.
    mutating func parameter(_ x: Double) -> NodeID { leaf(.parameter, value: Tensor(scalar: x)) }
}

/// The largest relative error between backward() and finite differences over `leaves`.
func worstGradientError(_ graph: GraphBuilder, output: NodeID, leaves: [NodeID]) throws -> Double {
    let plan = try Plan(graph, output: output)
    return try GradientCheck.run(plan, leaves: leaves).map(\.maxRelativeError).max() ?? .nan
}

/// A compiled plan after one forward and one backward pass.
func evaluated(_ graph: GraphBuilder, output: NodeID) throws -> Plan {
    let plan = try Plan(graph, output: output)
    plan.forward()
    plan.backward()
    return plan
}

/// A pair of operand shapes for an elementwise or matmul test.
struct ShapePair: Sendable, CustomStringConvertible {
    let a: Shape
    let b: Shape
    init(_ a: Shape, _ b: Shape) { (self.a, self.b) = (a, b) }
    var description: String { "\(a) with \(b)" }
}

/// Every broadcasting form DESIGN.md allows, each side.
let broadcastForms: [ShapePair] = [
    ShapePair(.scalar, .scalar),
    ShapePair(.vector(3), .vector(3)),
    ShapePair(.matrix(2, 3), .matrix(2, 3)),
    ShapePair(.scalar, .vector(3)),
    ShapePair(.vector(3), .scalar),
    ShapePair(.scalar, .matrix(2, 3)),
    ShapePair(.matrix(2, 3), .scalar),
    ShapePair(.vector(3), .matrix(2, 3)),
    ShapePair(.matrix(2, 3), .vector(3)),
    // NumPy's rules in full: a column repeats along the columns, a 1×n row down the rows, and a
    // column with a row makes their outer grid.
    ShapePair(.matrix(2, 3), .matrix(2, 1)),
    ShapePair(.matrix(2, 1), .matrix(2, 3)),
    ShapePair(.matrix(1, 3), .matrix(2, 3)),
    ShapePair(.matrix(2, 1), .matrix(1, 3)),
    ShapePair(.vector(3), .matrix(2, 1)),
    ShapePair(.vector(1), .matrix(2, 3)),
]

/// Every matmul form DESIGN.md allows.
let matmulForms: [ShapePair] = [
    ShapePair(.vector(3), .vector(3)),
    ShapePair(.matrix(2, 3), .matrix(3, 4)),
    ShapePair(.matrix(2, 3), .vector(3)),
    ShapePair(.vector(3), .matrix(3, 4)),
    ShapePair(.matrix(1, 1), .matrix(1, 1)),
]

/// A scalar, a vector and a matrix.
let oneOfEachRank: [Shape] = [.scalar, .vector(4), .matrix(3, 2)]
