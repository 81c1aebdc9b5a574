import Autodiff

/// Benchmark W3's network on given weights: 2-16-16-1, tanh, tanh, then the logit into
/// bce_logits. LessonsBench times it and W3ReferenceTests checks it against NumPy, so both
/// must build the very same graph; this is that graph.
package struct W3Network {
    /// The weights in the layout of scripts/moons_reference.py's fixture.
    package struct Weights: Decodable {
        package let W1, W2, W3: [[Double]]
        package let b1, b2, b3: [Double]
    }

    /// A fresh plan holding `initial`.
    package let plan: Plan
    package let loss: NodeID
    /// In the order W1, b1, W2, b2, W3, b3.
    package let parameters: [NodeID]

    /// Builds the graph over inputs `x` and labels `y` and compiles its plan.
    package init(x: [[Double]], y: [[Double]], initial p: Weights) throws {
        var g = GraphBuilder()
        let x = g.leaf(.input, value: try Tensor(matrix: x))
        let y = g.leaf(.input, value: try Tensor(matrix: y))
        let parameters = [
            g.leaf(.parameter, value: try Tensor(matrix: p.W1)), g.leaf(.parameter, value: try Tensor(vector: p.b1)),
            g.leaf(.parameter, value: try Tensor(matrix: p.W2)), g.leaf(.parameter, value: try Tensor(vector: p.b2)),
            g.leaf(.parameter, value: try Tensor(matrix: p.W3)), g.leaf(.parameter, value: try Tensor(vector: p.b3)),
        ]
        // tanh(X W1 + b1), tanh(H1 W2 + b2), then the logit H2 W3 + b3.
        var h = x
        for layer in 0..<3 {
            let z = try g.apply(.add, try g.apply(.matmul, h, parameters[2 * layer]), parameters[2 * layer + 1])
            h = layer < 2 ? try g.apply(.tanh, z) : z
        }
        loss = try g.apply(.bceLogits, h, y)
        plan = try Plan(g, output: loss)
        self.parameters = parameters
    }
}
