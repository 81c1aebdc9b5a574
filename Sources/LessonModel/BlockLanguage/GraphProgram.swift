import Operations

/// A tensor written out in a block: a scalar (`dims == []`), a vector (`[n]`) or a matrix
/// (`[m, n]`), with its numbers in row-major order.
public struct TensorLiteral: Equatable, Sendable {
    public var dims: [Int]
    public var scalars: [Double]

    /// A tensor of the given shape; `scalars.count` is the product of `dims`.
    public init(dims: [Int], scalars: [Double]) {
        self.dims = dims
        self.scalars = scalars
    }

    /// A single number.
    public static func scalar(_ value: Double) -> TensorLiteral {
        TensorLiteral(dims: [], scalars: [value])
    }
}

/// The primitive operations a block can use; the engine has one forward and one gradient rule per case.
public typealias ProgramOp = Operation

/// A call's `axis:` and `keepdims:` options (`sum(x, axis: 1)`).
public typealias ProgramAxis = AxisOption

/// One node of a resolved block: a leaf (input, parameter, constant) or an operation on earlier nodes.
public struct ProgramNode: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case input(TensorLiteral)
        case parameter(TensorLiteral)
        case constant(TensorLiteral)
        /// `inputs` index earlier nodes; `exponent` is set for `.power` (and is the norms' eps).
        case operation(ProgramOp, inputs: [Int], exponent: Double?)
        /// `X` or `y` of a model block's `data` line: an input whose value (and shape) comes from
        /// the data set when the model is trained. Model blocks only.
        case data(String)
        /// A parameter given by an initializer call (`param W = xavier([2, 3])`), drawn with the
        /// training seed. Model blocks only.
        case initialized(InitializerSpec)
    }

    /// The teacher's name, or a generated one (`u1`, `u2`, ... and `c1`, `c2`, ...).
    public var name: String
    /// False for generated names.
    public var isNamed: Bool
    public var kind: Kind
    /// Where the node was written in the lesson file: the operator of a binary operation, the
    /// function name of a call, the `-` of a negation, the start of a constant, the assigned name of a leaf.
    public var position: SourcePosition
    /// The lesson-file line of the statement that produced the node.
    public var statementLine: Int
    /// An operation's `axis:` and `keepdims:` options (`sum(x, axis: 1)`); `.none` otherwise.
    public var axis: ProgramAxis
    /// The sizes a `reshape` asks for (`reshape(x, 2, -1)` gives [2, -1]); empty otherwise.
    public var dims: [Int] = []
    /// What an index picks (`X[:, 1]`); nil for every other node.
    public var index: IndexSpec? = nil

    /// A node with every field given.
    public init(name: String, isNamed: Bool, kind: Kind, position: SourcePosition, statementLine: Int,
                axis: AxisOption = .none, dims: [Int] = [], index: IndexSpec? = nil) {
        self.dims = dims
        self.index = index
        self.name = name
        self.isNamed = isNamed
        self.kind = kind
        self.position = position
        self.statementLine = statementLine
        self.axis = axis
    }
}

/// A block as the engine compiles it: nodes in evaluation order (inputs before users) and the output.
public struct GraphProgram: Equatable, Sendable {
    public var nodes: [ProgramNode]
    /// The node whose gradient is seeded with 1: the last assignment of a graph block, `loss` in a model block.
    public var output: Int
    /// Parts of the graph a diagram may draw collapsed; no node is in two groups.
    public var groups: [NodeGroup]
    /// The block's `descend` line: what the page may minimise by hand. Graph blocks only.
    public var descent: Descent?

    /// A program over `nodes` whose result is `nodes[output]`.
    public init(nodes: [ProgramNode], output: Int, groups: [NodeGroup] = [], descent: Descent? = nil) {
        self.nodes = nodes
        self.output = output
        self.groups = groups
        self.descent = descent
    }
}
