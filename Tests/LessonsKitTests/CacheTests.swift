import Foundation
import Testing
@testable import LessonsKit

@Suite(.serialized) struct CacheTests {
    private let graph = "```graph colah\na = 2\nb = 1\ne = (a + b) * (b + 1)\n```\n"
    private let model = "```model fit\ndata csv(\"points.csv\", x: [size], y: [price])\nparam w = zeros([1, 1])\n"
        + "loss = mean((X @ w - y)^2)\ntrain sgd(lr: 0.05) epochs 100\n```\n"

    private func course() throws -> Workspace {
        let w = try Workspace()
        try w.write("points.csv", "size,price\n1,2\n2,4\n3,6\n")
        try w.write("a.md", "# A\n\nSome prose.\n\n" + graph + "\n" + model)
        return w
    }

    private var cacheFolder: (Workspace) -> String { { $0.root.appendingPathComponent(".lessons-cache").path } }

    @Test func aProseOnlyEditRunsNoBlock() throws {
        let w = try course()
        #expect(w.build().blocksRun == 2)
        try w.write("a.md", "# A\n\nOther prose entirely.\n\n" + graph + "\n" + model)
        let report = w.build()
        #expect(report.succeeded)
        #expect(report.blocksRun == 0)
        #expect(w.page("a").contains("Other prose entirely."))
    }

    @Test func editingADataFileRerunsOnlyTheBlockThatReadsIt() throws {
        let w = try course()
        #expect(w.build().blocksRun == 2)
        try w.write("points.csv", "size,price\n1,3\n2,6\n3,9\n")
        let report = w.build()
        #expect(report.blocksRun == 1)
        #expect(w.outputTree()["a/trace/fit.json"].map { String(decoding: $0, as: UTF8.self).contains("\"grad\"") } == true)
    }

    @Test func noCacheRunsEveryBlock() throws {
        let w = try course()
        _ = w.build()
        #expect(w.build(useCache: false).blocksRun == 2)
    }

    @Test func aCorruptEntryIsRecomputedNotTrusted() throws {
        let w = try course()
        #expect(w.build().succeeded)
        let before = w.outputTree()
        let folder = cacheFolder(w)
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".entry") }.sorted()
        #expect(entries.count == 2)
        // Truncate one entry and flip a byte in the other.
        let first = URL(fileURLWithPath: folder + "/" + entries[0]), second = URL(fileURLWithPath: folder + "/" + entries[1])
        let data = try Data(contentsOf: first)
        try data.prefix(data.count / 2).write(to: first)
        var bytes = [UInt8](try Data(contentsOf: second))
        bytes[bytes.count / 2] ^= 0xFF
        try Data(bytes).write(to: second)
        try FileManager.default.removeItem(atPath: w.output)  // or the build would be up to date
        let report = w.build()
        #expect(report.blocksRun == 2)
        #expect(w.outputTree() == before)
    }

    /// A graph whose trace holds millions of numbers (a 1200×1200 outer product) runs again
    /// rather than being kept: encoding its trace took ten times as long as running it, and reading
    /// it back after a prose edit six times as long. A small block beside it is still cached.
    @Test func aTraceOfMillionsOfNumbersIsNotCached() throws {
        let w = try Workspace()
        let n = 1200
        let column = "[" + (0..<n).map { "[\(Double($0 % 7) / 4)]" }.joined(separator: ", ") + "]"
        let row = "[[" + (0..<n).map { "\(Double($0 % 5) / 3)" }.joined(separator: ", ") + "]]"
        try w.write("a.md", "# A\n\n```graph outer\na = \(column)\nb = \(row)\ny = sum(a @ b)\n```\n\n" + graph)
        #expect(w.build().blocksRun == 2)
        let entries = try FileManager.default.contentsOfDirectory(atPath: cacheFolder(w)).filter { $0.hasSuffix(".entry") }
        #expect(entries.count == 1, "only the small graph is kept")
        try w.write("a.md", "# A\n\nNew prose.\n\n```graph outer\na = \(column)\nb = \(row)\ny = sum(a @ b)\n```\n\n" + graph)
        let report = w.build()
        #expect(report.succeeded)
        #expect(report.blocksRun == 1)
        #expect(w.page("a").contains("New prose."))
    }

    @Test func staleEntriesArePruned() throws {
        let w = try course()
        _ = w.build()
        try w.write("a.md", "# A\n\n" + graph.replacingOccurrences(of: "a = 2", with: "a = 3"))
        _ = w.build()
        #expect(try FileManager.default.contentsOfDirectory(atPath: cacheFolder(w)).filter { $0.hasSuffix(".entry") }.count == 1)
    }

    @Test func outputIsIdenticalForEveryJobCountCacheStateAndWorkingDirectory() throws {
        // The reference: the shared build (cold cache, every core, absolute paths, another folder).
        let shared = try SharedCourse.get()
        let reference = Workspace.tree(at: shared.output)
        let w = try Workspace()
        try FileManager.default.removeItem(atPath: w.lessons)
        try FileManager.default.copyItem(atPath: shippedLessons, toPath: w.lessons)
        // One job, a third of the blocks run again and the rest read from the cache. Which third
        // changes with every build of the tool (its identity is part of each key); running them
        // all (a cold build of the whole course in one job) made this the suite's longest test.
        let cache = cacheFolder(w)
        try shared.copyCache(to: cache)
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".entry") }.sorted()
        #expect(entries.count >= 60)
        for (k, name) in entries.enumerated() where k % 3 == 0 { try FileManager.default.removeItem(atPath: cache + "/" + name) }
        let oneJob = w.build(w.lessons, output: w.output, jobs: 1)
        #expect(oneJob.succeeded && oneJob.blocksRun >= entries.count / 3, "\(oneJob.blocksRun) blocks run")
        #expect(w.outputTree() == reference)
        // Each build below starts without an output folder, so none is skipped as up to date.
        func rebuild(_ build: () -> BuildReport) -> BuildReport {
            try? FileManager.default.removeItem(atPath: w.output)
            return build()
        }
        let warm = rebuild { w.build(jobs: 2) }                      // warm cache
        #expect(warm.blocksRun == 0 && !warm.upToDate)
        #expect(w.outputTree() == reference)
        // From another working directory, with other relative paths.
        let elsewhere = w.root.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let moved = rebuild { w.build("../lessons", output: "../output", jobs: 1, in: elsewhere) }
        #expect(moved.succeeded && !moved.upToDate)
        #expect(w.outputTree() == reference)
        #expect(w.build("../lessons", output: "../output", jobs: 1, in: elsewhere).upToDate)
        #expect(w.outputTree() == reference)
    }

    @Test func cleanRemovesTheCache() throws {
        let w = try course()
        _ = w.build()
        #expect(FileManager.default.fileExists(atPath: cacheFolder(w)))
        try Builder.removeCache(cacheFolder(w))
        #expect(!FileManager.default.fileExists(atPath: cacheFolder(w)))
    }
}
