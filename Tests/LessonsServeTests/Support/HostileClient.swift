import Foundation

/// What came back for a request sent by `HostileClient`.
struct Exchange {
    /// The status, or nil when the connection closed without an answer.
    var status: Int?
    /// The head and the first 64 KB of the body (the rest is only counted).
    var text: String
    /// All bytes received, body included.
    var received: Int
    /// True when the server closed the connection (rather than the client giving up).
    var closedByServer: Bool

    func header(_ name: String) -> String? {
        for line in text.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n").dropFirst() {
            guard let colon = line.firstIndex(of: ":"), line[..<colon].lowercased() == name else { continue }
            return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}

/// A client that sends whatever it is given, however large, while reading whatever comes back:
/// a server that answers early (414, 431) and stops reading must not deadlock it, and an answer
/// is kept even when the rest could not be sent. Every wait is bounded by progress: it gives up
/// only after `stall` seconds in which nothing at all moved (a safety net, not a speed check).
enum HostileClient {
    /// `sent`, when given, counts the bytes sent so far, for a test that waits until the server has them.
    static func exchange(_ request: [UInt8], port: UInt16, stall: Double = 120, sent counter: Locked<Int>? = nil) throws -> Exchange {
        let fd = try RawHTTP.connect(host: "127.0.0.1", port: port)
        defer { close(fd) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var sent = 0, sending = true
        var kept: [UInt8] = [], received = 0
        var buffer = [UInt8](repeating: 0, count: 65536)
        var lastProgress = Date()
        while true {
            var poller = pollfd(fd: fd, events: Int16(POLLIN) | (sending ? Int16(POLLOUT) : 0), revents: 0)
            _ = poll(&poller, 1, 200)
            var moved = false
            if poller.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR) {
                    return Exchange(status: status(kept), text: String(decoding: kept, as: UTF8.self),
                                    received: received, closedByServer: true)
                }
                if n > 0 {
                    received += n
                    if kept.count < 65536 { kept += buffer[..<min(n, 65536 - kept.count)] }
                    moved = true
                }
            }
            if sending, poller.revents & Int16(POLLOUT) != 0 {
                let n = request.withUnsafeBytes { send(fd, $0.baseAddress! + sent, min(65536, $0.count - sent), Int32(MSG_NOSIGNAL)) }
                if n > 0 {
                    sent += n
                    moved = true
                    counter?.update { $0 += n }
                }
                if n < 0 && errno != EAGAIN && errno != EINTR { sending = false }  // the server stopped reading
                if sent == request.count { sending = false }
            }
            if moved { lastProgress = Date() }
            if Date().timeIntervalSince(lastProgress) > stall { throw RawHTTPError.timeout }
        }
    }

    /// Sends `start`, then one more `filler` byte every `gap` seconds (a slow-loris request that
    /// never ends) until the server answers or closes; then reads the rest. Gives up after `limit`
    /// bytes (a safety net).
    static func trickle(_ start: String, filler: UInt8 = UInt8(ascii: "a"), port: UInt16, gap: Double = 0.05,
                        limit: Int = 5000) throws -> Exchange {
        let fd = try RawHTTP.connect(host: "127.0.0.1", port: port)
        defer { close(fd) }
        try RawHTTP.send(fd, start)
        var byte = filler
        for _ in 0..<limit {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, Int32(gap * 1000)) > 0 { break }  // answered (or closed)
            guard send(fd, &byte, 1, Int32(MSG_NOSIGNAL)) == 1 else { break }
        }
        let rest = try RawHTTP.readAll(fd, timeout: 120, until: { _ in false })
        return Exchange(status: status(rest), text: String(decoding: rest, as: UTF8.self), received: rest.count,
                        closedByServer: true)
    }

    /// The status code of a response's first line.
    static func status(_ bytes: [UInt8]) -> Int? {
        let line = String(decoding: bytes.prefix(64), as: UTF8.self).prefix { $0 != "\r" }
        let parts = line.split(separator: " ")
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1.") else { return nil }
        return Int(parts[1])
    }

    /// A GET of `path` with the given extra header lines, closing after the answer.
    static func get(_ path: String, port: UInt16, host: String? = nil, method: String = "GET",
                    headers: [String] = []) -> [UInt8] {
        let lines = ["\(method) \(path) HTTP/1.1", "Host: \(host ?? "127.0.0.1:\(port)")", "Connection: close"] + headers
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }
}
