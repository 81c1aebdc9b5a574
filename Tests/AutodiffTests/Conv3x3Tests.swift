import Autodiff
import Operations
import Testing

// conv2d's written-out 3×3 kernels (Kernels+Conv3x3.swift) promise the bits of the general
// loops: every sum formed term by term in the same order. Checked against those loops written
// plainly here, for the result and both gradients, with strides, channels and a data image
// (parameters-only backward, as an untraced training step takes it).

/// A deterministic spread of values with full mantissas.
private func values(_ count: Int, seed: Int) -> [Double] {
    var state = UInt64(truncatingIfNeeded: seed &* 7919 &+ 31)
    return (0..<count).map { _ in
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(Int64(bitPattern: state >> 11) % 2_000_001) / 1_000_003.0 - 1
    }
}

private func check(channels: Int, out outChannels: Int, height: Int, width: Int, stride: Int, dataImage: Bool) throws {
    let x = values(channels * height * width, seed: height * 10 + width), k = values(outChannels * channels * 9, seed: channels + outChannels)
    let (outRows, outCols) = ((height - 3) / stride + 1, (width - 3) / stride + 1)
    let r = values(outChannels * outRows * outCols, seed: stride + 7)
    var g = GraphBuilder()
    let X = g.leaf(dataImage ? .constant : .parameter, value: try Tensor(shape: .matrix(channels * height, width), scalars: x))
    let K = g.leaf(.parameter, value: try Tensor(shape: .matrix(outChannels * channels * 3, 3), scalars: k))
    let R = g.leaf(.constant, value: try Tensor(shape: .matrix(outChannels * outRows, outCols), scalars: r))
    let option = WindowOption(stride: stride, inChannels: channels, outChannels: outChannels)
    let Y = try g.apply(.conv2d(option), X, K)
    let L = try g.apply(.sum, try g.apply(.multiply, Y, R))
    let plan = try Plan(g, output: L)
    plan.forward()
    plan.backward(parametersOnly: dataImage)
    // The general loops: for d, i, j, channel, a, b (∂L/∂Y = R exactly).
    var y = [Double](repeating: 0, count: r.count), dX = [Double](repeating: 0, count: x.count), dK = [Double](repeating: 0, count: k.count)
    for d in 0..<outChannels {
        for i in 0..<outRows {
            for j in 0..<outCols {
                let o = (d * outRows + i) * outCols + j
                var total = 0.0
                for c in 0..<channels {
                    for a in 0..<3 {
                        for b in 0..<3 {
                            let xi = c * height * width + (i * stride + a) * width + j * stride + b, ki = (d * channels + c) * 9 + a * 3 + b
                            total += x[xi] * k[ki]
                            if !dataImage { dX[xi] += r[o] * k[ki] }
                            dK[ki] += r[o] * x[xi]
                        }
                    }
                }
                y[o] = total
            }
        }
    }
    let shape = "\(channels)→\(outChannels), \(height)×\(width), stride \(stride)\(dataImage ? ", data image" : "")"
    #expect(try #require(plan.value(Y)).scalars == y, "Y, \(shape)")
    #expect(try #require(plan.gradient(K)).scalars == dK, "∂L/∂K, \(shape)")
    if !dataImage { #expect(try #require(plan.gradient(X)).scalars == dX, "∂L/∂X, \(shape)") }
}

@Test("a 3x3 conv2d without padding gives the general loops' bits")
func conv3x3GivesTheGeneralLoopsBits() throws {
    for (channels, outChannels) in [(1, 1), (1, 8), (2, 3), (3, 2)] {
        for (height, width) in [(3, 3), (8, 8), (5, 7), (9, 4)] {
            for stride in [1, 2] {
                for dataImage in [false, true] {
                    try check(channels: channels, out: outChannels, height: height, width: width, stride: stride, dataImage: dataImage)
                }
            }
        }
    }
}
