extension Plan {
    /// What one consumer adds to each of its inputs' gradients in the last backward pass: the
    /// share that travels back along that consumer's edges. A node used by several consumers
    /// has a gradient equal to the sum of these shares (the multivariable chain rule), which is
    /// what pages show for reused nodes. Keyed by input; an input used twice gets both shares.
    /// Allocates; meant for presenting a trace, not for training.
    package func contributions(of consumer: NodeID) -> [NodeID: Tensor] {
        guard graph.contains(consumer), let step = forwardSteps.first(where: { $0.node == consumer.index }) else { return [:] }
        var scratch = [Double](repeating: 0, count: gradientBase)
        return share(of: step, scratch: &scratch)
    }

    /// `contributions(of:)` for every node at once, in creation order (leaves get none),
    /// reusing one scratch buffer so large graphs stay linear.
    package func allContributions() -> [[NodeID: Tensor]] {
        var result = [[NodeID: Tensor]](repeating: [:], count: graph.count)
        var scratch = [Double](repeating: 0, count: gradientBase)
        for step in forwardSteps { result[step.node] = share(of: step, scratch: &scratch) }
        return result
    }

    /// Runs one step's backward kernel into `scratch`, where only that step's own gradient and
    /// its inputs' (zeroed) slots matter, and reads back what each input received.
    private func share(of step: Step, scratch: inout [Double]) -> [NodeID: Tensor] {
        let consumer = NodeID(step.node)
        guard let inputs = graph.inputs(of: consumer), let ownShape = graph.shape(of: consumer) else { return [:] }
        for input in inputs {
            guard let shape = graph.shape(of: input) else { continue }
            for i in 0..<shape.count { scratch[offsets[input.index] + i] = 0 }
        }
        let own = offsets[step.node]
        for i in 0..<ownShape.count { scratch[own + i] = storage[gradientBase + own + i] }
        storage.withUnsafeMutableBufferPointer { values in
            scratch.withUnsafeMutableBufferPointer { gradients in
                guard let v = values.baseAddress, let g = gradients.baseAddress else { return }
                Kernels.backward(step, v, g)
            }
        }
        var result: [NodeID: Tensor] = [:]
        for input in inputs {
            guard let shape = graph.shape(of: input) else { continue }
            let start = offsets[input.index]
            if let tensor = try? Tensor(shape: shape, scalars: Array(scratch[start..<(start + shape.count)])) {
                result[input] = tensor
            }
        }
        return result
    }
}
