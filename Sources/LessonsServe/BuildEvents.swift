import Foundation

/// The number of the current successful build, and the open pages waiting to hear of the next one.
/// Each event stream is served by its connection's own thread, which waits here.
final class BuildEvents: @unchecked Sendable {
    enum Event: Sendable, Equatable {
        /// A build identifier: `<session>-<n>`, new for every successful build and every server run.
        case build(String)
        /// A comment line, so a page closed long ago is noticed (the write fails) and its stream ends.
        case heartbeat
    }

    /// Random per server run, so a page left open across a restart reloads too.
    private let session = String(UInt64.random(in: 0...UInt64.max), radix: 16)
    private let condition = NSCondition()
    private var count = 0
    private var closed = false
    /// Seconds without a build after which a stream gets a heartbeat.
    let heartbeatInterval: Double

    init(heartbeatInterval: Double = 15) {
        self.heartbeatInterval = heartbeatInterval
    }

    /// The identifier of the build now in `output/`.
    var current: String { condition.withLock { "\(session)-\(count)" } }

    /// Announces a successful build to every open page.
    func published() {
        condition.withLock {
            count += 1
            condition.broadcast()
        }
    }

    /// Ends every stream, so open connections finish and the server can stop.
    func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
    }

    /// The next event for a stream that last announced `seen` (nil: nothing yet): the current build
    /// when it differs, else the next one, or a heartbeat after `heartbeatInterval`; nil once closed.
    func next(after seen: String?) -> Event? {
        let deadline = Date().addingTimeInterval(heartbeatInterval)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if closed { return nil }
            let now = "\(session)-\(count)"
            if now != seen { return .build(now) }
            if !condition.wait(until: deadline) { return closed ? nil : .heartbeat }
        }
    }

    /// The wire form of one event; `retry` makes a disconnected page try again after a second.
    static func text(_ event: Event) -> String {
        switch event {
        case .build(let id): "retry: 1000\nevent: build\ndata: \(id)\n\n"
        case .heartbeat: ": heartbeat\n\n"
        }
    }
}
