import Foundation
import Testing
@testable import LessonsKit

/// `--output`, `--cache-dir` and the lessons folder as users type them (one character, dotted,
/// missing parents, links, Unicode, very long, empty) through the built binary, where a trap
/// would end only the child process: no trap, the site where the path says, or a clear error.
@Suite(.serialized) struct HostileOutputPathTests {
    /// Runs `lessons` in `directory` of `course`, checking it ended normally (not by a signal).
    private func run(_ arguments: [String], _ course: HostileCourse, in directory: String = "",
                     sourceLocation: SourceLocation = #_sourceLocation) throws -> (status: Int32, stdout: String, stderr: String) {
        let folder = directory.isEmpty ? course.w.root : course.w.root.appendingPathComponent(directory)
        let r = try runLessons(arguments, in: folder)
        #expect(r.status == 0 || r.status == 1 || r.status == 64, "ended by a signal? status \(r.status), \(r.stderr)",
                sourceLocation: sourceLocation)
        return r
    }

    /// Names under the workspace root that a build left behind besides the output and cache.
    private func leftovers(_ course: HostileCourse, in folder: String = "") -> [String] {
        let path = folder.isEmpty ? course.w.root.path : course.w.root.path + "/" + folder
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
            .filter { $0.contains(".new-") || $0.contains(".old-") || $0.hasPrefix(".lessons-probe") }
    }

    @Test(arguments: [
        ("o", "o"), ("é", "é"), ("中", "中"), ("./o", "o"), ("o/", "o"), ("o//", "o"), ("x/../o", "o"),
        ("a/o", "a/o"), ("a//b///o/", "a/b/o"), ("a/./b/../o", "a/o"), ("deep/er/still/o", "deep/er/still/o"),
        ("site with spaces", "site with spaces"), ("-", "-"), ("..o", "..o"), ("o.", "o."),
    ])
    func oneCharacterDottedAndMissingParentOutputsBuild(_ output: String, _ lands: String) throws {
        let course = try HostileCourse()
        let before = workspaceSnapshot(course.w.root, excluding: ["output", ".lessons-cache", String(lands.split(separator: "/")[0])])
        let r = try run(["build", "lessons", "--output", output], course)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: course.w.root.path + "/" + lands + "/intro/index.html"))
        #expect(FileManager.default.fileExists(atPath: course.w.root.path + "/" + lands + "/" + OutputWriter.markerName))
        #expect(workspaceSnapshot(course.w.root, excluding: ["output", ".lessons-cache", String(lands.split(separator: "/")[0])]) == before)
        #expect(leftovers(course).isEmpty)
        // And again: the second build replaces what the first wrote.
        #expect(try run(["build", "lessons", "--output", output, "--no-cache"], course).status == 0)
        #expect(leftovers(course).isEmpty)
    }

    @Test func anAbsoluteOutputBuildsThere() throws {
        let course = try HostileCourse()
        let target = course.w.root.path + "/abs//site/"
        let r = try run(["build", course.w.lessons, "--output", target], course)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: course.w.root.path + "/abs/site/intro/index.html"))
    }

    @Test func aVeryLongOutputNameIsAClearError() throws {
        let course = try HostileCourse()
        let name = String(repeating: "é", count: 200)  // 400 bytes: no file system takes it
        let r = try run(["build", "lessons", "--output", name], course)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("\(name): error: the output folder's name is longer than 255 bytes"), "\(r.stderr)")
        #expect(course.w.outputTree() == course.goodOutput)
    }

    @Test func aVeryLongOutputPathBuildsOrIsAClearError() throws {
        let course = try HostileCourse()
        let path = (0..<40).map { _ in String(repeating: "d", count: 100) }.joined(separator: "/")  // 4 KB
        let r = try run(["build", "lessons", "--output", path], course)
        #expect(r.status == 0 || r.stderr.contains(": error: "), "\(r.stderr)")
        #expect(course.w.outputTree() == course.goodOutput)
    }

    @Test(arguments: [".", "..", "./", "../..", "/", "//"])
    func theCurrentFolderOrAboveIsRefused(_ output: String) throws {
        let course = try HostileCourse()
        try FileManager.default.createDirectory(at: course.w.root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let before = workspaceSnapshot(course.w.root)
        let r = try run(["build", "../lessons", "--output", output], course, in: "empty")
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("\(output): error: the output folder "), "\(r.stderr)")
        #expect(workspaceSnapshot(course.w.root) == before)
    }

    @Test(arguments: [
        (["build", ""], "Error: the lessons folder must not be empty (got '')."),
        (["check", ""], "Error: the lessons folder must not be empty (got '')."),
        (["serve", ""], "Error: the lessons folder must not be empty (got '')."),
        (["clean", ""], "Error: the lessons folder must not be empty (got '')."),
        (["build", "--cache-dir", ""], "Error: --cache-dir must name a folder."),
        (["clean", "--cache-dir", ""], "Error: --cache-dir must name a folder."),
        (["serve", "--output", ""], "Error: --output must name a folder."),
        (["new", "T", "--lessons", ""], "Error: --lessons must name a folder."),
    ])
    func emptyPathsAreCommandLineErrors(_ arguments: [String], _ first: String) throws {
        let course = try HostileCourse()
        let r = try runHostileCLI(arguments, course: course)
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix(first + "\n"), "\(r.stderr)")
    }

    @Test(arguments: ["c", ".c", "c/d/e", "é", "./c/../c2", "c3/missing/../cache"])
    func oneCharacterAndNestedCacheFoldersWork(_ cache: String) throws {
        let course = try HostileCourse()
        let r = try run(["build", "lessons", "--cache-dir", cache, "--output", "o"], course)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: course.w.root.path + "/o/intro/index.html"))
        // The stamp of the clean build is in the cache, where the path really points.
        #expect(FileManager.default.fileExists(atPath: course.w.root.path + "/" + Paths.lexical(cache)))
        #expect(!FileManager.default.fileExists(atPath: course.w.root.path + "/c3/missing"))
    }

    @Test func aFileOrDanglingLinkWhereAFolderBelongsIsAClearError() throws {
        let course = try HostileCourse()
        try Data("x".utf8).write(to: course.w.root.appendingPathComponent("file"))
        try FileManager.default.createSymbolicLink(atPath: course.w.root.path + "/dangling", withDestinationPath: "nowhere")
        let cache = try runHostileCLI(["build", "--cache-dir", "file"], course: course)
        #expect(cache.status == 1)
        #expect(cache.stderr.hasPrefix("file: error: exists and is not a folder; expected a cache folder; choose another --cache-dir\n"), "\(cache.stderr)")
        let linked = try runHostileCLI(["build", "--cache-dir", "dangling"], course: course)
        #expect(linked.stderr.hasPrefix("dangling: error: is a symbolic link to nothing (or a loop); expected a cache folder; choose another --cache-dir\n"))
        let new = try runHostileCLI(["new", "T", "--lessons", "file"], course: course)
        #expect(new.status == 1)
        #expect(new.stderr == "lessons: error: file exists and is not a folder; expected a lessons folder\n")
        let newLinked = try runHostileCLI(["new", "T", "--lessons", "dangling"], course: course)
        #expect(newLinked.stderr == "lessons: error: dangling is a symbolic link to nothing (or a loop); expected a lessons folder\n")
    }

    /// `/` as the lessons folder: an error at once, not a search of the whole disk.
    @Test(arguments: [["check", "/"], ["build", "/", "--output", "o"], ["new", "T", "--lessons", "/"]])
    func theRootFolderAsLessonsFolderIsRefusedQuickly(_ arguments: [String]) throws {
        let course = try HostileCourse()
        let r = try run(arguments, course)
        #expect(r.status == 1)
        #expect(r.stderr.contains("holds more than 100000 files and folders; expected a folder of lessons (is this the right folder?)"),
                "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "/t.md"))
    }

    @Test func buildAndCheckWorkFromInsideTheLessonsFolder() throws {
        let course = try HostileCourse()
        try course.w.write("sub/b.md", "# B\n\n```graph\ny = sigmod(2)\n```\n")
        let check = try run(["check", "."], course, in: "lessons")
        #expect(check.status == 1)
        #expect(check.stderr == "sub/b.md:4:5: error: unknown function 'sigmod'; did you mean 'sigmoid'?\nlessons: 1 error, 0 warnings\n")
        try course.w.write("sub/b.md", "# B\n\nFine.\n")
        #expect(try run(["check", "."], course, in: "lessons").stderr == "lessons: 0 errors, 0 warnings\n")
        #expect(try run(["check", ".."], course, in: "lessons/sub").status == 0)
        let build = try run(["build", "."], course, in: "lessons")
        #expect(build.stderr == "lessons: built 2 lessons into ../output/ (0 warnings)\n")
        #expect(FileManager.default.fileExists(atPath: course.w.output + "/sub-b/index.html"))
        let deeper = try run(["build", "..", "--no-cache"], course, in: "lessons/sub")
        #expect(deeper.stderr == "lessons: built 2 lessons into ../../output/ (0 warnings)\n")
        #expect(!FileManager.default.fileExists(atPath: course.w.lessons + "/output"))
        #expect(!FileManager.default.fileExists(atPath: course.w.lessons + "/sub/output"))
    }

    @Test func anOutputLinkBuildsIntoItsTargetAndKeepsTheLink() throws {
        let course = try HostileCourse()
        let target = course.w.root.appendingPathComponent("real-site").path
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: course.w.root.path + "/site", withDestinationPath: "real-site")
        for _ in 0..<2 {
            let r = try run(["build", "lessons", "--output", "site", "--no-cache"], course)
            #expect(r.status == 0, "\(r.stderr)")
            #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: course.w.root.path + "/site")) == "real-site")
            #expect(FileManager.default.fileExists(atPath: target + "/intro/index.html"))
        }
        #expect(leftovers(course).isEmpty)
    }

    @Test(arguments: ["site", "site/", "./site//", "loop"])
    func aDanglingOrLoopingOutputLinkIsAClearError(_ output: String) throws {
        let course = try HostileCourse()
        try FileManager.default.createSymbolicLink(atPath: course.w.root.path + "/site", withDestinationPath: "nowhere")
        try FileManager.default.createSymbolicLink(atPath: course.w.root.path + "/loop", withDestinationPath: "loop")
        let r = try run(["build", "lessons", "--output", output], course)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("\(output): error: is a symbolic link to nothing (or a loop); point it at a folder or remove it\n"))
        #expect(!FileManager.default.fileExists(atPath: course.w.root.path + "/nowhere"))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: course.w.root.path + "/site")) == "nowhere")
    }

    @Test func anOutputPathThroughALinkedFolderBuildsInTheLinkTarget() throws {
        let course = try HostileCourse()
        try FileManager.default.createDirectory(atPath: course.w.root.path + "/elsewhere/deep", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: course.w.root.path + "/hop", withDestinationPath: "elsewhere/deep")
        // `hop/..` is `elsewhere` for the kernel, not the workspace root.
        let r = try run(["build", "lessons", "--output", "hop/../site"], course)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: course.w.root.path + "/elsewhere/site/intro/index.html"))
    }

    /// A build killed while writing leaves `.output.new-PID`; the next build removes it once
    /// that process is gone, and leaves alone folders of a live build or that are not ours.
    @Test func staleStagingFoldersOfDeadBuildsAreRemoved() throws {
        let course = try HostileCourse()
        let dead = try deadProcessID()
        let root = course.w.root.path
        func stage(_ name: String, marker: Bool) throws {
            try FileManager.default.createDirectory(atPath: root + "/" + name + "/intro", withIntermediateDirectories: true)
            try Data(repeating: 7, count: 1000).write(to: URL(fileURLWithPath: root + "/" + name + "/intro/index.html"))
            if marker { try Data().write(to: URL(fileURLWithPath: root + "/" + name + "/" + OutputWriter.markerName)) }
        }
        try stage(".output.new-\(dead)", marker: true)
        try stage(".output.old-\(dead)", marker: true)
        try stage(".output.new-\(getpid())", marker: true)  // the test runner: alive, so kept
        try stage(".output.new-\(dead)0", marker: false)  // not ours: no marker, so kept
        try FileManager.default.createDirectory(atPath: root + "/.output.new-1x", withIntermediateDirectories: true)
        let r = try run(["build", "lessons", "--no-cache"], course)
        #expect(r.status == 0, "\(r.stderr)")
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: root))
        #expect(!names.contains(".output.new-\(dead)"))
        #expect(!names.contains(".output.old-\(dead)"))
        #expect(names.contains(".output.new-\(getpid())"))
        #expect(names.contains(".output.new-\(dead)0"))
        #expect(names.contains(".output.new-1x"))
    }

    /// The staging folder of a running build is locked, so even a process with a reused or
    /// unknown pid cannot have it removed: a second writer sees the lock and keeps away.
    @Test func aLockedStagingFolderIsKept() throws {
        let course = try HostileCourse()
        let root = course.w.root.path
        let dead = try deadProcessID()
        let staging = root + "/.output.new-\(dead)"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        let lock = try #require(StagingFolders.lock(staging))
        defer { close(lock) }
        StagingFolders(parent: Paths.canonical(root), name: "output").removeStale()
        #expect(FileManager.default.fileExists(atPath: staging))
    }

    @Test func serveWithAOneCharacterOutputServes() throws {
        let course = try HostileCourse()
        let process = Process()
        process.executableURL = try lessonsBinary()
        process.arguments = ["serve", "lessons", "--output", "o", "--port", "0", "--jobs", "1"]
        process.currentDirectoryURL = course.w.root
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        // Waits on progress, not time: either the address line or the end of output (a crash).
        var printed = Data()
        while !printed.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed.append(chunk)
        }
        #expect(String(decoding: printed, as: UTF8.self).hasPrefix("lessons: serving o/ at http://127.0.0.1:"))
        #expect(FileManager.default.fileExists(atPath: course.w.root.path + "/o/intro/index.html"))
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
    }

    /// The pid of a process that has ended (so no process has it, barring quick reuse).
    private func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    private func lessonsBinary() throws -> URL {
        let binDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [binDir, binDir.deletingLastPathComponent()].map { $0.appendingPathComponent("lessons") }
        return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) })
    }
}
