import Autodiff
import LessonModel

/// What a run recorded: the graph's nodes and, for each traced step, every value and gradient.
/// This is the `lessons-trace/1` format of DESIGN.md, before it is written as JSON.
public struct Trace: Sendable, Equatable, Codable {
    /// How a node came to be.
    public enum Role: String, Sendable, Codable { case input, parameter, constant, operation }

    /// One node of the traced graph.
    public struct Node: Sendable, Equatable, Codable {
        public var name: String
        /// The engine's op name: `input`, `param`, `const`, `add`, `matmul`, `sigmoid`, ...
        public var op: String
        /// A short symbol for diagrams (`+`, `@`, `^2`), or nil for functions and leaves.
        public var symbol: String?
        public var role: Role
        public var inputs: [Int]
        public var shape: [Int]
        /// False for names the tool made up (`u1`, `c1`).
        public var isNamed: Bool
        /// Where the node was written in the lesson.
        public var position: SourcePosition
    }

    /// The values and gradients of one forward and backward pass.
    public struct Step: Sendable, Equatable, Codable {
        public var step: Int
        public var loss: Double?
        /// Row-major values, one array per node (same order as `nodes`).
        public var values: [[Double]]
        public var gradients: [[Double]]
        /// ∂node/∂input for scalar edges, keyed by (node, input position); nil where not scalar.
        public var localDerivatives: [[Double?]]
        /// What each node passed back to each of its inputs (input node -> share of its gradient);
        /// a reused node's gradient is the sum of the shares it received.
        public var shares: [[Int: [Double]]]
    }

    /// A leaf's analytic gradient compared with central finite differences.
    public struct GradientCheckRow: Sendable, Equatable, Codable {
        public var node: Int
        public var maxRelativeError: Double
        /// The relative error the finite differences' own uncertainty explains at the worst
        /// element (the row passes up to `GradientCheck.tolerance` plus this); nil when no step
        /// size gave a conclusive estimate there.
        public var allowedError: Double?

        public init(node: Int, maxRelativeError: Double, allowedError: Double? = 0) {
            self.node = node
            self.maxRelativeError = maxRelativeError
            self.allowedError = allowedError
        }

        /// Whether the analytic gradient agreed with the finite differences (or could not be judged).
        public var passed: Bool {
            guard let allowedError else { return true }
            return maxRelativeError <= GradientCheck.tolerance + allowedError
        }
    }

    public var lesson: String
    public var block: String
    public var kind: LessonBlock.Kind
    public var nodes: [Node]
    public var output: Int
    public var steps: [Step]
    public var gradientCheck: [GradientCheckRow]

    /// The first and last steps only, without shares or local derivatives: all that quoting
    /// results needs, which is what the block cache keeps.
    public func slimmedForReferences() -> Trace {
        var slim = self
        let ends = steps.count <= 2 ? steps : [steps[0], steps[steps.count - 1]]
        slim.steps = ends.map { step in
            var s = step
            s.shares = []
            s.localDerivatives = []
            return s
        }
        return slim
    }

    /// The nodes that use node `i`, in order (the paths its gradient comes back along).
    public func consumers(of i: Int) -> [Int] {
        nodes.indices.filter { nodes[$0].inputs.contains(i) }
    }
}
