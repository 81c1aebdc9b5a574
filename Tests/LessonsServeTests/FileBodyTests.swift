import Foundation
import Testing
@testable import LessonsServe

@Suite struct FileBodyTests {
    private func file(_ bytes: [UInt8]) throws -> (FileBody, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("filebody-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (try #require(FileBody(path: path)), path)
    }

    private func sent(_ body: FileBody, chunk: Int) -> (bytes: [UInt8], largest: Int) {
        var bytes: [UInt8] = [], largest = 0
        #expect(body.write(chunk: chunk) { piece in
            bytes += piece
            largest = max(largest, piece.count)
            return true
        })
        return (bytes, largest)
    }

    @Test func aFileIsReadAndSentOneChunkAtATime() throws {
        let content = (0..<1_000_003).map { UInt8($0 % 251) }
        let (body, path) = try file(content)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (bytes, largest) = sent(body, chunk: 4096)
        #expect(bytes == content)
        #expect(largest <= 4096)
        #expect(body.length == content.count)
    }

    @Test func theScriptGoesWhereTheInMemoryInjectionPutsIt() throws {
        let pages = ["<body><p>x</p></body>\n</html>\n", "<p>x</p></BODY>", "<p>x</p>", "", "</body>" + String(repeating: "y", count: 40),
                     String(repeating: "z", count: 37) + "</bOdY>" + String(repeating: "w", count: 29), "</body></body>"]
        let snippet = Array(ReloadSnippet.script(build: "ab-3").utf8)
        for page in pages {
            let (body, path) = try file(Array(page.utf8))
            defer { try? FileManager.default.removeItem(atPath: path) }
            body.insertBeforeClosingBody(snippet, chunk: 16)  // small windows: the tag may straddle two
            let expected = [UInt8](ReloadSnippet.inject(into: Data(page.utf8), build: "ab-3"))
            #expect(sent(body, chunk: 5).bytes == expected, "\(page)")
            #expect(body.length == expected.count, "\(page)")
        }
    }

    @Test func aSinkThatRefusesStopsTheBody() throws {
        let (body, path) = try file(Array(repeating: 1, count: 100))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var calls = 0
        #expect(!body.write(chunk: 10) { _ in calls += 1; return false })
        #expect(calls == 1)
    }
}
