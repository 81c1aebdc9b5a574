import Foundation
import Testing
@testable import LessonsKit

/// A build with nothing changed does nothing; any change to an input or to the output builds.
@Suite(.serialized) struct BuildStampTests {
    private let graph = "```graph g\na = 2\nb = a * 3\n```\n"

    private func course() throws -> Workspace {
        let w = try Workspace()
        try w.write("points.csv", "x,y\n1,2\n2,4\n")
        try w.write("images/dot.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>")
        try w.write("a.md", "# A\n\nProse.\n\n![dot](images/dot.svg)\n\n" + graph)
        try w.write("b.md", "# B\n\n```model fit\ndata csv(\"points.csv\", x: [x], y: [y])\nparam w = zeros([1, 1])\n"
                    + "loss = mean((X @ w - y)^2)\ntrain sgd(lr: 0.05) epochs 10\n```\n")
        return w
    }

    private func upToDateAfter(_ w: Workspace, _ change: () throws -> Void) rethrows -> Bool {
        let first = w.build()
        #expect(first.succeeded)
        try change()
        let second = w.build()
        #expect(second.succeeded)
        return second.upToDate
    }

    @Test func aSecondBuildWithNothingChangedDoesNothing() throws {
        let w = try course()
        #expect(!w.build().upToDate)
        let before = w.outputTree()
        let again = w.build()
        #expect(again.upToDate && again.pagesWritten == 2 && again.blocksRun == 0)
        #expect(again.summary(outputDirectory: "output") == "lessons: output/ is up to date (2 lessons; nothing changed since the last build)")
        #expect(w.outputTree() == before)
    }

    @Test func anyChangedInputBuildsAgain() throws {
        let w = try course()
        #expect(!(try upToDateAfter(w) { try w.write("a.md", "# A\n\nOther prose.\n\n" + graph) }))
        #expect(w.page("a").contains("Other prose."))
        #expect(!(try upToDateAfter(w) { try w.write("points.csv", "x,y\n1,3\n2,6\n") }))
        #expect(!(try upToDateAfter(w) { try w.write("images/dot.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2\" height=\"2\"/>") }))
        #expect(!(try upToDateAfter(w) { try w.write("c.md", "# C\n") }))
        #expect(w.build().pagesWritten == 3)
        #expect(!(try upToDateAfter(w) { try FileManager.default.removeItem(atPath: w.lessons + "/c.md") }))
        #expect(!(try upToDateAfter(w) { try w.write("course.yml", "title: Renamed\n") }))
        #expect(w.build().upToDate)
    }

    @Test func aTouchedOrDeletedOutputFileIsRebuilt() throws {
        let w = try course()
        _ = w.build()
        let before = w.outputTree()
        try Data("edited by hand".utf8).write(to: URL(fileURLWithPath: w.output + "/a/index.html"))
        #expect(!w.build().upToDate)
        #expect(w.outputTree() == before)
        try FileManager.default.removeItem(atPath: w.output + "/b/trace/fit.json")
        #expect(!w.build().upToDate)
        #expect(w.outputTree() == before)
        try Data().write(to: URL(fileURLWithPath: w.output + "/extra.txt"))
        #expect(!w.build().upToDate)
        #expect(w.outputTree() == before)
    }

    @Test func warningsAreRepeatedNotSkipped() throws {
        let w = try course()
        try w.write("a.md", "# A\n\n```python\nprint(1)\n")  // an unclosed fence is a warning
        let first = w.build()
        #expect(first.succeeded && first.warningCount > 0)
        let second = w.build()
        #expect(!second.upToDate && second.warningCount == first.warningCount)
    }

    @Test func optionsAndOutputFoldersAreKeptApart() throws {
        let w = try course()
        _ = w.build()
        #expect(!w.build(output: "other").upToDate)
        #expect(w.build(output: "other").upToDate)
        #expect(w.build().upToDate)
        #expect(!w.build(useCache: false).upToDate)  // --no-cache always builds
        var options = BuildOptions(lessonsDirectory: w.lessons, outputDirectory: w.output)
        options.baseURL = "https://example.org/course/"
        #expect(!Builder.build(options).upToDate)
        #expect(FileManager.default.fileExists(atPath: w.output + "/sitemap.xml"))
    }

