import Foundation
import Testing
@testable import LessonsServe

/// The server on its own, over a small output folder, with timeouts short enough to watch them
/// act. Every wait on the test's side is bounded by a loop count or a generous safety net.
@Suite struct LoopbackServerTests {
    /// A running server over `output/` (a marker, `index.html`, `a/index.html`); stopped by `stop()`.
    final class Running {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("loopback-\(UUID().uuidString)").path
        let events = BuildEvents()
        let server: LoopbackServer
        let port: UInt16

        init(_ change: (inout ServerLimits) -> Void = { _ in }) throws {
            let output = root + "/output"
            try FileManager.default.createDirectory(atPath: output + "/a", withIntermediateDirectories: true)
            for (name, text) in [".lessons-output": "", "index.html": "<body>index</body>", "a/index.html": "<body>A</body>"] {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output + "/" + name))
            }
            var limits = ServerLimits()
            (limits.headTimeout, limits.idleTimeout) = (0.3, 0.3)
            change(&limits)
            let responder = SiteResponder(outputDirectory: output, events: events)
            server = LoopbackServer(limits: limits, respond: { responder.respond(to: $0) })
            port = try server.start(port: 0)
        }

        func stop() {
            events.close()
            server.stop()
            try? FileManager.default.removeItem(atPath: root)
        }
    }

    @Test func aSlowLorisTrickleIsAnswered408AndClosed() throws {
        let running = try Running()
        defer { running.stop() }
        let exchange = try HostileClient.trickle("GET /a/ HTTP/1.1\r\nHost: 127.0.0.1:\(running.port)\r\nX-Slow: ",
                                                 port: running.port)
        #expect(exchange.status == 408)
        #expect(exchange.text.contains("did not arrive whole"))
    }

    @Test func aSilentPartialRequestIsAnswered408AndASilentConnectionIsClosed() throws {
        let running = try Running()
        defer { running.stop() }
        let partial = try RawHTTP.connect(host: "127.0.0.1", port: running.port)
        defer { close(partial) }
        try RawHTTP.send(partial, "GET /a/ HTT")
        let silent = try RawHTTP.connect(host: "127.0.0.1", port: running.port)
        defer { close(silent) }
        #expect(HostileClient.status(try RawHTTP.readAll(partial, timeout: 120, until: { _ in false })) == 408)
        #expect(try RawHTTP.readAll(silent, timeout: 120, until: { _ in false }).isEmpty)  // closed without a word
    }

    /// A client that stops halfway through its request holds up nobody: the other request is
    /// answered while the first still waits (with a head timeout long enough that no machine,
    /// however busy, reaches it during the test; the 408 itself is checked above).
    @Test func aPartialRequestDoesNotHoldUpOthers() throws {
        let running = try Running { $0.headTimeout = 600; $0.idleTimeout = 600 }
        defer { running.stop() }
        let partial = try RawHTTP.connect(host: "127.0.0.1", port: running.port)
        defer { close(partial) }
        try RawHTTP.send(partial, "GET /a/ HTTP/1.1\r\nHost: 127.0.0.1:\(running.port)\r\nX-Partial: ")
        #expect(try RawHTTP.get("/a/", port: running.port).status == 200)
        var waiting = pollfd(fd: partial, events: Int16(POLLIN), revents: 0)
        #expect(poll(&waiting, 1, 0) == 0, "the partial request was answered or closed before the other was served")
    }

    @Test func aKeptAliveConnectionServesPipelinedRequestsInOrder() throws {
        let running = try Running()
        defer { running.stop() }
        let fd = try RawHTTP.connect(host: "127.0.0.1", port: running.port)
        defer { close(fd) }
        let host = "Host: 127.0.0.1:\(running.port)\r\n"
        try RawHTTP.send(fd, "GET /a/ HTTP/1.1\r\n\(host)\r\nHEAD / HTTP/1.1\r\n\(host)\r\nGET / HTTP/1.1\r\n\(host)Connection: close\r\n\r\n")
        let text = String(decoding: try RawHTTP.readAll(fd, timeout: 120, until: { _ in false }), as: UTF8.self)
        #expect(text.components(separatedBy: "HTTP/1.1 200 OK\r\n").count == 4)
        #expect(text.contains("<body>A"))
        #expect(text.hasSuffix("</script>\n</body>"))  // the last answer: the index, with the reload script
        #expect(text.components(separatedBy: "Connection: close").count == 2)
    }

    @Test func connectionsOverTheLimitGet503UntilOneCloses() throws {
        let running = try Running { $0.connections = 2; $0.idleTimeout = 600; $0.headTimeout = 600 }
        defer { running.stop() }
        let first = try RawHTTP.connect(host: "127.0.0.1", port: running.port)
        let second = try RawHTTP.connect(host: "127.0.0.1", port: running.port)
        defer { close(second) }
        let turnedAway = try HostileClient.exchange(HostileClient.get("/a/", port: running.port), port: running.port)
        #expect(turnedAway.status == 503)
        close(first)
        var status: Int?
        for _ in 0..<2000 where status != 200 {  // the first connection's thread ends soon after it closes
            status = try HostileClient.exchange(HostileClient.get("/a/", port: running.port), port: running.port).status
            if status != 200 { usleep(10_000) }
        }
        #expect(status == 200)
    }

    @Test func stoppingClosesOpenConnectionsAndEventStreams() throws {
        let running = try Running { $0.idleTimeout = 600; $0.headTimeout = 600 }
        let idle = try RawHTTP.connect(host: "127.0.0.1", port: running.port)
        defer { close(idle) }
        let stream = try EventStream(port: running.port)
        _ = try stream.read { $0.contains("event: build") }
        running.stop()
        running.server.stop()  // a second stop (Ctrl-C, then the normal one) returns at once
        #expect(try RawHTTP.readAll(idle, timeout: 120, until: { _ in false }).isEmpty)
        #expect(RawHTTP.refuses(host: "127.0.0.1", port: running.port))
    }

    @Test func aRequestWithABodyIsRefused() throws {
        let running = try Running()
        defer { running.stop() }
        for header in ["Content-Length: 5", "Transfer-Encoding: chunked"] {
            let request = HostileClient.get("/a/", port: running.port, headers: [header]) + Array("hello".utf8)
            #expect(try HostileClient.exchange(request, port: running.port).status == 400, "\(header)")
        }
        #expect(try HostileClient.exchange(HostileClient.get("/a/", port: running.port, headers: ["Content-Length: 0"]),
                                           port: running.port).status == 200)
    }
}
