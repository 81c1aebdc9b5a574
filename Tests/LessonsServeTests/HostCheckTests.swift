import Testing
@testable import LessonsServe

@Suite struct HostCheckTests {
    @Test func loopbackNamesNeedTheServersPort() {
        let check = HostCheck(port: 8000)
        for host in ["127.0.0.1:8000", "localhost:8000", "LocalHost:8000", "[::1]:8000"] { #expect(check.accepts(host: host), "\(host)") }
        for host in ["127.0.0.1", "localhost:8001", "evil.example:8000", "127.0.0.1:8000:8000", "localhost.:8000", "[::1]",
                     "127.0.0.1:", "127.0.0.1:+8000", "[::1]x:8000", "", ":8000"] {
            #expect(!check.accepts(host: host), "\(host)")
        }
        #expect(HostCheck(port: 80).accepts(host: "localhost"))  // browsers leave port 80 out
    }

    @Test func originsMustBeThisServersPages() {
        let check = HostCheck(port: 8000)
        #expect(check.accepts(origin: "http://localhost:8000"))
        for origin in ["null", "https://localhost:8000", "http://evil.example", "http://localhost:8000/x", "file://"] {
            #expect(!check.accepts(origin: origin), "\(origin)")
        }
    }

    @Test func hostOptionsAddNamesWithOrWithoutAPort() {
        let any = HostCheck.parseAllowed("DevBox.lan"), fixed = HostCheck.parseAllowed("devbox:9000")
        #expect(any == HostCheck.Allowed(name: "devbox.lan", port: nil))
        #expect(fixed == HostCheck.Allowed(name: "devbox", port: 9000))
        #expect(HostCheck.parseAllowed("[fe80::1]:80") == HostCheck.Allowed(name: "[fe80::1]", port: 80))
        for bad in ["", "a b", "http://x", "x:", "x:99999", "x/y", "[zz::1]", "[]", "é.example"] {
            #expect(HostCheck.parseAllowed(bad) == nil, "\(bad)")
        }
        let check = HostCheck(port: 8000, extra: [any, fixed].compactMap { $0 })
        #expect(check.accepts(host: "devbox.lan:1234") && check.accepts(host: "devbox.lan") && check.accepts(host: "devbox:9000"))
        #expect(!check.accepts(host: "devbox:8000"))
    }
}
