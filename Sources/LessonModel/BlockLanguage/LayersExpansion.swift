/// What `layers 2 -> 3 sigmoid -> 1` stands for, written out as the statements a teacher would
/// type, so the graph, the diagram and the page show nothing that is not in the language:
///
///     param W1 = xavier([2, 3])
///     param b1 = zeros([3])
///     H1 = sigmoid(X @ W1 + b1)
///     param W2 = xavier([3, 1])
///     param b2 = zeros([1])
///     out = H1 @ W2 + b2
///
/// Layer k has weights `Wk` (He initialization before relu, Xavier otherwise), biases `bk`
/// (zeros) and output `Hk`; the last layer's output is `out`. The nodes of layer k are placed at
/// its size in the `layers` line, its activation at the activation's name.
extension BlockParser {
    /// The names the expansion of a `layers` line with `layerCount` layers defines.
    static func layerNames(layerCount: Int) -> [String] {
        guard layerCount >= 1 else { return [] }
        return (1...layerCount).flatMap { k in ["W\(k)", "b\(k)", k == layerCount ? "out" : "H\(k)"] }
    }

    mutating func expandLayers(_ layers: CheckedLayers, line: Int) -> (assignments: [Assignment], text: [String]) {
        let sizes = layers.spec.sizes
        var assignments: [Assignment] = []
        var text: [String] = []
        for k in sizes.indices.dropFirst() {
            let activation = k - 1 < layers.spec.activations.count ? layers.spec.activations[k - 1] : .linear
            let at = layers.sizePositions[k]
            let weights: InitializerSpec = activation == .relu ? .he(dims: [sizes[k - 1], sizes[k]])
                                                               : .xavier(dims: [sizes[k - 1], sizes[k]])
            let names = (input: k == 1 ? "X" : "H\(k - 1)", weights: "W\(k)", biases: "b\(k)",
                         output: k == sizes.count - 1 ? "out" : "H\(k)")
            assignments.append(parameter(names.weights, weights, at: at, line: line))
            text.append("param \(names.weights) = \(weights.name)([\(sizes[k - 1]), \(sizes[k])])")
            assignments.append(parameter(names.biases, .zeros(dims: [sizes[k]]), at: at, line: line))
            text.append("param \(names.biases) = zeros([\(sizes[k])])")

            // output = activation(input @ weights + biases)
            let start = arena.count
            let input = arena.add(.name(names.input), at: layers.sizePositions[k - 1])
            let product = arena.binary(.matmul, input, arena.add(.name(names.weights), at: at), at: at)
            var value = arena.binary(.add, product, arena.add(.name(names.biases), at: at), at: at)
            var equation = "\(names.input) @ \(names.weights) + \(names.biases)"
            if let op = Self.activationOp(activation) {
                value = arena.add(.operation(op, inputs: [value], exponent: nil), at: layers.activationPositions[k])
                equation = "\(activation.rawValue)(\(equation))"
            }
            assignments.append(Assignment(isParameter: false, name: names.output, namePosition: at, line: line,
                                          valuePosition: at, nodes: start..<arena.count, value: value,
                                          isAssignable: true, hadErrors: false, isExpansion: true))
            text.append("\(names.output) = \(equation)")
        }
        return (assignments, text)
    }

    private func parameter(_ name: String, _ initializer: InitializerSpec, at position: SourcePosition,
                           line: Int) -> Assignment {
        Assignment(isParameter: true, name: name, namePosition: position, line: line, valuePosition: position,
                   nodes: arena.count..<arena.count, value: arena.count, isAssignable: true, hadErrors: false,
                   initializer: initializer, isExpansion: true)
    }

    private static func activationOp(_ activation: LayerSpec.Activation) -> ProgramOp? {
        switch activation {
        case .linear: return nil
        case .sigmoid: return .sigmoid
        case .tanh: return .tanh
        case .relu: return .relu
        }
    }
}
