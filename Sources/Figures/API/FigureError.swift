/// A failure while building or rendering a figure: which operation failed and why.
package struct FigureError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The operation that failed, e.g. `"create SVG surface"` or `"line(from:to:style:)"`.
    package let operation: String
    /// Why it failed: Cairo's status text, or a description of the rejected input.
    package let message: String

    /// Creates an error for `operation` with an explanation.
    package init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    /// `operation: message`, ready to show to a user.
    package var description: String { "\(operation): \(message)" }
}
