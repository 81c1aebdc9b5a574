import Foundation
import Testing
@testable import LessonsServe

@Suite struct HeadParserTests {
    private var limits: ServerLimits {
        var limits = ServerLimits()
        (limits.requestLineBytes, limits.headerLineBytes, limits.headerBytes, limits.headerCount) = (64, 32, 100, 4)
        return limits
    }

    private func parse(_ text: String, byteByByte: Bool = false) -> HeadParser.Step {
        var parser = HeadParser(limits: limits)
        let bytes = Array(text.utf8)
        guard byteByByte else { return parser.parse(bytes) }
        for end in 1...bytes.count {
            let step = parser.parse(Array(bytes[..<end]))
            if step != .needMore { return step }
        }
        return .needMore
    }

    private func status(_ text: String) -> Int? {
        if case .refuse(let refusal) = parse(text) { return refusal.status.code }
        return nil
    }

    @Test func aHeadIsParsedWhetherItArrivesWholeOrByteByByte() {
        let text = "\r\nGET /a/?x=1 HTTP/1.1\r\nHost: 127.0.0.1:80\r\nX-Two:  spaced \t\r\n\r\nNEXT"
        let expected = HeadParser.Step.head(RequestHead(method: "GET", target: "/a/?x=1", version: "HTTP/1.1", headers: [
            .init(name: "host", value: "127.0.0.1:80"), .init(name: "x-two", value: "spaced")]), consumed: text.utf8.count - 4)
        #expect(parse(text) == expected)
        #expect(parse(text, byteByByte: true) == expected)
        #expect(parse("GET / HTTP/1.0\nHost: h\n\n") != .needMore)  // bare LF line ends are accepted
        #expect(parse("GET / HTTP/1.1\r\nHost: h\r\n") == .needMore)
    }

    @Test func eachByteIsScannedOnceHoweverTheHeadArrives() {
        var parser = HeadParser(limits: ServerLimits())
        let bytes = Array(("GET /a/ HTTP/1.1\r\n" + (0..<100).map { "X-\($0): \(String(repeating: "v", count: 300))\r\n" }.joined()
                           + "\r\n").utf8)
        var step = HeadParser.Step.needMore
        for end in 1...bytes.count where step == .needMore { step = parser.parse(Array(bytes[..<end])) }
        guard case .head(let head, let consumed) = step else { Issue.record("not parsed: \(step)"); return }
        #expect(head.headers.count == 100 && consumed == bytes.count)
        #expect(parser.examined == bytes.count)  // linear: a quadratic reader looks at the line again on every read
    }

    @Test func anOverlongRequestLineIs414BeforeItsEndArrives() {
        #expect(status("GET /\(String(repeating: "a", count: 50)) HTTP/1.1\r\n\r\n") == nil)
        #expect(status("GET /\(String(repeating: "a", count: 70))") == 414)  // no line end yet
        #expect(status("GET /\(String(repeating: "a", count: 1 << 20))") == 414)
    }

    @Test func headerLimitsAre431() {
        let line = "GET / HTTP/1.1\r\n"
        #expect(status(line + "X: \(String(repeating: "b", count: 40))") == 431)  // one long line, unfinished
        #expect(status(line + (0..<5).map { "X\($0): y\r\n" }.joined() + "\r\n") == 431)  // five headers, four allowed
        #expect(status(line + (0..<4).map { "X\($0): \(String(repeating: "c", count: 25))\r\n" }.joined()) == 431)  // 100 bytes
        #expect(status(line + (0..<4).map { "X\($0): y\r\n" }.joined() + "\r\n") == nil)
    }

    @Test func malformedLinesAre400AndOtherVersions505() {
        for text in ["GET /\r\n\r\n", "GET  / HTTP/1.1\r\n\r\n", "G(T / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1 \r\n\r\n",
                     "GET / FTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nNo colon\r\n\r\n", "GET / HTTP/1.1\r\nX : y\r\n\r\n",
                     "GET / HTTP/1.1\r\nX: y\r\n folded\r\n\r\n", "GET / HTTP/1.1\r\n: y\r\n\r\n", "GET / HTTP/1.1\r\nX: a\u{0}b\r\n\r\n"] {
            #expect(status(text) == 400, "\(text.debugDescription)")
        }
        #expect(status("GET / HTTP/2\r\n\r\n") == 505)
    }

    @Test func methodsAreKeptAsSent() {
        guard case .head(let head, _) = parse("get / HTTP/1.1\r\n\r\n") else { Issue.record("not parsed"); return }
        #expect(head.method == "get")  // the policy answers 405: methods are case-sensitive
    }
}
