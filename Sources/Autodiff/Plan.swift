/// A graph compiled once for repeated forward and backward passes.
///
/// Storage is one flat `[Double]`: first every node's value, in creation order, then every
/// node's gradient at the same offsets shifted by `gradientBase`. Each non-leaf node has a
/// `Step` (offsets plus op); `forward()` runs the steps in creation order and `backward()` runs
/// those that feed the output in reverse. Neither allocates: both work through one unsafe
/// pointer into the storage that was sized at compile time.
package final class Plan {
    /// The graph this plan was compiled from (ops, inputs and shapes of every node).
    package let graph: GraphBuilder
    /// The node whose gradient `backward()` seeds.
    package let output: NodeID

    /// Values (`0..<gradientBase`) then gradients (`gradientBase..<2 * gradientBase`).
    var storage: [Double]
    /// Where each node's value starts, by creation index.
    let offsets: [Int]
    /// Whether each node is a leaf, by creation index.
    let isLeaf: [Bool]
    /// Number of value slots; also the distance from a value to its gradient.
    let gradientBase: Int
    /// The value slots that hold nodes (the rest, up to `gradientBase`, is steps' scratch).
    let nodeSlots: Int
    /// Element count of the output (how many gradients backward() seeds with 1).
    let outputCount: Int
    /// Every non-leaf node, in creation order.
    var forwardSteps: [Step]
    /// The non-leaf nodes the output depends on, consumers first. Nodes off that path are
    /// skipped: their gradient is zero, and 0 · inf in their rules would poison real gradients.
    var backwardSteps: [Step]
    /// The backward steps that lead to a parameter, matmuls and convolutions marked to skip data operands.
    var parameterBackwardSteps: [Step]

    /// Compiles `graph` with `output` as the node to differentiate; throws for an unknown
    /// output or a graph too large to address.
    package init(_ graph: GraphBuilder, output: NodeID) throws(PlanError) {
        guard graph.contains(output) else {
            throw PlanError("output \(output) is not a node of this graph (it has \(counted(graph.count, "node")))")
        }
        // 1. Offsets: nodes side by side in creation order.
        var offsets: [Int] = []
        offsets.reserveCapacity(graph.count)
        var total = 0
        for node in graph.nodes {
            offsets.append(total)
            let (next, overflow) = total.addingReportingOverflow(node.shape.count)
            guard !overflow, node.shape.elementCount != nil else { throw PlanError("the graph is too large to lay out") }
            total = next
        }

        // 2. One step per computed node.
        var steps: [Step] = []
        for (index, node) in graph.nodes.enumerated() where !node.op.isLeaf {
            guard let step = Step(node: index, of: graph, offsets: offsets) else {
                throw PlanError("node \(NodeID(index)) (\(node.op.name)) does not fit its inputs")
            }
            steps.append(step)
        }
        // Room after the nodes' values for what a step's backward reuses from its forward.
        let nodeSlots = total
        for i in steps.indices where steps[i].op.operation == .softmaxCrossEntropy {
            steps[i].scratch = total
            let (next, overflow) = total.addingReportingOverflow(2 &* steps[i].rows)
            guard !overflow else { throw PlanError("the graph is too large to lay out") }
            total = next
        }
        let (slots, overflow) = total.multipliedReportingOverflow(by: 2)
        guard !overflow else { throw PlanError("the graph is too large to lay out") }

        // 3. Storage, with the leaves' values copied in once.
        var storage = [Double](repeating: 0, count: slots)
        for (index, node) in graph.nodes.enumerated() {
            guard let leaf = node.leafValue else { continue }
            for (i, x) in leaf.scalars.enumerated() { storage[offsets[index] + i] = x }
        }

        // 4. Which nodes the output depends on: walk back from it (inputs come earlier).
        var needed = [Bool](repeating: false, count: graph.count)
        needed[output.index] = true
        for index in stride(from: output.index, through: 0, by: -1) where needed[index] {
            for input in graph.nodes[index].inputs { needed[input.index] = true }
        }

        self.graph = graph
        self.output = output
        self.storage = storage
        self.offsets = offsets
        isLeaf = graph.nodes.map(\.op.isLeaf)
        self.gradientBase = total
        self.nodeSlots = nodeSlots
        self.outputCount = graph.nodes[output.index].shape.count
        self.forwardSteps = steps
        self.backwardSteps = steps.reversed().filter { needed[$0.node] }
        // 5. Which nodes a parameter flows into: only their gradients matter for training.
        var learns = [Bool](repeating: false, count: graph.count)
        for (index, node) in graph.nodes.enumerated() {
            if case .parameter = node.op { learns[index] = true }
            if node.inputs.contains(where: { learns[$0.index] }) { learns[index] = true }
        }
        self.parameterBackwardSteps = backwardSteps.filter { learns[$0.node] }.map { step in
            var step = step
            let inputs = graph.nodes[step.node].inputs
            if step.op.operation == .matmul || step.op.operation == .conv2d, inputs.count == 2 {
                step.skipsA = !learns[inputs[0].index]
                step.skipsB = !learns[inputs[1].index]
            }
            return step
        }
    }

    /// Computes every node's value in creation order (leaves keep theirs).
    package func forward() {
        forwardSteps.withUnsafeBufferPointer { steps in
            storage.withUnsafeMutableBufferPointer { buffer in
                guard let v = buffer.baseAddress else { return }
                // Indexing, not `for step in steps`: an unspecialized iterator over a struct
                // this large boxes each element in debug builds.
                for i in 0..<steps.count { Kernels.forward(steps[i], v) }
            }
        }
    }

    /// Computes every node's gradient of sum(output) from the current values: zeroes all
    /// gradients, seeds the output's with ones, then applies the chain rule consumers-first.
    /// `parametersOnly` (a training step nobody looks at): only the gradients on the way to a
    /// parameter, the same bits; data and what is computed from data alone keep 0.
    package func backward(parametersOnly: Bool = false) {
        let base = gradientBase, seedStart = offsets[output.index], seedCount = outputCount
        (parametersOnly ? parameterBackwardSteps : backwardSteps).withUnsafeBufferPointer { steps in
            storage.withUnsafeMutableBufferPointer { buffer in
                guard let v = buffer.baseAddress else { return }
                let g = v + base
                // Gradients accumulate (+=), so start from zero every pass.
                g.update(repeating: 0, count: base)
                // d sum(output) / d output = 1 for every element.
                (g + seedStart).update(repeating: 1, count: seedCount)
                // Reverse creation order: a node's gradient is complete before it is passed on.
                for i in 0..<steps.count { Kernels.backward(steps[i], v, g) }
            }
        }
    }

    /// A copy of the node's current value; nil if `id` is not in this plan's graph.
    package func value(_ id: NodeID) -> Tensor? { copy(id, from: 0) }

    /// A copy of the node's gradient after `backward()`; nil if `id` is not in this plan's graph.
    package func gradient(_ id: NodeID) -> Tensor? { copy(id, from: gradientBase) }

    /// Replaces a leaf's value (row-major); throws for unknown IDs, computed nodes or a wrong count.
    package func setValue(_ id: NodeID, _ scalars: [Double]) throws(PlanError) {
        let (start, count) = try leafRange(id)
        guard scalars.count == count else {
            throw PlanError("node \(id) holds \(counted(count, "number")) (\(graph.nodes[id.index].shape)), got \(scalars.count)")
        }
        for i in 0..<count { storage[start + i] = scalars[i] }
    }

    /// Visits each element of a leaf as `(index, &value, gradient)` to update it in place without
    /// allocating (optimizer steps). Throws for unknown IDs and computed nodes.
    package func updateValue(_ id: NodeID, _ body: (_ index: Int, _ value: inout Double, _ gradient: Double) -> Void) throws(PlanError) {
        let (start, count) = try leafRange(id)
        for i in 0..<count {
            // Copy in and out so `body` may read the plan without overlapping access to storage.
            var x = storage[start + i]
            body(i, &x, storage[gradientBase + start + i])
            storage[start + i] = x
        }
    }

    /// The fast form of `updateValue` for optimizers: `body` gets the leaf's values (to change)
    /// and its gradients as buffers, one call per leaf instead of one closure call per element.
    /// `body` must not use the plan while it runs.
    package func updateValues(_ id: NodeID, _ body: (UnsafeMutableBufferPointer<Double>, UnsafeBufferPointer<Double>) -> Void) throws(PlanError) {
        let (start, count) = try leafRange(id)
        let gradientStart = gradientBase + start
        storage.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            body(UnsafeMutableBufferPointer(start: base + start, count: count),
                 UnsafeBufferPointer(start: base + gradientStart, count: count))
        }
    }

    /// After `forward()`: the first node in creation order whose value holds NaN or ±inf.
    package func firstNonFinite() -> NodeID? {
        for (index, node) in graph.nodes.enumerated() {
            let start = offsets[index]
            for i in start..<(start + node.shape.count) where !storage[i].isFinite { return NodeID(index) }
        }
        return nil
    }

    // MARK: internal access for GradientCheck and localDerivative

    /// The value of element `i` of a known node.
    func element(_ id: NodeID, _ i: Int) -> Double { storage[offsets[id.index] + i] }

    /// Sets element `i` of a known node.
    func setElement(_ id: NodeID, _ i: Int, _ x: Double) { storage[offsets[id.index] + i] = x }

    /// sum(output): the function whose gradient `backward()` computes.
    func outputSum() -> Double {
        let start = offsets[output.index]
        var total = 0.0
        for i in start..<(start + graph.nodes[output.index].shape.count) { total += storage[i] }
        return total
    }

    /// Σ|output|: the scale of the rounding error in `outputSum()`.
    func outputAbsoluteSum() -> Double {
        let start = offsets[output.index]
        var total = 0.0
        for i in start..<(start + graph.nodes[output.index].shape.count) { total += abs(storage[i]) }
        return total
    }

    /// A fresh copy of all values and gradients (not a shared buffer, so the next pass does
    /// not have to copy storage), to put back later with `restore(_:)`.
    func snapshot() -> [Double] { Array(storage[...]) }

    /// Puts back a snapshot element by element (assigning would share the buffer and make the
    /// next pass copy it).
    func restore(_ saved: [Double]) {
        guard saved.count == storage.count else { return }
        for i in 0..<saved.count { storage[i] = saved[i] }
    }

    /// Start and count of a leaf's values; throws for unknown IDs and computed nodes. Optimizers
    /// ask for each parameter every step, so the answer comes from two arrays, not the graph's
    /// node (a copy of its op and shape: 3% of W1's time).
    func leafRange(_ id: NodeID) throws(PlanError) -> (start: Int, count: Int) {
        let i = id.index
        if i >= 0, i < isLeaf.count, isLeaf[i] {
            return (offsets[i], (i + 1 < offsets.count ? offsets[i + 1] : nodeSlots) - offsets[i])
        }
        guard let node = graph.node(id) else {
            throw PlanError("node \(id) is not in this plan (its graph has \(counted(graph.count, "node")))")
        }
        guard node.op.isLeaf else {
            throw PlanError("node \(id) (\(node.op.name)) is computed, not a leaf: only leaf values can be set")
        }
        return (offsets[id.index], node.shape.count)
    }

    private func copy(_ id: NodeID, from base: Int) -> Tensor? {
        guard let node = graph.node(id) else { return nil }
        let start = base + offsets[id.index]
        return Tensor(checkedShape: node.shape, scalars: Array(storage[start..<(start + node.shape.count)]))
    }
}
