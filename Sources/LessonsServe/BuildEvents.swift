import Foundation

/// The number of the current successful build, and the open pages waiting to hear of the next one.
actor BuildEvents {
    enum Event: Sendable, Equatable {
        /// A build identifier: `<session>-<n>`, new for every successful build and every server run.
        case build(String)
        /// A comment line, so a page closed long ago is noticed (the write fails) and its stream ends.
        case heartbeat
    }

    /// Random per server run, so a page left open across a restart reloads too.
    private let session = String(UInt64.random(in: 0...UInt64.max), radix: 16)
    private var count = 0
    private var subscribers: [UUID: AsyncStream<Event>.Continuation] = [:]
    private var heartbeats: Task<Void, Never>?
    private var closed = false
    private let heartbeatInterval: Duration

    init(heartbeatInterval: Duration = .seconds(15)) {
        self.heartbeatInterval = heartbeatInterval
    }

    /// The identifier of the build now in `output/`.
    var current: String { "\(session)-\(count)" }

    /// Announces a successful build to every open page.
    func published() {
        count += 1
        for subscriber in subscribers.values { subscriber.yield(.build(current)) }
    }

    /// A stream that starts with the current build and then carries every new one; it finishes
    /// when the server stops.
    func subscribe() -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .bufferingNewest(4))
        guard !closed else {
            continuation.finish()
            return stream
        }
        let id = UUID()
        subscribers[id] = continuation
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        continuation.yield(.build(current))
        if heartbeats == nil { startHeartbeats() }
        return stream
    }

    /// Ends every stream, so open connections finish and the server can stop.
    func close() {
        closed = true
        heartbeats?.cancel()
        for subscriber in subscribers.values { subscriber.finish() }
        subscribers = [:]
    }

    private func unsubscribe(_ id: UUID) {
        subscribers[id] = nil
    }

    private func startHeartbeats() {
        let interval = heartbeatInterval
        heartbeats = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard let self else { return }
                await self.beat()
            }
        }
    }

    private func beat() {
        for subscriber in subscribers.values { subscriber.yield(.heartbeat) }
    }
}
