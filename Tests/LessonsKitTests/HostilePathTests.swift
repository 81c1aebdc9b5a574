import Foundation
import Testing
@testable import LessonsKit

/// Paths that try to leave the lessons folder, links out of it, special files, slug clashes,
/// and output folders that must not be written: located errors, nothing written outside.
@Suite(.serialized) struct HostilePathTests {
    /// A file outside the lessons folder (next to it, in the workspace) for links to point at.
    private func secret(_ course: HostileCourse, _ name: String = "secret.png") throws -> String {
        let path = course.w.root.appendingPathComponent(name).path
        try Data("secret".utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [
        ("![x](../../etc/passwd)\n", "lessons/t.md:1:1: error: image path '../../etc/passwd' leaves the lessons folder; images must live inside it"),
        ("![x](/../secret.png)\n", "lessons/t.md:1:1: error: image path '/../secret.png' leaves the lessons folder; images must live inside it"),
        ("![x](%2e%2e/secret.png)\n", "lessons/t.md:1:1: error: image path '%2e%2e/secret.png' leaves the lessons folder; images must live inside it"),
        ("<img src=\"../secret.png\">\n", "lessons/t.md:1:1: error: image path '../secret.png' leaves the lessons folder; images must live inside it"),
    ])
    func imagePathTraversalIsAnError(_ text: String, _ message: String) throws {
        let course = try HostileCourse()
        _ = try secret(course)
        #expect(try course.build("t.md", text, succeeds: false) == [message])
    }

    @Test func imageLinkedOutsideIsAnError() throws {
        let course = try HostileCourse()
        let target = try secret(course)
        let messages = try course.build(succeeds: false) { w in
            try w.write("t.md", "![x](img/secret.png)\n")
            try FileManager.default.createSymbolicLink(atPath: w.lessons + "/img", withDestinationPath: URL(fileURLWithPath: target).deletingLastPathComponent().path)
        }
        #expect(messages == [
            "lessons/img: error: is a symbolic link to a folder outside the lessons folder; lessons must live inside it",
            "lessons/t.md:1:1: error: image 'img/secret.png' resolves (through a symbolic link) outside the lessons folder",
        ])
    }

    @Test func imageFileLinkedOutsideIsAnError() throws {
        let course = try HostileCourse()
        let target = try secret(course)
        let messages = try course.build(succeeds: false) { w in
            try w.write("t.md", "![x](a.png)\n")
            try FileManager.default.createSymbolicLink(atPath: w.lessons + "/a.png", withDestinationPath: target)
        }
        #expect(messages == ["lessons/t.md:1:1: error: image 'a.png' resolves (through a symbolic link) outside the lessons folder"])
    }

    @Test func dataFileLinkedOutsideIsAnError() throws {
        let course = try HostileCourse()
        let target = try secret(course, "points.csv")
        let messages = try course.build(succeeds: false) { w in
            try w.write("t.md", "```model m\ndata csv(\"p.csv\", x: [a], y: [b])\nparam w = 1\nloss = w * 2\ntrain sgd(lr: 0.1) epochs 1\n```\n")
            try FileManager.default.createSymbolicLink(atPath: w.lessons + "/p.csv", withDestinationPath: target)
        }
        #expect(messages == ["lessons/t.md:2:10: error: data file 'p.csv' resolves (through a symbolic link) outside the lessons folder"])
    }

    @Test func dataFileOverTheSizeLimitIsAnErrorInThatFile() throws {
        let course = try HostileCourse()
        let messages = try course.build(succeeds: false) { w in
            try w.write("t.md", "```model m\ndata csv(\"p.csv\", x: [a], y: [b])\nparam w = 1\nloss = w * 2\ntrain sgd(lr: 0.1) epochs 1\n```\n")
            try w.write("p.csv", "a,b\n")
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: w.lessons + "/p.csv"))
            try handle.truncate(atOffset: 20_000_000)
            try handle.close()
        }
        #expect(messages == [
            "lessons/p.csv:1:1: error: file is too large (20000000 bytes); the limit is 10485760 bytes (10 MiB) per file",
            "lessons/t.md:2:10: error: cannot use data file 'p.csv' (see the error above)",
        ])
    }

    /// The CSV file's error comes right before the block's "(see the error above)", even when
    /// it is on a later line of its own file than the block is of the lesson.
    @Test func dataFileErrorStaysAboveTheBlockError() throws {
        let course = try HostileCourse()
        let messages = try course.build(succeeds: false) { w in
            try w.write("t.md", "```model m\ndata csv(\"p.csv\", x: [a], y: [b])\nparam w = 1\nloss = w * 2\ntrain sgd(lr: 0.1) epochs 1\n```\n")
            try w.write("p.csv", "a,b\n1,2\n3,4\n5,6\n7,x\n")
        }
        #expect(messages == [
            "lessons/p.csv:5:3: error: 'x' in column 'b' is not a number",
            "lessons/t.md:2:10: error: cannot use data file 'p.csv' (see the error above)",
        ])
    }

    @Test func lessonLinkedOutsideIsAnError() throws {
        let course = try HostileCourse()
        let target = try secret(course, "outside.md")
        let messages = try course.build(succeeds: false) { w in
            try FileManager.default.createSymbolicLink(atPath: w.lessons + "/linked.md", withDestinationPath: target)
        }
        #expect(messages == ["lessons/linked.md: error: is a symbolic link to a file outside the lessons folder; lessons must live inside it"])
    }

    @Test func folderLinkedOutsideIsAnError() throws {
        let course = try HostileCourse()
        let messages = try course.build(succeeds: false) { w in
            let outside = w.root.appendingPathComponent("elsewhere")
            try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
            try Data("# Elsewhere\n".utf8).write(to: outside.appendingPathComponent("e.md"))
            try FileManager.default.createSymbolicLink(atPath: w.lessons + "/unit", withDestinationPath: outside.path)
        }
        #expect(messages == ["lessons/unit: error: is a symbolic link to a folder outside the lessons folder; lessons must live inside it"])
    }

    @Test func courseFileLinkedOutsideIsAnError() throws {
        let course = try HostileCourse()
        let target = try secret(course, "course.yml")
        let messages = try course.build(succeeds: false) { w in
            try FileManager.default.createSymbolicLink(atPath: w.lessons + "/course.yml", withDestinationPath: target)
        }
        #expect(messages == ["lessons/course.yml: error: is a symbolic link to a file outside the lessons folder; it must live inside it"])
    }

    @Test func linkLoopInsideIsSkipped() throws {
        let course = try HostileCourse()
        let messages = try course.build(succeeds: true) { w in
            try FileManager.default.createSymbolicLink(atPath: w.lessons + "/loop", withDestinationPath: ".")
            try FileManager.default.createSymbolicLink(atPath: w.lessons + "/alias.md", withDestinationPath: "intro.md")
        }
        #expect(messages == [])
        #expect(FileManager.default.fileExists(atPath: course.w.output + "/alias/index.html"))
    }

    @Test func danglingLinkIsAnError() throws {
        let course = try HostileCourse()
        let messages = try course.build(succeeds: false) { w in
            try FileManager.default.createSymbolicLink(atPath: w.lessons + "/gone.md", withDestinationPath: "nowhere.md")
        }
        #expect(messages == ["lessons/gone.md: error: is a symbolic link to nothing; expected a lesson file"])
    }

    @Test func fifoImageIsAWarningNotAHang() throws {
        let course = try HostileCourse()
        let messages = try course.build(succeeds: true) { w in
            try w.write("t.md", "![x](pipe.png)\n")
            #expect(mkfifo(w.lessons + "/pipe.png", 0o644) == 0)
        }
        #expect(messages == ["lessons/t.md:1:1: warning: image 'pipe.png' is not a regular file; showing its alt text instead"])
    }

    @Test(arguments: [
        ("2020-01-01-intro.md", "lessons/intro.md:1:1: error: lesson page 'intro' is also the page of lessons/2020-01-01-intro.md; rename one of the files"),
        ("INTRO.md", "lessons/intro.md:1:1: error: lesson page 'intro' is also the page of lessons/INTRO.md; rename one of the files"),
        ("assets.md", "lessons/assets.md:1:1: error: lesson page 'assets' would share the folder of the site's stylesheet and script; rename the file"),
        ("shared.md", "lessons/shared.md:1:1: error: lesson page 'shared' would share the folder of the traces that lessons share; rename the file"),
    ])
    func slugCollisionIsAnError(_ name: String, _ message: String) throws {
        #expect(try HostileCourse().build(name, "# Clash\n", succeeds: false) == [message])
    }

    @Test(arguments: [
        ("lessons", "lessons: error: the output folder is the lessons folder; choose another --output"),
        ("lessons/", "lessons/: error: the output folder is the lessons folder; choose another --output"),
        ("lessons/site", "lessons/site: error: the output folder is inside the lessons folder; choose one outside it"),
        (".", ".: error: the output folder contains the lessons folder; choose another --output"),
    ])
    func outputNearTheLessonsIsRefused(_ output: String, _ message: String) throws {
        let course = try HostileCourse()
        let before = workspaceSnapshot(course.w.root)
        let report = course.w.build(output: output)
        #expect(report.diagnostics.map(\.description) == [message])
        #expect(workspaceSnapshot(course.w.root) == before)
        #expect(course.w.outputTree() == course.goodOutput)
    }

    @Test func outputUnderAFileIsAnError() throws {
        let course = try HostileCourse()
        try Data("x".utf8).write(to: course.w.root.appendingPathComponent("file"))
        let before = workspaceSnapshot(course.w.root)
        let report = course.w.build(output: "file/site")
        #expect(report.diagnostics.map(\.description) == ["file/site: error: cannot create the output folder: file is not a folder"])
        #expect(workspaceSnapshot(course.w.root) == before)
    }

    /// A read-only location: a folder without write permission; as root (where permissions are
    /// not enforced) a read-only file system such as /sys, or the test is skipped with a note.
    @Test func unwritableOutputLocationIsAnError() throws {
        let course = try HostileCourse()
        let parent: String
        if getuid() != 0 {
            let locked = course.w.root.appendingPathComponent("locked")
            try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
            #expect(chmod(locked.path, 0o555) == 0)
            parent = "locked"
        } else if FileManager.default.fileExists(atPath: "/sys/kernel") {
            parent = "/sys"  // sysfs refuses new folders, even to root
        } else {
            print("skipped: running as root, and no /sys to try writing into")
            return
        }
        defer { _ = chmod(course.w.root.appendingPathComponent("locked").path, 0o755) }
        let before = workspaceSnapshot(course.w.root)
        let report = course.w.build(output: parent + "/site")
        #expect(report.diagnostics.count == 1)
        #expect(report.diagnostics.first?.description.hasPrefix("\(parent)/site: error: cannot create the output folder: \(parent) is not writable (") == true)
        #expect(workspaceSnapshot(course.w.root) == before)
        #expect(course.w.outputTree() == course.goodOutput)
    }

    /// A read-only output folder is refused by its mode bits, so this holds when the tests run
    /// as root (who could write it anyway).
    @Test func readOnlyOutputFolderIsRefused() throws {
        let course = try HostileCourse()
        #expect(chmod(course.w.output, 0o555) == 0)
        defer { _ = chmod(course.w.output, 0o755) }
        let before = workspaceSnapshot(course.w.root)
        let report = course.w.build()
        #expect(report.diagnostics.map(\.description) == [
            "output: error: the output folder is read-only; make it writable or choose another --output"])
        #expect(workspaceSnapshot(course.w.root) == before)
        #expect(course.w.outputTree() == course.goodOutput)
    }

    @Test func cacheInsideTheOutputIsRefused() throws {
        let course = try HostileCourse()
        let report = course.w.build(cacheDirectory: "output/cache")
        #expect(report.diagnostics.map(\.description) == [
            "output/cache: error: the cache folder is inside the output folder, which every build replaces; choose another --cache-dir"])
        #expect(course.w.outputTree() == course.goodOutput)
    }
}
