import Foundation
import LessonsKit

/// What `lessons serve` was asked to do.
public struct ServeOptions: Sendable {
    /// How every build (the first and each rebuild) is made.
    public var build: BuildOptions
    /// The port on 127.0.0.1; 0 lets the system pick a free one.
    public var port: UInt16
    /// How often the lessons folder is checked for changes.
    public var pollInterval: Duration

    public init(build: BuildOptions, port: UInt16 = 8000, pollInterval: Duration = .milliseconds(300)) {
        self.build = build
        self.port = port
        self.pollInterval = pollInterval
    }
}

/// Where `lessons serve` reports: build diagnostics and progress (standard error, like
/// `lessons build`), and the address it serves (standard output, for scripts to read).
public struct ServeConsole: Sendable {
    public var message: @Sendable (String) -> Void
    public var address: @Sendable (String) -> Void

    public init(message: @escaping @Sendable (String) -> Void, address: @escaping @Sendable (String) -> Void) {
        self.message = message
        self.address = address
    }

    public static let terminal = ServeConsole(
        message: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) },
        address: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) })
}

/// Why the server could not start.
public struct ServeError: Error, CustomStringConvertible {
    public let description: String
}
