import Operations
/// How much arithmetic one pass over a graph does, in work units: one per multiply-add of a
/// matrix product and one per element of an elementwise operation, with `exp`, `log`, `tanh`,
/// `sigmoid`, `^` and the losses counting `transcendentalWeight` each (they take about that many
/// multiply-adds' time). Counting from shapes alone lets `lessons check` and a build refuse a
/// block that would run for hours, with the cost in the message, before anything runs.
extension GraphBuilder {
    /// What one element of a transcendental function costs, in multiply-adds.
    package static let transcendentalWeight = 10

    /// What running one operation's loop costs beyond its elements (measured: a million steps
    /// of the 2-3-1 XOR network take about 4 s, most of it this overhead, not arithmetic).
    package static let operationOverhead = 100

    /// Work units of one forward pass over every node plus one backward pass over the nodes
    /// `output` depends on (saturating at `Int.max`, which only has to compare above a limit).
    package func passCost(output: NodeID) -> Int {
        forwardCost() &+& backwardCost(output: output)
    }

    /// Work units of one forward pass (what each evaluation of a finite difference costs).
    package func forwardCost() -> Int {
        var total = 0
        for (index, node) in nodes.enumerated() where !node.op.isLeaf {
            total = total &+& cost(of: index)
        }
        return total
    }

    /// Backward: a product's two gradient products, twice an elementwise pass otherwise.
    func backwardCost(output: NodeID) -> Int {
        guard contains(output) else { return 0 }
        var needed = [Bool](repeating: false, count: nodes.count)
        needed[output.index] = true
        var total = 0
        for index in stride(from: output.index, through: 0, by: -1) where needed[index] {
            for input in nodes[index].inputs where contains(input) { needed[input.index] = true }
            if !nodes[index].op.isLeaf { total = total &+& (2 &*& cost(of: index)) }
        }
        return total
    }

    private func cost(of index: Int) -> Int {
        nodes[index].op.isLeaf ? 0 : elementCost(of: index) &+& Self.operationOverhead
    }

    private func elementCost(of index: Int) -> Int {
        let node = nodes[index]
        let shapes = node.inputs.compactMap { shape(of: $0) }
        let out = node.shape.count
        switch node.op.kind {
        case .matmul:
            guard shapes.count == 2, let product = ShapeRules.matmul(shapes[0], shapes[1]) else { return out }
            return product.m &*& product.k &*& product.n
        case .binary, .transpose, .ternary, .reshape, .index, .concat, .embedding: return out
        case .reduction, .normalization:
            let count = shapes.first?.count ?? out
            return node.op.operation?.isTranscendental == true ? count &*& Self.transcendentalWeight : count
        case .loss: return (shapes.first?.count ?? out) &*& Self.transcendentalWeight
        case .convolution, .pooling:
            // A multiply-add per element of the window, per output element.
            guard let window = try? WindowRule.window(node.op, shapes) else { return out }
            let terms = node.op.operation == .conv2d ? window.inChannels : 1
            return out &*& window.rows &*& window.cols &*& terms
        case .unary:
            return node.op.operation?.isTranscendental == true ? out &*& Self.transcendentalWeight : out
        case .leaf: return 0
        }
    }
}

infix operator &+&: AdditionPrecedence
infix operator &*&: MultiplicationPrecedence

/// Saturating addition of non-negative counts: `Int.max` instead of overflowing.
func &+& (a: Int, b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? .max : sum
}

/// Saturating multiplication of non-negative counts: `Int.max` instead of overflowing.
func &*& (a: Int, b: Int) -> Int {
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? .max : product
}
