import Autodiff
import Operations

/// Benchmark W6's network on our engine: the 8x8 digits of W5, conv 3x3 with 8 output channels
/// (no bias), ReLU, max pool 2x2, flattened channel by channel, dense 72 -> 10 with bias, softmax
/// cross-entropy; minibatches of 64 rows in the file's order, as scripts/digits_cnn_reference.py
/// trains it with NumPy. Tensors have at most two axes, so a batch is 64 images, each its own
/// input leaf through the shared kernel, and their 64 flattened maps are joined into one
/// 64×72 matrix (concat takes at most three operands, so in a tree) for the dense layer.
package struct W6Network {
    /// The parameters in the layout of the reference's fixture: the kernel as 8 stacked 3×3
    /// channels (24×3, as `conv2d`'s `out_channels: 8` reads it).
    package struct Weights: Decodable {
        package let K, W: [[Double]]
        package let b: [Double]
    }

    package static let batch = 64, channels = 8

    package let plan: Plan
    package let loss: NodeID
    /// In the order K, W, b.
    package let parameters: [NodeID]
    private let images: [NodeID], labels: NodeID
    private let digits: W5Network.Digits

    package var stepsPerEpoch: Int { digits.count / Self.batch }

    package init(digits: W5Network.Digits, initial p: Weights) throws {
        guard digits.count >= Self.batch else { throw ShapeError("W6 needs at least \(Self.batch) images") }
        var g = GraphBuilder()
        let K = g.leaf(.parameter, value: try Tensor(matrix: p.K))
        let W = g.leaf(.parameter, value: try Tensor(matrix: p.W))
        let b = g.leaf(.parameter, value: try Tensor(vector: p.b))
        var images: [NodeID] = [], rows: [NodeID] = []
        for n in 0..<Self.batch {
            let x = g.leaf(.input, value: try Tensor(matrix: Self.image(digits.X[n])))
            images.append(x)
            let maps = try g.apply(.relu, try g.apply(.conv2d(WindowOption(outChannels: Self.channels)), x, K))
            let pooled = try g.apply(.maxPool(WindowOption(size: 2, stride: 2, inChannels: Self.channels, outChannels: Self.channels)), maps)
            rows.append(try g.apply(.reshape([1, 72]), pooled))
        }
        // Join the rows three at a time (then two) until one 64×72 matrix is left.
        while rows.count > 1 {
            var joined: [NodeID] = []
            var i = 0
            while i < rows.count {
                let take = min(ConcatRules.maxOperands, rows.count - i)
                if take == 1 { joined.append(rows[i]) } else {
                    joined.append(try g.apply(.concat(axis: 0, count: take), Array(rows[i..<(i + take)])))
                }
                i += take
            }
            rows = joined
        }
        let labels = g.leaf(.input, value: try Tensor(matrix: Array(digits.Y[0..<Self.batch])))
        let logits = try g.apply(.add, try g.apply(.matmul, rows[0], W), b)
        loss = try g.apply(.softmaxCrossEntropy, logits, labels)
        plan = try Plan(g, output: loss)
        parameters = [K, W, b]
        self.images = images
        self.labels = labels
        self.digits = digits
    }

    /// Loads the images and labels of step `step`'s batch (batch `step mod stepsPerEpoch`).
    package func load(step: Int) {
        let first = (step % stepsPerEpoch) * Self.batch
        for (n, node) in images.enumerated() {
            let pixels = digits.X[first + n]
            try? plan.updateValues(node) { values, _ in for (i, v) in pixels.enumerated() { values[i] = v } }
        }
        try? plan.updateValues(labels) { values, _ in
            var i = 0
            for r in first..<(first + Self.batch) { for v in digits.Y[r] { values[i] = v; i += 1 } }
        }
    }

    /// 64 pixels, row by row, as the 8×8 matrix they are.
    static func image(_ pixels: [Double]) -> [[Double]] { (0..<8).map { Array(pixels[($0 * 8)..<($0 * 8 + 8)]) } }
}
