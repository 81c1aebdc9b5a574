import Foundation
import Testing

/// `lessons serve` against requests a hostile web page (or a careless script) can send to
/// 127.0.0.1: each is answered with its status and closed, and a normal request still answers.
/// Waits are bounded by progress, not by the clock; times are printed, never asserted.
@Suite struct HostileRequestTests {
    private static func path(_ length: Int) -> String { "/" + String(repeating: "a", count: length) }

    @Test func oversizedHeadsGet414Or431WhileNormalRequestsAreServed() throws {
        let course = try Course()
        let (serve, port) = try LessonsProcess.serve(course)
        let hostile: [(name: String, request: [UInt8], status: Int)] = [
            ("1 MB request line", Array("GET \(Self.path(1 << 20)) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8), 414),
            ("16 MB header", HostileClient.get("/a/", port: port, headers: ["X-Big: " + String(repeating: "b", count: 16 << 20)]), 431),
            ("200,000 headers", HostileClient.get("/a/", port: port, headers: (0..<200_000).map { "X-\($0): y" }), 431),
            ("192 KB path", HostileClient.get(Self.path(192 << 10), port: port), 414),
            ("another 192 KB path", HostileClient.get(Self.path(192 << 10), port: port), 414),
        ]
        let results = Locked<[String: Result<Exchange, any Error>]>([:])
        let group = DispatchGroup()
        for case let (name, request, _) in hostile {
            DispatchQueue.global().async(group: group) {
                let result = Result { try HostileClient.exchange(request, port: port) }
                results.update { $0[name] = result }
            }
        }
        // A normal request while those are in flight.
        let started = Date()
        let page = try RawHTTP.get("/a/", port: port, timeout: 120)
        print("lessons serve: normal GET answered in \(Date().timeIntervalSince(started)) s beside the hostile requests")
        #expect(page.status == 200)
        #expect(page.text.contains("First version."))
        group.wait()
        for (name, _, status) in hostile {
            let exchange = try #require(try results.value[name]?.get(), "\(name)")
            #expect(exchange.status == status, "\(name): \(exchange.text.prefix(200))")
            #expect(exchange.closedByServer, "\(name)")
            #expect(exchange.header("connection") == "close", "\(name)")
        }
        #expect(try RawHTTP.get("/a/", port: port).status == 200)
        serve.stop()
    }

    @Test func methodTokensAreCaseSensitiveAndUnknownOnesGet405() throws {
        let course = try Course()
        let (serve, port) = try LessonsProcess.serve(course)
        for method in ["get", "Get", "head", "BREW", "PROPFIND", "CONNECT", "TRACE"] {
            let exchange = try HostileClient.exchange(HostileClient.get("/a/", port: port, method: method), port: port)
            #expect(exchange.status == 405, "\(method)")
            #expect(exchange.header("allow") == "GET, HEAD", "\(method)")
            #expect(!exchange.text.contains("First version."), "\(method)")
        }
        for line in ["G\u{0}T /a/ HTTP/1.1", "GET  /a/ HTTP/1.1", "GET /a/", "GET /a/ HTTP/1.1 x", "(GET) /a/ HTTP/1.1"] {
            let exchange = try HostileClient.exchange(Array("\(line)\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8), port: port)
            #expect(exchange.status == 400, "\(line)")
        }
        let version = try HostileClient.exchange(Array("GET /a/ HTTP/2.0\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8), port: port)
        #expect(version.status == 505)
        serve.stop()
    }

    @Test func onlyLoopbackNamesWithTheRightPortAreServed() throws {
        let course = try Course()
        let (serve, port) = try LessonsProcess.serve(course, ["--host", "devbox.lan"])
        func status(host: String?, _ headers: [String] = []) throws -> Int? {
            let lines = ["GET /a/ HTTP/1.1"] + (host.map { ["Host: \($0)"] } ?? []) + ["Connection: close"] + headers
            return try HostileClient.exchange(Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8), port: port).status
        }
        for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST:\(port)", "[::1]:\(port)", "devbox.lan:8080", "devbox.lan"] {
            #expect(try status(host: host) == 200, "\(host)")
        }
        // DNS rebinding: a page of evil.example whose name now points at 127.0.0.1.
        for host in ["evil.example", "evil.example:\(port)", "127.0.0.1", "127.0.0.1:\(port == 1 ? 2 : port - 1)",
                     "localhost.evil.example:\(port)", "127.0.0.1.nip.io:\(port)", "[::1]", "", "127.0.0.1:\(port)x"] {
            #expect(try status(host: host) == 403, "\(host)")
        }
        #expect(try status(host: nil) == 400)
        #expect(try status(host: "127.0.0.1:\(port)", ["Host: evil.example"]) == 400)
        #expect(try status(host: "127.0.0.1:\(port)", ["Origin: http://evil.example"]) == 403)
        #expect(try status(host: "127.0.0.1:\(port)", ["Origin: null"]) == 403)
        #expect(try status(host: "127.0.0.1:\(port)", ["Origin: http://localhost:\(port)"]) == 200)
        #expect(try status(host: "127.0.0.1:\(port)", ["Sec-Fetch-Site: cross-site", "Sec-Fetch-Mode: no-cors"]) == 403)
        #expect(try status(host: "127.0.0.1:\(port)", ["Sec-Fetch-Site: cross-site", "Sec-Fetch-Mode: navigate"]) == 200)
        #expect(try status(host: "127.0.0.1:\(port)", ["Sec-Fetch-Site: same-origin", "Sec-Fetch-Mode: cors"]) == 200)
        let refused = try HostileClient.exchange(HostileClient.get("/a/", port: port, host: "evil.example"), port: port)
        #expect(!refused.text.contains("First version."))
        serve.stop()
    }

    @Test func aLargeFileIsStreamedNotReadWhole() throws {
        let course = try Course()
        let (serve, port) = try LessonsProcess.serve(course)
        let size = 256 << 20
        let big = course.output + "/big.png"
        #expect(FileManager.default.createFile(atPath: big, contents: nil))
        #expect(truncate(big, off_t(size)) == 0)  // sparse: no disk used
        let before = try #require(Self.peakMemory(serve.pid))
        let head = try HostileClient.exchange(HostileClient.get("/big.png", port: port, method: "HEAD"), port: port)
        #expect(head.header("content-length") == String(size))
        for _ in 0..<2 {
            let exchange = try HostileClient.exchange(HostileClient.get("/big.png", port: port), port: port)
            #expect(exchange.status == 200)
            #expect(exchange.header("content-length") == String(size))
            #expect(exchange.received > size)
        }
        let after = try #require(Self.peakMemory(serve.pid))
        print("lessons serve: peak memory \(before >> 10) MB before, \(after >> 10) MB after two GETs of \(size >> 20) MB")
        #expect(after - before < (size >> 10) / 4, "peak memory grew from \(before) kB to \(after) kB")
        serve.stop()
    }

    @Test func theFirstCtrlCStopsTheServerWhileHostileRequestsAreInFlight() throws {
        let course = try Course()
        let (serve, port) = try LessonsProcess.serve(course)
        let partial = try RawHTTP.connect(host: "127.0.0.1", port: port)
        defer { close(partial) }
        try RawHTTP.send(partial, "GET /a/ HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n")
        let events = try EventStream(port: port)
        _ = try events.read { $0.contains("event: build") }
        // Two 1 MB request lines (these once kept both of a server's worker threads busy for minutes).
        let request = Array("GET \(Self.path(1 << 20)) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8)
        let sent = Locked(0), finished = Locked(0)
        let group = DispatchGroup()
        for _ in 0..<2 {
            DispatchQueue.global().async(group: group) {
                _ = try? HostileClient.exchange(request, port: port, stall: 60, sent: sent)
                finished.update { $0 += 1 }
            }
        }
        // Ctrl-C once the server has both requests (or has already answered them).
        var waited = 0
        while sent.value < 2 * request.count && finished.value < 2 && waited < 6000 {
            usleep(10_000)
            waited += 1
        }
        serve.interrupt()
        #expect(serve.exitStatus() == 0, "stderr: \(serve.stderr)")
        #expect(serve.stderr.hasSuffix("lessons: stopped\n"))
        #expect(RawHTTP.refuses(host: "127.0.0.1", port: port))
        group.wait()
    }

    /// The highest resident memory of process `pid` so far, in kB (Linux's VmHWM).
    private static func peakMemory(_ pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return Int(line.split(separator: " ")[1])
    }
}
