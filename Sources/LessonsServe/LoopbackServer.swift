import Foundation

/// A small HTTP/1.1 server for `lessons serve`: GET and HEAD only, on 127.0.0.1 only, one thread
/// per connection (up to `ServerLimits.connections`). Plain threads, not Swift's cooperative pool:
/// a connection that is slow or hostile can then never starve the tasks that rebuild the site or
/// handle Ctrl-C. README (`lessons serve`) says why this replaced FlyingFox.
final class LoopbackServer: @unchecked Sendable {
    private let limits: ServerLimits
    private let extraHosts: [HostCheck.Allowed]
    private let respond: @Sendable (RequestHead) -> Response
    private let state = NSCondition()
    private var listener: Int32 = -1
    /// Written to wake the accept loop when stopping (closing a socket does not wake `poll` on Linux).
    private var wake: [Int32] = [-1, -1]
    private var open: Set<Int32> = []
    private var stopping = false
    private var acceptFinished = false

    init(limits: ServerLimits = ServerLimits(), extraHosts: [HostCheck.Allowed] = [],
         respond: @escaping @Sendable (RequestHead) -> Response) {
        self.limits = limits
        self.extraHosts = extraHosts
        self.respond = respond
    }

    /// Listens on 127.0.0.1:`port` (0: a free port) and returns the port.
    func start(port: UInt16) throws -> UInt16 {
        let (fd, bound) = try Socket.listenOnLoopback(port: port)
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            close(fd)
            throw SocketFailure(call: "pipe", code: errno)
        }
        (listener, wake) = (fd, ends)
        let policy = RequestPolicy(hosts: HostCheck(port: bound, extra: extraHosts))
        let thread = Thread { [self] in acceptLoop(policy: policy) }
        thread.name = "lessons.serve.accept"
        thread.start()
        return bound
    }

    /// Stops accepting, shuts every open connection (which wakes its thread) and waits for their
    /// threads to end. Event streams wait on `BuildEvents`, so close those first.
    /// A second call (Ctrl-C, then the normal stop) returns at once.
    func stop() {
        let first = state.withLock { () -> Bool in
            guard !stopping else { return false }
            stopping = true
            for fd in open { shutdown(fd, Int32(SHUT_RDWR)) }
            return true
        }
        guard first, listener >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(wake[1], &byte, 1)
        state.withLock {
            while !acceptFinished || !open.isEmpty { state.wait() }
        }
        close(listener)
        wake.forEach { close($0) }
    }

    private func acceptLoop(policy: RequestPolicy) {
        defer { state.withLock { acceptFinished = true; state.broadcast() } }
        while true {
            var waits = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0),
                         pollfd(fd: wake[0], events: Int16(POLLIN), revents: 0)]
            let ready = poll(&waits, 2, -1)
            if state.withLock({ stopping }) { return }
            guard ready > 0, waits[0].revents != 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                if errno == EMFILE || errno == ENFILE { usleep(10_000) }  // out of descriptors: don't spin
                continue
            }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)  // builds start programs; they must not inherit it
            let admitted = state.withLock { () -> Bool in
                guard !stopping, open.count < limits.connections else { return false }
                open.insert(client)
                return true
            }
            guard admitted else {
                Self.turnAway(client)
                continue
            }
            let connection = Connection(fd: client, limits: limits, policy: policy, respond: respond)
            let thread = Thread { [self] in
                connection.serve()
                state.withLock {
                    open.remove(client)
                    close(client)
                    state.broadcast()
                }
            }
            thread.name = "lessons.serve.connection"
            thread.start()
        }
    }

    /// Answers 503 without waiting for anything (the socket is new, its buffer empty) and closes.
    private static func turnAway(_ fd: Int32) {
        let body = "Too many connections at once; try again.\n"
        let text = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body
        _ = Array(text.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
        close(fd)
    }
}
