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

    /// Inputs deflated before are answered from memory, also when many threads ask for the same
    /// input at once (the two editions' blocks do): every answer is the one deflate gives, and
    /// different inputs never share one.
    @Test func repeatedInputsFromManyThreadsGetTheSameBytes() throws {
        let inputs = (0..<6).map { k in Array(("{\"k\":\(k),\"x\":[" + (0..<4_000).map { String(Double($0 * (k + 1)) / 7) }.joined(separator: ",") + "]}").utf8) }
        final class Answers: @unchecked Sendable {
            let lock = NSLock()
            var byInput: [[[UInt8]?]]
            init(_ count: Int) { byInput = Array(repeating: [], count: count) }
            func add(_ packed: [UInt8]?, for k: Int) { lock.withLock { byInput[k].append(packed) } }
        }
        let collected = Answers(inputs.count)
        DispatchQueue.concurrentPerform(iterations: 48) { i in
            let k = i % inputs.count
            collected.add(Gzip.compress(inputs[k]), for: k)
        }
        let answers = collected.byInput
        for (k, input) in inputs.enumerated() {
            let first = try #require(answers[k].first ?? nil)
            #expect(answers[k].count == 8)
            #expect(answers[k].allSatisfy { $0 == first })
            #expect(Gzip.decompress(first) == input)
        }
        #expect(Set(answers.compactMap { $0.first ?? nil }).count == inputs.count)
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