    @Test func aBuildOfTheSameInputsAfterAFailureIsNotSkipped() throws {
        let w = try course()
        _ = w.build()
        try w.write("a.md", "# A\n\n```graph g\na = \n```\n")
        #expect(!w.build().succeeded)
        try w.write("a.md", "# A\n\nProse.\n\n![dot](images/dot.svg)\n\n" + graph)
        // Back to the inputs of the last successful build, whose output is still in place.
        #expect(w.build().upToDate)
    }

    @Test func cleanAcceptsStamps() throws {
        let w = try course()
        _ = w.build()
        let folder = w.root.appendingPathComponent(".lessons-cache").path
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).contains { $0.hasSuffix(BuildStamp.suffix) })
        try Builder.removeCache(folder)
        #expect(!w.build().upToDate)
    }
}

/// The up-to-date check reads only the lessons folder, within its budget, and keys on the
/// running executable (not on `argv[0]`).
@Suite(.serialized) struct BuildStampSafetyTests {
    @Test func aLinkToAHugeFileOutsideIsNotReadAndTheBuildIsStillUpToDate() throws {
        let w = try Workspace()
        try w.write("a.md", "# A\n\nProse.\n")
        // A sparse file bigger than the whole hashing budget: reading it would cost its size.
        let outside = w.root.appendingPathComponent("huge.bin").path
        #expect(FileManager.default.createFile(atPath: outside, contents: nil))
        #expect(truncate(outside, off_t(BuildStamp.maxInputBytes) * 2) == 0)
        try FileManager.default.createSymbolicLink(atPath: w.lessons + "/huge.bin", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: w.lessons + "/zero", withDestinationPath: "/dev/zero")
        #expect(!w.build().upToDate)
        #expect(w.build().upToDate)
        // Editing the target still builds again: its size and times are part of the digest.
        #expect(truncate(outside, off_t(BuildStamp.maxInputBytes) * 2 + 1) == 0)
        #expect(!w.build().upToDate)
        #expect(w.build().upToDate)
    }

