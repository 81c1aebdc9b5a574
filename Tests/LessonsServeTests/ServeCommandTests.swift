import Foundation
import Testing

/// The `lessons serve` executable: flags, what it prints, Ctrl-C, a busy port.
@Suite struct ServeCommandTests {
    @Test func portZeroPrintsTheAddressServesAndStopsOnCtrlC() async throws {
        let course = try Course()
        let serve = try LessonsProcess(["serve", "--port", "0", "--jobs", "1"], in: course.root)
        let port = try #require(try await serve.servedPort())
        #expect(serve.stdout == "lessons: serving output/ at http://127.0.0.1:\(port)/ (Ctrl-C to stop)\n")
        let page = try await RawHTTP.get("/a/", port: port)
        #expect(page.status == 200)
        #expect(page.text.contains("First version."))

        serve.interrupt()
        #expect(try await serve.exitStatus(within: 10) == 0)
        #expect(serve.stderr == "lessons: built 1 lesson into output/ (0 warnings)\nlessons: stopped\n")
        #expect(await RawHTTP.refuses(host: "127.0.0.1", port: port))
    }

    @Test func buildProblemsAreReportedExactlyAsLessonsBuildReportsThem() async throws {
        let broken = ["a.md": "---\ntitle: x\n", "b.md": "# B\n\n![](missing.png)\n"]
        let built = try Course(broken), served = try Course(broken)
        let build = try LessonsProcess(["build"], in: built.root)
        #expect(try await build.exitStatus() == 1)

        let serve = try LessonsProcess(["serve", "--port", "0"], in: served.root)
        _ = try #require(try await serve.servedPort())
        serve.interrupt()
        #expect(try await serve.exitStatus() == 0)
        #expect(serve.stderr == build.stderr + "lessons: stopped\n")
        #expect(build.stderr.contains("lessons/a.md:1:1: error:"))
    }

    @Test func aBusyPortExitsWithStatusOneAndSaysWhy() async throws {
        let course = try Course()
        let busy = try RawHTTP.listener()
        defer { close(busy.fd) }
        let serve = try LessonsProcess(["serve", "--port", String(busy.port)], in: course.root)
        #expect(try await serve.exitStatus(within: 10) == 1)
        #expect(serve.stderr == "lessons: error: cannot listen on 127.0.0.1:\(busy.port): the port is in use; "
                    + "stop the program using it or choose another --port (0 picks a free one)\n")
        #expect(!FileManager.default.fileExists(atPath: course.output))  // it did not build first
    }

    @Test func aPortOutOfRangeIsAUsageError() async throws {
        let serve = try LessonsProcess(["serve", "--port", "65536"], in: FileManager.default.temporaryDirectory.path)
        #expect(try await serve.exitStatus() == 64)
        #expect(serve.stderr.contains("--port must be between 0 and 65535 (got 65536)."))
    }

    @Test func helpListsTheFlags() async throws {
        let serve = try LessonsProcess(["serve", "--help"], in: FileManager.default.temporaryDirectory.path)
        #expect(try await serve.exitStatus() == 0)
        for flag in ["--output", "--port", "--jobs", "--cache-dir", "--no-cache"] { #expect(serve.stdout.contains(flag)) }
    }
}
