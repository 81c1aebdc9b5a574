import Foundation

/// A failed socket call and its errno.
struct SocketFailure: Error, CustomStringConvertible {
    let call: String
    let code: Int32
    var description: String { "\(call): \(String(cString: strerror(code)))" }
}

/// The few POSIX socket calls the server needs, each bounded in time: reads wait with `poll`
/// until a deadline, and writes give up after the socket's send timeout.
enum Socket {
    /// Seconds on a clock that never jumps (deadlines survive a change of the wall clock).
    static func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    /// A listening TCP socket on 127.0.0.1 and the port it got (`port` 0 lets the system pick).
    static func listenOnLoopback(port: UInt16) throws -> (fd: Int32, port: UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SocketFailure(call: "socket", code: errno) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let failure: SocketFailure? = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                if bind(fd, pointer, length) != 0 { return SocketFailure(call: "bind", code: errno) }
                if listen(fd, 128) != 0 { return SocketFailure(call: "listen", code: errno) }
                if getsockname(fd, pointer, &length) != 0 { return SocketFailure(call: "getsockname", code: errno) }
                return nil
            }
        }
        if let failure {
            close(fd)
            throw failure
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    /// Waits until `fd` has something to read (or was closed) or `deadline` passes; false on the deadline.
    static func waitReadable(_ fd: Int32, until deadline: Double) -> Bool {
        while true {
            let left = deadline - now()
            guard left > 0 else { return false }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(left, 3600) * 1000) + 1)
            if ready > 0 { return true }
            if ready < 0 && errno != EINTR { return true }  // let the read report it
        }
    }

    /// Gives each `send` on `fd` at most `seconds` to make progress (a client that stops reading).
    static func setSendTimeout(_ fd: Int32, seconds: Double) {
        var time = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - seconds.rounded(.down)) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Sends all of `bytes`; false when the peer is gone or stopped reading for the send timeout.
    static func sendAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var sent = 0
        while sent < bytes.count {
            let n = send(fd, base + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
            if n > 0 {
                sent += n
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }

    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { sendAll(fd, $0) }
    }

    /// Closes after an error answer without losing it: a client still sending would otherwise get
    /// a reset that can discard the answer before it reads it. Our side is shut, and what the client
    /// still sends is read and dropped, up to `limit` bytes or `seconds`.
    static func lingeringClose(_ fd: Int32, limit: Int = 1 << 20, seconds: Double = 2) {
        shutdown(fd, Int32(SHUT_WR))
        let deadline = now() + seconds
        var scratch = [UInt8](repeating: 0, count: 16384)
        var drained = 0
        while drained < limit, waitReadable(fd, until: deadline) {
            let n = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            drained += n
        }
    }
}
