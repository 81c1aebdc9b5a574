/// A failure while building or rendering a figure: which operation failed and why.
public struct FigureError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The operation that failed, e.g. `"create SVG surface"` or `"line(from:to:style:)"`.
    public let operation: String
    /// Why it failed: Cairo's status text, or a description of the rejected input.
    public let message: String

    /// Creates an error for `operation` with an explanation.
    public init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    /// `operation: message`, ready to show to a user.
    public var description: String { "\(operation): \(message)" }
}
