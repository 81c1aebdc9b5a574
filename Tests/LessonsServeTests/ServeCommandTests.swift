import Foundation
import Testing

/// The `lessons serve` executable: flags, what it prints, Ctrl-C, a busy port.
@Suite struct ServeCommandTests {
    @Test func portZeroPrintsTheAddressServesAndStopsOnCtrlC() throws {
        let course = try Course()
        let (serve, port) = try LessonsProcess.serve(course)
        #expect(serve.stdout == "lessons: serving output/ at http://127.0.0.1:\(port)/ (Ctrl-C to stop)\n")
        let page = try RawHTTP.get("/a/", port: port)
        #expect(page.status == 200)
        #expect(page.text.contains("First version."))

        serve.interrupt()
        #expect(serve.exitStatus() == 0)
        #expect(serve.stderr == "lessons: built 1 lesson into output/ (0 warnings)\nlessons: stopped\n")
        #expect(RawHTTP.refuses(host: "127.0.0.1", port: port))
    }

    @Test func buildProblemsAreReportedExactlyAsLessonsBuildReportsThem() throws {
        let broken = ["a.md": "---\ntitle: x\n", "b.md": "# B\n\n![](missing.png)\n"]
        let built = try Course(broken), served = try Course(broken)
        let build = try LessonsProcess(["build"], in: built.root)
        #expect(build.exitStatus() == 1)

        let (serve, _) = try LessonsProcess.serve(served)
        serve.interrupt()
        #expect(serve.exitStatus() == 0)
        #expect(serve.stderr == build.stderr + "lessons: stopped\n")
        #expect(build.stderr.contains("lessons/a.md:1:1: error:"))
    }

    @Test func aBusyPortExitsWithStatusOneAndSaysWhy() throws {
        let course = try Course()
        let busy = try RawHTTP.listener()
        defer { close(busy.fd) }
        let serve = try LessonsProcess(["serve", "--port", String(busy.port)], in: course.root)
        #expect(serve.exitStatus() == 1)
        #expect(serve.stderr == "lessons: error: cannot listen on 127.0.0.1:\(busy.port): the port is in use; "
                    + "stop the program using it or choose another --port (0 picks a free one)\n")
        #expect(!FileManager.default.fileExists(atPath: course.output))  // it did not build first
    }

    @Test func aPortOutOfRangeIsAUsageError() throws {
        let serve = try LessonsProcess(["serve", "--port", "65536"], in: FileManager.default.temporaryDirectory.path)
        #expect(serve.exitStatus() == 64)
        #expect(serve.stderr.contains("--port must be between 0 and 65535 (got 65536)."))
    }

    @Test func helpListsTheFlags() throws {
        let serve = try LessonsProcess(["serve", "--help"], in: FileManager.default.temporaryDirectory.path)
        #expect(serve.exitStatus() == 0)
        for flag in ["--output", "--port", "--host", "--jobs", "--cache-dir", "--no-cache"] { #expect(serve.stdout.contains(flag)) }
    }

    @Test func aHostThatIsNotANameIsAUsageError() throws {
        for bad in ["a b", "http://devbox", "devbox:99999", "devbox:", ""] {
            let serve = try LessonsProcess(["serve", "--host", bad], in: FileManager.default.temporaryDirectory.path)
            #expect(serve.exitStatus() == 64, "\(bad)")
            #expect(serve.stderr.contains("--host must be a host name, IPv4 address or [IPv6] address, optionally with :PORT (got '\(bad)')."),
                    "\(serve.stderr)")
        }
    }
}
