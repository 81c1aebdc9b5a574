import Autodiff
import Foundation
import Operations
import Testing

// layer_norm, batch_norm, conv2d, max_pool and avg_pool against PyTorch float64, from Fixtures/conv_norm_ops.json written by
// scripts/reference_conv_norm_ops.py. Each case is sum(op(operands) * w) for fixed uneven weights
// w; the result and the gradient of every operand must agree to 1e-12 relative.

struct ConvNormCase: Decodable, Sendable, CustomStringConvertible {
    let op: String
    let options: [String: Double]
    let shapes: [[Int]]
    let inputs: [[Double]]
    let result_shape: [Int]
    let y: [Double]
    let w: [Double]
    let grads: [[Double]]
    var description: String {
        "\(op)(\(shapes.map { "\($0)" }.joined(separator: ", ")), \(options.sorted { $0.key < $1.key }.map { "\($0): \($1)" }.joined(separator: ", ")))"
    }

    /// The engine op the case applies, with its options.
    func engineOp() throws -> Op {
        let found = Operations.Operation.allCases.first { $0.traceName == op }
        let operation = try #require(found, "\(op) is not in the op registry")
        // Channels: conv2d's in_channels/out_channels, a pool's channels (both ways), 1 when absent.
        let channels = options["channels"]
        let window = [options["size"] ?? 0, options["stride"] ?? 1, options["padding"] ?? 0,
                      options["in_channels"] ?? channels ?? 1, options["out_channels"] ?? channels ?? 1].map { Int($0) }
        return Op(operation, exponent: options["eps"] ?? 1, dims: window)
    }
}

private let convNormFixtures = referenceCases("conv_norm_ops.json", as: ConvNormCase.self)

@Test("the conv/norm fixture covers layer_norm, batch_norm, conv2d and the pools")
func convNormFixturesLoad() {
    let ops = Set(convNormFixtures.map(\.op))
    for op in [Operations.Operation.layerNorm, .batchNorm, .conv2d, .maxPool, .avgPool] {
        #expect(ops.contains(op.traceName), "\(op) has no PyTorch fixture case")
    }
}

@Test("layer_norm, batch_norm, conv2d and the pools agree with PyTorch, values and gradients", arguments: convNormFixtures)
func convNormMatchesTorch(c: ConvNormCase) throws {
    try checkAgainstTorch(try c.engineOp(), shapes: c.shapes, inputs: c.inputs, resultShape: c.result_shape, w: c.w, y: c.y,
                          grads: c.grads, label: "\(c)")
}
