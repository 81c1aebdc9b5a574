import Operations

/// The parsed expressions of a block, stored flat: children are indices of earlier nodes.
/// A flat array (not an `indirect enum`) because a recursive tree's deinit recurses, and a
/// 10,000-term chain would overflow the stack. Nodes are appended as the parser finishes them,
/// so the order is already evaluation order.
struct ExpressionArena: Sendable {
    typealias ID = Int

    struct Node: Sendable {
        enum Kind: Sendable {
            case number(Double)
            case tensor(TensorLiteral)
            /// A use of a name; the resolver looks it up.
            case name(String)
            case operation(ProgramOp, inputs: [ID], exponent: Double?)
            /// Something already reported as an error; whatever uses it is dropped without more messages.
            case invalid
        }
        var kind: Kind
        var position: SourcePosition
        /// The value when the expression is built from numbers only, so `x^(1/2)` can check its
        /// exponent in O(1).
        var constant: Double?
        /// A call's `axis:` and `keepdims:` options.
        var axis = AxisOption.none
        /// A reshape's sizes.
        var dims: [Int] = []
        /// What an index (`X[:, 1]`) picks.
        var index: IndexSpec? = nil
    }

    private(set) var nodes: [Node] = []

    var count: Int { nodes.count }

    subscript(id: ID) -> Node { nodes[id] }

    mutating func add(_ kind: Node.Kind, at position: SourcePosition, constant: Double? = nil,
                      axis: AxisOption = .none, dims: [Int] = [], index: IndexSpec? = nil) -> ID {
        nodes.append(Node(kind: kind, position: position, constant: constant, axis: axis, dims: dims, index: index))
        return nodes.count - 1
    }

    mutating func number(_ value: Double, at position: SourcePosition) -> ID {
        add(.number(value), at: position, constant: value)
    }

    /// `-e`; a minus written before a plain number folds into it, so `-2` is the constant -2.
    mutating func negate(_ e: ID, at position: SourcePosition) -> ID {
        if case .number(let value) = nodes[e].kind {
            nodes[e] = Node(kind: .number(-value), position: position, constant: -value)
            return e
        }
        return add(.operation(.negate, inputs: [e], exponent: nil), at: position, constant: nodes[e].constant.map { -$0 })
    }

    mutating func binary(_ op: ProgramOp, _ a: ID, _ b: ID, at position: SourcePosition) -> ID {
        var constant: Double?
        if let x = nodes[a].constant, let y = nodes[b].constant {
            switch op {
            case .add: constant = x + y
            case .subtract: constant = x - y
            case .multiply: constant = x * y
            case .divide: constant = x / y
            default: constant = nil  // `@` is for tensors; a product of two numbers is not an exponent
            }
        }
        return add(.operation(op, inputs: [a, b], exponent: nil), at: position, constant: constant)
    }

    /// Drops the nodes from `start` on: a constant exponent is kept as a number, not as nodes.
    mutating func truncate(to start: ID) {
        nodes.removeSubrange(min(start, nodes.count)...)
    }
}
