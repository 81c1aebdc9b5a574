import Foundation

/// A response as it came off the wire.
struct RawResponse: Sendable {
    var status: Int
    /// Header names lowercased.
    var headers: [String: String]
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
}

enum RawHTTPError: Error { case socket(String), timeout, malformed(String) }

/// A deliberately dumb HTTP/1.1 client over a POSIX socket. URLSession (libcurl) folds `..` out of
/// paths before sending them, which would hide exactly what the traversal tests must send; this
/// sends the request line byte for byte. It blocks, with every wait bounded: the tests that use it
/// are synchronous, so a test suite that keeps Swift's few pool threads busy cannot starve them.
enum RawHTTP {
    static func get(_ path: String, port: UInt16, method: String = "GET", timeout: Double = 600) throws -> RawResponse {
        let fd = try connect(host: "127.0.0.1", port: port)
        defer { close(fd) }
        try send(fd, "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
        let head = method == "HEAD"
        return try parse(readAll(fd, timeout: timeout, until: { isComplete($0, head: head) }))
    }

    /// True when nothing accepts connections at host:port (e.g. another loopback address).
    static func refuses(host: String, port: UInt16) -> Bool {
        guard let fd = try? connect(host: host, port: port) else { return true }
        close(fd)
        return false
    }

    static func connect(host: String, port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawHTTPError.socket("socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, host, &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(fd); throw RawHTTPError.socket("connect: \(String(cString: strerror(errno)))") }
        return fd
    }

    static func send(_ fd: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == bytes.count else {
            throw RawHTTPError.socket("send")
        }
    }

    /// Reads until the peer closes, `done` holds, or `timeout` seconds pass (an error).
    static func readAll(_ fd: Int32, timeout: Double, until done: ([UInt8]) -> Bool) throws -> [UInt8] {
        let deadline = Date().addingTimeInterval(timeout)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw RawHTTPError.timeout }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(min(left, 1) * 1000) + 1) >= 0 else { throw RawHTTPError.socket("poll") }
            guard poller.revents != 0 else { continue }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return received }
            received += buffer[..<n]
            if done(received) { return received }
        }
    }

    /// True once the headers and Content-Length bytes of body have arrived (some servers, like
    /// Chromium's DevTools endpoint, keep the connection open after answering).
    private static func isComplete(_ bytes: [UInt8], head: Bool) -> Bool {
        guard let response = try? parse(bytes), let length = response.headers["content-length"].flatMap(Int.init) else {
            return false
        }
        return head || response.body.count >= length
    }

    private static func parse(_ bytes: [UInt8]) throws -> RawResponse {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = (0...max(0, bytes.count - 4)).first(where: { bytes[$0..<min($0 + 4, bytes.count)].elementsEqual(separator) })
        else { throw RawHTTPError.malformed(String(decoding: bytes, as: UTF8.self)) }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw RawHTTPError.malformed(lines[0]) }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return RawResponse(status: status, headers: headers, body: Array(bytes[(end + 4)...]))
    }
}

/// An open `/__lessons/events` stream, read in steps: wait for the first event, change something,
/// then wait for the next.
final class EventStream {
    private let fd: Int32
    private var received = ""

    init(port: UInt16) throws {
        fd = try RawHTTP.connect(host: "127.0.0.1", port: port)
        try RawHTTP.send(fd, "GET /__lessons/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
    }

    deinit { close(fd) }

    /// Everything received so far, once `done` holds for it; throws after `timeout` seconds.
    func read(within timeout: Double = 600, until done: (String) -> Bool) throws -> String {
        if done(received) { return received }
        let before = received
        let more = try RawHTTP.readAll(fd, timeout: timeout, until: { done(before + String(decoding: $0, as: UTF8.self)) })
        received += String(decoding: more, as: UTF8.self)
        guard done(received) else { throw RawHTTPError.timeout }
        return received
    }
}

extension RawHTTP {
    /// A socket listening on 127.0.0.1 at a free port, to make a port busy.
    static func listener() throws -> (fd: Int32, port: UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 4) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard fd >= 0, ok else { throw RawHTTPError.socket("listen") }
        return (fd, UInt16(bigEndian: address.sin_port))
    }
}
