import Autodiff

/// Benchmark W5's network on our engine: the 8x8 digits (lessons/data/digits.csv), an MLP
/// 64-64-10 with ReLU and softmax cross-entropy, trained on minibatches of 64 rows in the file's
/// order (the rows left over dropped), as scripts/digits_reference.py trains it with NumPy.
package struct W5Network {
    /// The weights in the layout of the reference's fixture.
    package struct Weights: Decodable {
        package let W1, W2: [[Double]]
        package let b1, b2: [Double]
    }

    /// The images as rows of 64 pixels divided by 16, and each label one-hot over 10 columns.
    package struct Digits {
        package let X: [[Double]]
        package let Y: [[Double]]
        package var count: Int { X.count }
    }

    package static let batch = 64

    /// A fresh plan holding `initial`, with the first batch loaded.
    package let plan: Plan
    package let loss: NodeID
    /// In the order W1, b1, W2, b2.
    package let parameters: [NodeID]
    private let x: NodeID, y: NodeID
    private let digits: Digits

    /// Steps in one epoch: whole batches only.
    package var stepsPerEpoch: Int { digits.count / Self.batch }

    package init(digits: Digits, initial p: Weights) throws {
        guard digits.count >= Self.batch else { throw ShapeError("W5 needs at least \(Self.batch) images") }
        var g = GraphBuilder()
        let x = g.leaf(.input, value: try Tensor(matrix: Array(digits.X[0..<Self.batch])))
        let y = g.leaf(.input, value: try Tensor(matrix: Array(digits.Y[0..<Self.batch])))
        let parameters = [
            g.leaf(.parameter, value: try Tensor(matrix: p.W1)), g.leaf(.parameter, value: try Tensor(vector: p.b1)),
            g.leaf(.parameter, value: try Tensor(matrix: p.W2)), g.leaf(.parameter, value: try Tensor(vector: p.b2)),
        ]
        let h = try g.apply(.relu, try g.apply(.add, try g.apply(.matmul, x, parameters[0]), parameters[1]))
        let z = try g.apply(.add, try g.apply(.matmul, h, parameters[2]), parameters[3])
        loss = try g.apply(.softmaxCrossEntropy, z, y)
        plan = try Plan(g, output: loss)
        self.parameters = parameters
        self.x = x
        self.y = y
        self.digits = digits
    }

    /// Loads the rows of step `step`'s batch (batch `step mod stepsPerEpoch`) into the plan.
    package func load(step: Int) {
        let first = (step % stepsPerEpoch) * Self.batch
        for (node, rows) in [(x, digits.X), (y, digits.Y)] {
            try? plan.updateValues(node) { values, _ in
                var i = 0
                for r in first..<(first + Self.batch) {
                    for v in rows[r] { values[i] = v; i += 1 }
                }
            }
        }
    }

    /// Reads digits.csv: a header row, then 64 pixels (0 to 16) and a label (0 to 9) per row.
    package static func digits(csv: String) throws -> Digits {
        var X: [[Double]] = [], Y: [[Double]] = []
        for (n, line) in csv.split(separator: "\n").enumerated().dropFirst() {
            let fields = line.split(separator: ",").map { Double($0) }
            guard fields.count == 65, let label = fields[64].map(Int.init), (0..<10).contains(label),
                  fields.allSatisfy({ $0 != nil }) else {
                throw ShapeError("digits.csv line \(n + 1): expected 64 pixels and a label 0 to 9")
            }
            X.append(fields[0..<64].map { ($0 ?? 0) / 16 })
            Y.append((0..<10).map { $0 == label ? 1 : 0 })
        }
        return Digits(X: X, Y: Y)
    }
}
