import Autodiff
import Foundation
import Operations
import TestSupport
import Testing

// conv2d, max_pool and avg_pool against finite differences (their PyTorch values are in
// ConvNormFixtureTests), with strides, padding and overlapping windows.

let windowCases: [(op: Op, image: Shape, kernel: Shape?)] = [
    (.conv2d(WindowOption()), .matrix(4, 5), .matrix(2, 3)),
    (.conv2d(WindowOption(stride: 2, padding: 1)), .matrix(5, 4), .matrix(3, 3)),
    (.conv2d(WindowOption(stride: 1, padding: 2)), .matrix(3, 3), .matrix(2, 2)),
    (.maxPool(WindowOption(size: 2, stride: 2)), .matrix(4, 6), nil),
    (.maxPool(WindowOption(size: 3, stride: 1)), .matrix(4, 5), nil),
    (.avgPool(WindowOption(size: 2, stride: 2)), .matrix(5, 4), nil),
    (.avgPool(WindowOption(size: 2, stride: 1)), .matrix(3, 4), nil),
    // Channels stacked along the rows: 2 channels of 4x5 into 3, six 3x3 kernels.
    (.conv2d(WindowOption(stride: 2, padding: 1, inChannels: 2, outChannels: 3)), .matrix(8, 5), .matrix(18, 3)),
    (.conv2d(WindowOption(inChannels: 3, outChannels: 1)), .matrix(9, 4), .matrix(6, 2)),
    (.maxPool(WindowOption(size: 2, stride: 1, inChannels: 2, outChannels: 2)), .matrix(6, 4), nil),
    (.avgPool(WindowOption(size: 2, stride: 2, inChannels: 3, outChannels: 3)), .matrix(12, 4), nil),
]

@Test("conv2d, max_pool and avg_pool match finite differences", arguments: 0..<windowCases.count)
func windowGradient(caseIndex: Int) throws {
    let (op, image, kernel) = windowCases[caseIndex]
    var rng = SplitMix64(seed: 401 + UInt64(caseIndex))
    var g = GraphBuilder()
    // Distinct values, so no max-pool window ties (a tie is a kink, where differences disagree).
    let x = try g.random(.parameter, image, .mixed, &rng)
    var leaves = [x]
    if let kernel { leaves.append(try g.random(.parameter, kernel, .mixed, &rng)) }
    let out = try g.weighted(try g.apply(op, leaves), &rng)
    let error = try worstGradientError(g, output: out, leaves: leaves)
    #expect(error < 1e-7, "\(op) on \(image): relative error \(error), tolerance 1e-7")
}

@Test("a max-pool tie sends the whole gradient to the first largest element, as PyTorch")
func maxPoolTieGoesToTheFirst() throws {
    var g = GraphBuilder()
    let x = g.leaf(.parameter, value: try Tensor(shape: .matrix(2, 2), scalars: [1, 3, 3, 3]))
    let y = try g.apply(.maxPool(WindowOption(size: 2, stride: 2)), x)
    let plan = try evaluated(g, output: y)
    #expect(try #require(plan.value(y)).scalars == [3])
    #expect(try #require(plan.gradient(x)).scalars == [0, 1, 0, 0])
}

@Test("conv2d's result and its errors: sizes, kernels larger than the image, operands that are not matrices")
func windowShapes() throws {
    func result(_ op: Op, _ shapes: Shape...) -> String {
        var g = GraphBuilder()
        let ids = shapes.map { g.leaf(.constant, value: try! Tensor(shape: $0, scalars: Array(repeating: 1, count: $0.count))) }
        do throws(ShapeError) {
            let y = try g.apply(op, ids)
            return g.shape(of: y)?.description ?? "?"
        } catch {
            return error.message
        }
    }
    #expect(result(.conv2d(WindowOption()), .matrix(4, 5), .matrix(2, 3)) == "3x3")
    #expect(result(.conv2d(WindowOption(stride: 2, padding: 1)), .matrix(5, 4), .matrix(3, 3)) == "3x2")
    #expect(result(.maxPool(WindowOption(size: 2, stride: 2)), .matrix(5, 5)) == "2x2")
    #expect(result(.conv2d(WindowOption()), .matrix(2, 4), .matrix(3, 3))
        == "the kernel of conv2d (3x3) is larger than the image (2x4)")
    #expect(result(.conv2d(WindowOption(padding: 1)), .matrix(1, 1), .matrix(4, 1))
        == "the kernel of conv2d (4x1) is larger than the image (1x1, 3x3 padded)")
    #expect(result(.maxPool(WindowOption(size: 3, stride: 3)), .matrix(2, 2))
        == "the window of max_pool (3x3) is larger than the image (2x2)")
    #expect(result(.conv2d(WindowOption()), .vector(3), .matrix(1, 1))
        == "conv2d needs an image as a matrix (rows × columns), got a vector of 3")
    #expect(result(.conv2d(WindowOption()), .matrix(3, 3), .vector(2)) == "the kernel of conv2d must be a matrix, got a vector of 2")
    // Channels stacked along the rows.
    #expect(result(.conv2d(WindowOption(stride: 2, padding: 1, inChannels: 2, outChannels: 3)), .matrix(8, 5), .matrix(18, 3))
        == "6x3")
    #expect(result(.maxPool(WindowOption(size: 2, stride: 2, inChannels: 2, outChannels: 2)), .matrix(8, 5)) == "4x2")
    #expect(result(.conv2d(WindowOption(inChannels: 2, outChannels: 1)), .matrix(7, 4), .matrix(4, 2))
        == "the image of conv2d has 7 rows, which is not 2 channels of equal height (in_channels: 2; the channels are stacked along the rows)")
    #expect(result(.conv2d(WindowOption(inChannels: 2, outChannels: 3)), .matrix(8, 4), .matrix(8, 2))
        == "the kernel of conv2d has 8 rows, which is not 6 kernels of equal height (out_channels: 3 × in_channels: 2, stacked along the rows)")
    #expect(result(.avgPool(WindowOption(size: 2, stride: 2, inChannels: 3, outChannels: 3)), .matrix(8, 4))
        == "the image of avg_pool has 8 rows, which is not 3 channels of equal height (channels: 3; the channels are stacked along the rows)")
    #expect(result(.maxPool(WindowOption(size: 3, stride: 3, inChannels: 2, outChannels: 2)), .matrix(4, 4))
        == "the window of max_pool (3x3) is larger than each channel of the image (2x4 of the 4x4)")
    #expect(result(.avgPool(WindowOption(size: 2, stride: 0)), .matrix(3, 3))
        == "the stride of avg_pool must be at least 1 and its padding between 0 and 1000000, got stride 0 and padding 0")
}
