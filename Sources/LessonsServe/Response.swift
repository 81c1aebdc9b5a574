import Foundation

/// What the server sends back for one request.
struct Response: Sendable {
    enum Body: Sendable {
        case bytes([UInt8])
        case file(FileBody)
        /// A `text/event-stream` of build events, sent until the server stops or the page goes away;
        /// it has no length, so the connection closes after it.
        case events(BuildEvents)
    }

    var status: HTTPStatus
    /// Sent in order; `Content-Length` and `Connection` are added when the response is written.
    var headers: [(String, String)]
    var body: Body

    /// A plain-text answer, for errors and redirects.
    static func text(_ status: HTTPStatus, _ message: String, headers: [(String, String)] = []) -> Response {
        Response(status: status,
                 headers: [("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-store")] + headers,
                 body: .bytes(Array(message.utf8)))
    }

    /// The answer for a refused request: its status, and its reason in the body.
    static func refusal(_ refusal: Refusal) -> Response {
        text(refusal.status, "\(refusal.status.code) \(refusal.status.reason): \(refusal.message).\n",
             headers: refusal.extraHeaders)
    }

    /// Writes the status line, headers and (unless `head`) the body; false when the peer went away.
    func write(to fd: Int32, head: Bool, keepAlive: Bool, chunk: Int) -> Bool {
        var lines = "HTTP/1.1 \(status.code) \(status.reason)\r\n"
        for (name, value) in headers { lines += "\(name): \(value)\r\n" }
        switch body {
        case .bytes(let bytes): lines += "Content-Length: \(bytes.count)\r\n"
        case .file(let file): lines += "Content-Length: \(file.length)\r\n"
        case .events: break
        }
        lines += keepAlive && !isStream ? "\r\n" : "Connection: close\r\n\r\n"
        guard Socket.sendAll(fd, Array(lines.utf8)) else { return false }
        if head { return true }
        switch body {
        case .bytes(let bytes):
            return Socket.sendAll(fd, bytes)
        case .file(let file):
            return file.write(chunk: chunk) { Socket.sendAll(fd, $0) }
        case .events(let events):
            var seen: String?
            while let event = events.next(after: seen) {
                if case .build(let id) = event { seen = id }
                guard Socket.sendAll(fd, Array(BuildEvents.text(event).utf8)) else { return false }
            }
            return false  // the stream ended: the connection closes
        }
    }

    /// True for a body whose end only the closing of the connection marks.
    var isStream: Bool {
        if case .events = body { return true }
        return false
    }
}
