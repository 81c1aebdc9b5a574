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
    /// Names besides 127.0.0.1, localhost and [::1] that requests may carry in `Host` (`--host`).
    public var hosts: [String]
    /// What one connection may send and how long it may take.
    public var limits: ServerLimits

    public init(build: BuildOptions, port: UInt16 = 8000, pollInterval: Duration = .milliseconds(300),
                hosts: [String] = [], limits: ServerLimits = ServerLimits()) {
        self.build = build
        self.port = port
        self.pollInterval = pollInterval
        self.hosts = hosts
        self.limits = limits
    }

    /// True when `text` can be a `--host` value: a DNS name, IPv4 address or bracketed IPv6
    /// address, with an optional `:port`.
    public static func isValidHost(_ text: String) -> Bool {
        HostCheck.parseAllowed(text) != nil
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