    @Test func filesAreReadWithinABudgetAndNeverBlockOnAFIFO() throws {
        let w = try Workspace()
        let big = w.root.appendingPathComponent("big").path
        #expect(FileManager.default.createFile(atPath: big, contents: Data(count: 1000)))
        var hasher = SHA256()
        var budget = 999
        #expect(BoundedRead.hash(big, into: &hasher, budget: &budget) == .failure(.tooLarge))
        #expect(budget == 999)
        budget = 1000
        #expect(BoundedRead.hash(big, into: &hasher, budget: &budget) == .success(1000))
        #expect(budget == 0)
        let fifo = w.root.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(BoundedRead.bytes(fifo, limit: 10).map(\.count) == .failure(.notRegular))
        let link = w.root.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: big)
        #expect(BoundedRead.bytes(link, limit: 10_000).map(\.count) == .failure(.notRegular))
        #expect(BoundedRead.bytes(link, limit: 10_000, followLinks: true).map(\.count) == .success(1000))
    }

    @Test func theToolIsIdentifiedByItsBuildIDNotItsName() throws {
        let binary = try #require(lessonsExecutable())
        let id = try #require(ToolIdentity.buildID(ofELF: binary.path))
        #expect(id.count >= 16)
        #expect(ToolIdentity.current.contains(" build-id "))
        #expect(ToolIdentity.compute(executable: binary.path) == "lessons \(LessonsVersion.string) build-id \(id)")
        let w = try Workspace()
        let plain = w.root.appendingPathComponent("plain").path
        #expect(FileManager.default.createFile(atPath: plain, contents: Data("not an ELF file".utf8)))
        #expect(ToolIdentity.compute(executable: plain) == "lessons \(LessonsVersion.string) sha256 \(SHA256.hex(Array("not an ELF file".utf8)))")
    }

    /// Another build of the tool, installed where the old one was (same name on PATH, same size
    /// and modification time), does not reuse the old one's results.
    @Test func anUpgradedToolOnPATHDoesNotReuseOldResults() throws {
        let binary = try #require(lessonsExecutable())
        let w = try Workspace()
        try w.write("a.md", "# A\n\n```graph g\nx = 2\ny = x * x\n```\n")
        let bin = w.root.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let installed = bin.appendingPathComponent("lessons").path
        let original = try Data(contentsOf: binary)
        try install(original, at: installed)
        #expect(chmod(installed, 0o755) == 0)
        var info = stat()
        #expect(stat(installed, &info) == 0)
        let times = [timespec(tv_sec: info.st_atim.tv_sec, tv_nsec: info.st_atim.tv_nsec),
                     timespec(tv_sec: info.st_mtim.tv_sec, tv_nsec: info.st_mtim.tv_nsec)]
        let first = try onPATH(["build"], bin: bin, in: w.root)
        #expect(first.status == 0 && first.stderr.contains("1 block run"), "\(first.stderr)")
        // The "new version": one bit of its build ID differs; same size, same modification time.
        let id = try #require(ToolIdentity.buildID(ofELF: installed))
        var bytes = [UInt8](original)
        let idBytes = stride(from: 0, to: id.count, by: 2).map { UInt8(id.dropFirst($0).prefix(2), radix: 16) ?? 0 }
        let at = try #require((0...(bytes.count - idBytes.count)).first { bytes[$0..<($0 + idBytes.count)].elementsEqual(idBytes) })
        bytes[at] ^= 1
        try install(Data(bytes), at: installed)
        #expect(utimensat(AT_FDCWD, installed, times, 0) == 0)
        let second = try onPATH(["build"], bin: bin, in: w.root)
        #expect(second.status == 0)
        #expect(second.stderr == "lessons: built 1 lesson into output/ (0 warnings; 1 block run)\n")
    }

    private func lessonsExecutable() -> URL? {
        let binDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return [binDir, binDir.deletingLastPathComponent()].map { $0.appendingPathComponent("lessons") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Writes an executable through `cp`, never opening it for writing in this process: a child
    /// that any other test forks while this process holds the file open for writing keeps it
    /// open until that child execs, and exec of the file then fails with "Text file busy" (seen
    /// in clean-clone runs, more often on a loaded machine). `cp` has exited when this returns.
    private func install(_ data: Data, at path: String) throws {
        let staged = path + ".staged-\(UUID().uuidString)"
        try data.write(to: URL(fileURLWithPath: staged))
        defer { try? FileManager.default.removeItem(atPath: staged) }
        let copy = Process()
        copy.executableURL = URL(fileURLWithPath: "/bin/cp")
        copy.arguments = [staged, path]
        try copy.run()
        copy.waitUntilExit()
        #expect(copy.terminationStatus == 0)
    }

    /// Runs `lessons` as a shell would find it on PATH: `argv[0]` is just "lessons". "Text file
    /// busy" is still retried (the test's own race, as Go's tests treat ETXTBSY), until two
    /// minutes have gone by, which only stops a broken run from hanging.
    private func onPATH(_ arguments: [String], bin: URL, in directory: URL) throws -> (status: Int32, stderr: String) {
        var result = try runOnce(arguments, bin: bin, in: directory)
        let start = Date()
        while result.status == 126, result.stderr.contains("Text file busy"), Date().timeIntervalSince(start) < 120 {
            usleep(20_000)
            result = try runOnce(arguments, bin: bin, in: directory)
        }
        return result
    }

    private func runOnce(_ arguments: [String], bin: URL, in directory: URL) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["PATH=\(bin.path)", "lessons"] + arguments
        process.currentDirectoryURL = directory
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }
}
