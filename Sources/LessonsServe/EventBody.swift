import FlyingSocks

/// A `text/event-stream` body: the bytes of each build event as it happens. FlyingFox sends a body
/// of unknown length chunked and writes each buffer as soon as it is produced.
struct EventBody: AsyncBufferedSequence {
    typealias Element = UInt8
    let events: AsyncStream<BuildEvents.Event>

    func makeAsyncIterator() -> Iterator { Iterator(events: events.makeAsyncIterator()) }

    /// The wire form of one event; `retry` makes a disconnected page try again after a second.
    static func text(_ event: BuildEvents.Event) -> String {
        switch event {
        case .build(let id): "retry: 1000\nevent: build\ndata: \(id)\n\n"
        case .heartbeat: ": heartbeat\n\n"
        }
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<BuildEvents.Event>.Iterator
        var pending: ArraySlice<UInt8> = []

        mutating func next() async throws -> UInt8? {
            try await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> ArraySlice<UInt8>? {
            if pending.isEmpty {
                guard let event = await events.next() else { return nil }
                pending = ArraySlice(EventBody.text(event).utf8)
            }
            let taken = pending.prefix(Swift.max(1, count))
            pending = pending.dropFirst(taken.count)
            return taken
        }
    }
}
