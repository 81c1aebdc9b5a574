/// A graph that cannot be built: shapes that do not fit an op, wrong arity, unknown node.
package struct ShapeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A readable sentence, e.g. "cannot multiply 2x2 by 3x1".
    package let message: String
    /// Wraps a message.
    package init(_ message: String) { self.message = message }
    /// The message itself.
    package var description: String { message }
}

/// "1 node", "3 nodes": counts in messages.
func counted(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

/// A plan that cannot be compiled or a request it cannot serve (unknown node, not a leaf, ...).
package struct PlanError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A readable sentence, e.g. "#3 (add) is not a leaf: only leaf values can be set".
    package let message: String
    /// Wraps a message.
    package init(_ message: String) { self.message = message }
    /// The message itself.
    package var description: String { message }
}
