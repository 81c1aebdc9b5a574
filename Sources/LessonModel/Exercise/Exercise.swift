/// An exercise the reader answers on the page: a fenced block ```` ```exercise <graph block> ````
/// inside a lesson, below its question (the prose around it), holding
///
///     with a = 3, b = -1, x[2] = 4     leaves of the graph block set for this exercise
///     ask de/db                        the number asked for: a gradient of the block's output,
///     ask e      ask dL/dW[0,1]        or a node's value; an index picks one entry of a tensor
///     within 0.5%                      the tolerance (relative with %, else absolute)
///
/// The build computes the answer with the engine; the page checks the reader's number with the
/// live evaluator (Script+Exercise) and then shows the worked chain rule.
public struct Exercise: Sendable, Equatable {
    /// A leaf set to other numbers for this exercise: the whole leaf (`x = [1, 2]`, `a = 3`) or
    /// one entry of it (`x[2] = 4`, `W[0,1] = 0.5`).
    public struct Override: Sendable, Equatable {
        public var name: String
        public var index: [Int]?
        public var values: [Double]
        public var position: SourcePosition
    }

    /// What is asked: a node's value, or the gradient of the block's output with respect to a node.
    public struct Ask: Sendable, Equatable {
        public enum Quantity: Sendable, Equatable { case value, gradient }
        public var quantity: Quantity
        /// The numerator of a gradient as written (`e` in `de/db`), which must be the block's output.
        public var of: String?
        public var ofPosition: SourcePosition?
        public var node: String
        public var nodePosition: SourcePosition
        public var index: [Int]?
        public var indexPosition: SourcePosition?
    }

    public enum Tolerance: Sendable, Equatable {
        /// A fraction of the answer's size (`within 0.5%` is 0.005).
        case relative(Double)
        case absolute(Double)
    }

    /// Within 0.1% of the answer: a reader who keeps three or four digits gets it right.
    public static let defaultTolerance = Tolerance.relative(0.001)

    /// The graph block's name, from the info string.
    public var block: String
    public var blockPosition: SourcePosition
    public var overrides: [Override]
    public var ask: Ask
    public var tolerance: Tolerance
    /// The line of the opening fence.
    public var fenceLine: Int
}
