import Foundation
import Testing
@testable import LessonsKit

/// Runs the built `lessons` executable, which sits next to the test bundle.
func lessons(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws
    -> (status: Int32, stdout: String, stderr: String) {
    let binDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [binDir, binDir.deletingLastPathComponent()].map { $0.appendingPathComponent("lessons") }
    let executable = try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) })
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}

@Suite struct CLITests {
    @Test func buildSucceedsWithExitCodeZero() throws {
        let w = try Workspace()
        try w.write("a.md", "# A\n\nHello.\n")
        let r = try lessons(["build"], in: w.root)
        #expect(r.status == 0)
        #expect(r.stderr == "lessons: built 1 lesson into output/ (0 warnings)\n")
        #expect(FileManager.default.fileExists(atPath: w.output + "/a/index.html"))
    }

    @Test func theSummaryCountsBlocksAndSaysWhenNothingChanged() throws {
        let w = try Workspace()
        try w.write("a.md", "# A\n\n```graph g\nx = 2\ny = x * x\n```\n\n```graph h\nz = 3\n```\n")
        #expect(try lessons(["build"], in: w.root).stderr == "lessons: built 1 lesson into output/ (0 warnings; 2 blocks run)\n")
        #expect(try lessons(["build"], in: w.root).stderr
                == "lessons: output/ is up to date (1 lesson; nothing changed since the last build)\n")
        try w.write("a.md", "# A\n\nNew prose.\n\n```graph g\nx = 2\ny = x * x\n```\n\n```graph h\nz = 4\n```\n")
        #expect(try lessons(["build"], in: w.root).stderr == "lessons: built 1 lesson into output/ (0 warnings; 1 block run, 1 from the cache)\n")
        #expect(try lessons(["build", "--no-cache"], in: w.root).stderr == "lessons: built 1 lesson into output/ (0 warnings; 2 blocks run)\n")
    }

    @Test func errorsGoToStandardErrorWithExitCodeOne() throws {
        let w = try Workspace()
        try w.write("a.md", "---\ntitle: x\n")
        let r = try lessons(["build", "lessons", "--output", "site"], in: w.root)
        #expect(r.status == 1)
        #expect(r.stderr == """
            lessons/a.md:1:1: error: front matter opened with '---' is never closed; expected a '---' line after it
            lessons: 1 error, 0 warnings; site/ was left unchanged

            """)
        #expect(!FileManager.default.fileExists(atPath: w.root.appendingPathComponent("site").path))
    }

    @Test func helpExplainsTheLessonFormat() throws {
        let r = try lessons(["build", "--help"], in: FileManager.default.temporaryDirectory)
        #expect(r.status == 0)
        #expect(r.stdout.contains("title: XOR from scratch"))
        #expect(r.stdout.contains("--output"))
        #expect(r.stdout.contains("--jobs"))
        #expect(r.stdout.contains("--no-cache"))
        #expect(r.stdout.contains("README.md") || r.stdout.contains("README"))
    }

    @Test func versionIsPrinted() throws {
        let r = try lessons(["--version"], in: FileManager.default.temporaryDirectory)
        #expect(r.status == 0)
        #expect(r.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
    }

    @Test func jobsZeroIsRejected() throws {
        let r = try lessons(["build", "--jobs", "0"], in: FileManager.default.temporaryDirectory)
        #expect(r.status == 64)
        #expect(r.stderr.contains("--jobs must be at least 1 (got 0)."))
    }

    @Test func unknownFlagIsRejected() throws {
        let r = try lessons(["build", "--frobnicate"], in: FileManager.default.temporaryDirectory)
        #expect(r.status == 64)
        #expect(r.stderr.contains("Unknown option '--frobnicate'"))
    }

    @Test func jobsAndNoCacheAreAccepted() throws {
        let w = try Workspace()
        try w.write("a.md", "# A\n")
        #expect(try lessons(["build", "--jobs", "2", "--no-cache"], in: w.root).status == 0)
    }
}

@Test func progressBarLineShowsTheFraction() {
    #expect(ProgressBar.line(label: "xor", done: 15_000, total: 50_000, width: 10)
            == "training xor  [###.......]  30%  15000/50000 steps")
}

@Suite struct CheckAndNewTests {
    @Test func checkReportsStaticErrorsWithoutWritingOutput() throws {
        let w = try Workspace()
        try w.write("a.md", "# A\n\n```graph g\nA = [[1, 2], [3, 4]]\nv = [1, 2, 3]\nu = A @ v\n```\n\n{{ g.uu }}\n")
        let r = try lessons(["check"], in: w.root)
        #expect(r.status == 1)
        #expect(r.stderr == """
            lessons/a.md:6:7: error: cannot multiply 2x2 by vector of 3
            lessons/a.md:9:1: error: cannot quote 'g.uu': block 'g' has no node named 'uu'; did you mean 'u'?
            lessons: 2 errors, 0 warnings

            """)
        #expect(!FileManager.default.fileExists(atPath: w.output))
    }

    @Test func checkSpeaksJSONForEditors() throws {
        let w = try Workspace()
        try w.write("a.md", "---\norder: x\n---\n")
        let r = try lessons(["check", "--format", "json"], in: w.root)
        #expect(r.status == 1)
        #expect(r.stdout == "{\"errors\":1,\"warnings\":0,\"diagnostics\":[{\"file\":\"lessons/a.md\",\"line\":2,\"column\":8,"
                + "\"severity\":\"error\",\"message\":\"'order' must be a whole number, like 'order: 3'\"}]}\n")
    }

    @Test func checkPassesTheShippedCourse() throws {
        let r = try lessons(["check", shippedLessons], in: FileManager.default.temporaryDirectory)
        #expect(r.status == 0)
        #expect(r.stderr == "lessons: 0 errors, 0 warnings\n")
    }

    @Test func newScaffoldsALessonThatBuildsAndRefusesToOverwrite() throws {
        let w = try Workspace()
        try w.write("intro.md", "---\norder: 4\n---\n# Intro\n")
        let r = try lessons(["new", "Chain Rule"], in: w.root)
        #expect(r.status == 0)
        #expect(r.stderr == "lessons: created lessons/chain-rule.md\n")
        let text = try String(contentsOfFile: w.lessons + "/chain-rule.md", encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"Chain Rule\"\norder: 5\n"))
        #expect(try lessons(["build"], in: w.root).status == 0)
        let again = try lessons(["new", "Chain Rule"], in: w.root)
        #expect(again.status == 1)
        #expect(again.stderr == "lessons: error: lessons/chain-rule.md already exists; choose another name or edit that file\n")
    }
}

@Suite struct BaseURLTests {
    @Test func baseURLAddsCanonicalLinksAndASitemap() throws {
        let w = try Workspace()
        try w.write("a.md", "# A\n")
        #expect(try lessons(["build", "--base-url", "https://example.org/course"], in: w.root).status == 0)
        #expect(w.page("a").contains("<link rel=\"canonical\" href=\"https://example.org/course/a/\">"))
        let sitemap = String(decoding: w.outputTree()["sitemap.xml"] ?? Data(), as: UTF8.self)
        #expect(sitemap.contains("<url><loc>https://example.org/course/a/</loc></url>"))
    }

    @Test func aBaseURLMustBeAnAbsoluteWebAddress() throws {
        let r = try lessons(["build", "--base-url", "course/"], in: FileManager.default.temporaryDirectory)
        #expect(r.status == 64)
        #expect(r.stderr.contains("--base-url must be an absolute http(s) address such as https://example.org/course/ (got 'course/')."))
    }
}
