/// A position in a lesson file: 1-based line, and 1-based column counted in Unicode scalars.
public struct SourcePosition: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// How serious a diagnostic is: errors fail the build, warnings do not.
public enum Severity: String, Sendable, Codable {
    case error, warning
}

/// A compiler-style message about a place in a file: `path:line:column: error: message`.
public struct Diagnostic: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    public var severity: Severity
    public var path: String
    /// Nil for a problem with a whole file or folder (`lessons: error: ...`).
    public var position: SourcePosition?
    public var message: String

    public init(_ severity: Severity, _ path: String, _ position: SourcePosition?, _ message: String) {
        self.severity = severity
        self.path = path
        self.position = position
        self.message = message
    }

    public static func error(_ path: String, _ position: SourcePosition, _ message: String) -> Diagnostic {
        Diagnostic(.error, path, position, message)
    }

    public static func warning(_ path: String, _ position: SourcePosition, _ message: String) -> Diagnostic {
        Diagnostic(.warning, path, position, message)
    }

    /// A problem with a whole file or folder, which has no line to point at.
    public static func fileError(_ path: String, _ message: String) -> Diagnostic {
        Diagnostic(.error, path, nil, message)
    }

    public var description: String {
        guard let position else { return "\(path): \(severity.rawValue): \(message)" }
        return "\(path):\(position.line):\(position.column): \(severity.rawValue): \(message)"
    }
}

/// Collects the diagnostics of one lesson while it is processed, in the order they are found.
public struct Diagnostics: Sendable {
    public let path: String
    public private(set) var all: [Diagnostic] = []

    public init(path: String) { self.path = path }

    public mutating func error(_ position: SourcePosition, _ message: String) {
        all.append(.error(path, position, message))
    }

    public mutating func warning(_ position: SourcePosition, _ message: String) {
        all.append(.warning(path, position, message))
    }

    public mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
}
