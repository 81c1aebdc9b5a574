/// A node's position in its graph (creation order). Only meaningful with the graph that made it.
package struct NodeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// 0-based creation index.
    package let index: Int
    init(_ index: Int) { self.index = index }
    /// Creation order.
    package static func < (a: NodeID, b: NodeID) -> Bool { a.index < b.index }
    /// "#3".
    package var description: String { "#\(index)" }
}

/// Which kind of leaf to create: the leaf cases of `Op`.
package enum LeafKind: Equatable, Sendable {
    /// Data fed in.
    case input
    /// A trainable weight or bias.
    case parameter
    /// A literal that never changes.
    case constant

    /// The matching `Op`.
    package var op: Op {
        switch self {
        case .input: .input
        case .parameter: .parameter
        case .constant: .constant
        }
    }
}

/// Builds a graph node by node, checking shapes as it goes. Creation order is topological,
/// because a node's inputs must already exist.
package struct GraphBuilder: Sendable {
    struct Node: Sendable {
        let op: Op
        let inputs: [NodeID]
        let shape: Shape
        /// The given value for leaves; nil for computed nodes.
        let leafValue: Tensor?
    }

    private(set) var nodes: [Node] = []

    /// An empty graph.
    package init() {}

    /// Adds a leaf with its initial value.
    package mutating func leaf(_ kind: LeafKind, value: Tensor) -> NodeID {
        nodes.append(Node(op: kind.op, inputs: [], shape: value.shape, leafValue: value))
        return NodeID(nodes.count - 1)
    }

    /// Adds a computed node; checks that the inputs exist, their number, and their shapes.
    package mutating func apply(_ op: Op, _ inputs: [NodeID]) throws(ShapeError) -> NodeID {
        var shapes: [Shape] = []
        shapes.reserveCapacity(inputs.count)
        for id in inputs {
            guard let shape = shape(of: id) else {
                throw ShapeError("\(op.name) refers to node \(id), but this graph has \(counted(count, "node"))")
            }
            shapes.append(shape)
        }
        let result = try ShapeRules.resultShape(of: op, shapes)
        nodes.append(Node(op: op, inputs: inputs, shape: result, leafValue: nil))
        return NodeID(nodes.count - 1)
    }

    /// Variadic form of `apply(_:_:)`: `try graph.apply(.add, a, b)`.
    package mutating func apply(_ op: Op, _ inputs: NodeID...) throws(ShapeError) -> NodeID {
        try apply(op, inputs)
    }

    /// Number of nodes so far.
    package var count: Int { nodes.count }

    /// Every node ID in creation order.
    package var ids: [NodeID] { (0..<nodes.count).map(NodeID.init) }

    /// Whether `id` names a node of this graph.
    package func contains(_ id: NodeID) -> Bool { id.index >= 0 && id.index < nodes.count }

    /// The node's shape; nil if `id` is not in this graph.
    package func shape(of id: NodeID) -> Shape? { node(id)?.shape }

    /// The node's op; nil if `id` is not in this graph.
    package func op(of id: NodeID) -> Op? { node(id)?.op }

    /// The node's inputs in argument order; nil if `id` is not in this graph.
    package func inputs(of id: NodeID) -> [NodeID]? { node(id)?.inputs }

    /// A leaf's initial value; nil for computed nodes and unknown IDs.
    package func leafValue(of id: NodeID) -> Tensor? { node(id)?.leafValue }

    func node(_ id: NodeID) -> Node? { contains(id) ? nodes[id.index] : nil }
}
