import Autodiff
import LessonModel

/// What a run recorded: the graph's nodes and, for each traced step, every value and gradient.
/// This is what `TraceJSON` writes as the `lessons-trace/3` format (README, "Output layout").
package struct Trace: Sendable, Equatable, Codable {
    /// How a node came to be.
    package enum Role: String, Sendable, Codable { case input, parameter, constant, operation }

    /// One node of the traced graph.
    package struct Node: Sendable, Equatable, Codable {
        package var name: String
        /// The engine's op name: `input`, `param`, `const`, `add`, `matmul`, `sigmoid`, ...
        package var op: String
        /// A short symbol for diagrams (`+`, `@`, `^2`), or nil for functions and leaves.
        package var symbol: String?
        package var role: Role
        package var inputs: [Int]
        package var shape: [Int]
        /// False for names the tool made up (`u1`, `c1`).
        package var isNamed: Bool
        /// Where the node was written in the lesson.
        package var position: SourcePosition
        /// The constant exponent of a `pow` node (`x ^ 2`), the eps of a `layer_norm` or `batch_norm`, the p of a
        /// `dropout`; nil for every other op.
        package var exponent: Double? = nil
        /// The `axis:` option of an op that takes one (`sum(x, axis: 1)`); nil when not written.
        package var axis: Int? = nil
        /// Its `keepdims:` option; nil (false) when not written.
        package var keepdims: Bool? = nil
        /// What an index node picks, as `IndexSpec.numbers` (`[[null, null], [1]]` for `X[:, 1]`); nil for other ops.
        package var index: [[Int?]]? = nil
        /// `[size, stride, padding]` of a conv2d or pool (`WindowOption`); nil for every other op.
        package var window: [Int]? = nil
        /// The seed of a dropout's mask (its p is `exponent`); nil for every other op.
        package var seed: Int? = nil
    }

    /// The values and gradients of one forward and backward pass.
    package struct Step: Sendable, Equatable, Codable {
        package var step: Int
        package var loss: Double?
        /// Row-major values, one array per node (same order as `nodes`).
        package var values: [[Double]]
        package var gradients: [[Double]]
        /// ∂node/∂input for scalar edges, keyed by (node, input position); nil where not scalar.
        package var localDerivatives: [[Double?]]
        /// What each node passed back to each of its inputs (input node -> share of its gradient);
        /// a reused node's gradient is the sum of the shares it received.
        package var shares: [[Int: [Double]]]
    }

    /// A leaf's analytic gradient compared with central finite differences.
    package struct GradientCheckRow: Sendable, Equatable, Codable {
        package var node: Int
        package var maxRelativeError: Double
        /// The relative error the finite differences' own uncertainty explains at the worst
        /// element (the row passes up to `GradientCheck.tolerance` plus this); nil when no step
        /// size gave a conclusive estimate there.
        package var allowedError: Double?

        package init(node: Int, maxRelativeError: Double, allowedError: Double? = 0) {
            self.node = node
            self.maxRelativeError = maxRelativeError
            self.allowedError = allowedError
        }

        /// Whether the analytic gradient agreed with the finite differences (or could not be judged).
        package var passed: Bool {
            guard let allowedError else { return true }
            return maxRelativeError <= GradientCheck.tolerance + allowedError
        }
    }

    package var lesson: String
    package var block: String
    package var kind: LessonBlock.Kind
    package var nodes: [Node]
    package var output: Int
    package var steps: [Step]
    package var gradientCheck: [GradientCheckRow]
    /// The parts a diagram may draw as one card (`GraphProgram.groups`); nil or empty for none.
    package var groups: [NodeGroup]? = nil
    /// A model's loss at step 0, which `{{ block.loss.initial }}` quotes even when step 0 is not
    /// traced (`trace last`); nil for a graph.
    package var initialLoss: Double? = nil

    /// The first and last steps only, without shares or local derivatives: all that quoting
    /// results needs, which is what the block cache keeps.
    package func slimmedForReferences() -> Trace {
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
    package func consumers(of i: Int) -> [Int] {
        nodes.indices.filter { nodes[$0].inputs.contains(i) }
    }
}
