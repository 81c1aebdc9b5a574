import Site
import Foundation
import Testing
@testable import LessonsKit
@testable import Presentation

@Suite struct GzipTests {
    @Test func roundTripsAndIsTheSameEveryTime() throws {
        let json = Array(("{\"x\":[" + (0..<20_000).map { String(Double($0) / 7) }.joined(separator: ",") + "]}\n").utf8)
        let packed = try #require(Gzip.compress(json))
        #expect(packed == Gzip.compress(json))
        #expect(packed.count < json.count / 2)
        #expect(Array(packed.prefix(10)) == [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 2, 255], "no name, no time, unknown system")
        #expect(Gzip.decompress(packed) == json)
        #expect(Gzip.decompress(try #require(Gzip.compress([]))) == [])
    }

    @Test func theSystemGunzipReadsIt() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/gzip") || FileManager.default.isExecutableFile(atPath: "/bin/gzip") else { return }
        let w = try Workspace()
        let path = w.root.appendingPathComponent("t.json.gz").path
        let text = "{\"a\":[0.1,0.30000000000000004]}\n"
        try Data(try #require(Gzip.compress(Array(text.utf8)))).write(to: URL(fileURLWithPath: path))
        #expect(try run(FileManager.default.isExecutableFile(atPath: "/bin/gzip") ? "/bin/gzip" : "/usr/bin/gzip", ["-dc", path]) == text)
    }

    @Test func damagedFilesAreRefused() throws {
        var packed = try #require(Gzip.compress(Array("{\"a\":1}".utf8)))
        #expect(Gzip.decompress(Array(packed.dropLast())) == nil)
        packed[packed.count - 8] ^= 0xFF  // the CRC
        #expect(Gzip.decompress(packed) == nil)
        #expect(Gzip.decompress(Array("{\"a\":1}".utf8)) == nil)
    }
}
