import Foundation
import Testing
@testable import LessonsServe

/// The server in-process on a free port of 127.0.0.1, spoken to over real sockets.
@Suite struct LiveServerTests {
    @Test func servesAPageAndThenItsRebuildAfterAnEdit() async throws {
        let course = try Course()
        try await withServer(course) { port async throws in
            let first = try await RawHTTP.get("/a/", port: port)
            #expect(first.status == 200)
            #expect(first.text.contains("First version."))
            try course.write("a.md", "# A\n\nSecond version.\n")
            let rebuilt = try await eventually(within: 10) {
                try await RawHTTP.get("/a/", port: port).text.contains("Second version.")
            }
            #expect(rebuilt)
        }
    }

    @Test func eventStreamAnnouncesTheNewBuildAfterAnEdit() async throws {
        let course = try Course()
        try await withServer(course) { port async throws in
            let page = try await RawHTTP.get("/a/", port: port).text
            let stream = try await EventStream(port: port)
            let opening = try await stream.read { $0.contains(/data: [0-9a-f]+-1\n/) }
            #expect(opening.contains("HTTP/1.1 200 OK"))
            #expect(opening.lowercased().contains("content-type: text/event-stream"))
            let served = try #require(opening.firstMatch(of: /data: ([0-9a-f]+)-1\n/)?.1)
            #expect(page.contains("var served = \"\(served)-1\""))  // the page knows which build it shows

            try course.write("a.md", "# A\n\nSecond version.\n")
            let later = try await stream.read { $0.contains("event: build\ndata: \(served)-2\n") }
            #expect(later.contains("data: \(served)-2"))
        }
    }

    @Test func failedRebuildKeepsServingThePreviousPages() async throws {
        let course = try Course()
        let transcript = Transcript()
        try await withServer(course, transcript: transcript) { port async throws in
            try course.write("a.md", "---\ntitle: x\n")
            #expect(try await eventually { transcript.text.contains("1 error, 0 warnings; \(course.output)/ was left unchanged") })
            #expect(transcript.text.contains("a.md:1:1: error: front matter opened with '---' is never closed"))
            #expect(try await RawHTTP.get("/a/", port: port).text.contains("First version."))

            try course.write("a.md", "# A\n\nFixed.\n")
            #expect(try await eventually { try await RawHTTP.get("/a/", port: port).text.contains("Fixed.") })
        }
    }

    @Test(arguments: ["/../secret.html", "/%2e%2e/secret.html", "/%2E%2E/secret.html", "/%252e%252e/secret.html",
                      "/a/../../secret.html", "/a/..%2f..%2fsecret.html", "/%2e%2e/", "/..", "/a/%2e%2e/%2e%2e/secret.html",
                      "/..%5csecret.html", "/a%5c..%5c..%5csecret.html", "/a/index.html%00.png", "//secret.html",
                      "/%2fsecret.html", "http://127.0.0.1/../secret.html", "/../Package.swift"])
    func traversalAttemptsGet404(path: String) async throws {
        let course = try Course()
        try Data("<p>secret</p>".utf8).write(to: URL(fileURLWithPath: course.root + "/secret.html"))
        try await withServer(course) { port async throws in
            let response = try await RawHTTP.get(path, port: port)
            #expect(response.status == 404, "\(path)")
            #expect(!response.text.contains("secret"))
        }
    }

    @Test func symlinksLeavingTheOutputFolderGet404() async throws {
        let course = try Course()
        try Data("<p>secret</p>".utf8).write(to: URL(fileURLWithPath: course.root + "/secret.html"))
        try await withServer(course) { port async throws in
            let fm = FileManager.default
            try fm.createSymbolicLink(atPath: course.output + "/a/leak.html", withDestinationPath: course.root + "/secret.html")
            try fm.createSymbolicLink(atPath: course.output + "/up", withDestinationPath: "..")
            try fm.createSymbolicLink(atPath: course.output + "/a/alias.html", withDestinationPath: "index.html")
            #expect(try await RawHTTP.get("/a/leak.html", port: port).status == 404)
            #expect(try await RawHTTP.get("/up/secret.html", port: port).status == 404)
            #expect(try await RawHTTP.get("/up/", port: port).status == 404)
            #expect(try await RawHTTP.get("/a/alias.html", port: port).status == 200)  // inside: fine
        }
    }

    @Test func headAnswersWithTheHeadersOfGetAndNoBody() async throws {
        let course = try Course()
        try await withServer(course) { port async throws in
            let get = try await RawHTTP.get("/a/", port: port)
            let head = try await RawHTTP.get("/a/", port: port, method: "HEAD")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.headers["content-length"] == String(get.body.count))
            #expect(head.headers["content-type"] == "text/html; charset=utf-8")
            #expect(try await RawHTTP.get("/missing.html", port: port, method: "HEAD").status == 404)
        }
    }

    @Test(arguments: ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"])
    func otherMethodsGet405(method: String) async throws {
        let course = try Course()
        try await withServer(course) { port async throws in
            let response = try await RawHTTP.get("/a/", port: port, method: method)
            #expect(response.status == 405)
            #expect(response.headers["allow"] == "GET, HEAD")
        }
    }

    @Test func aFolderWithoutItsSlashRedirects() async throws {
        let course = try Course()
        try await withServer(course) { port async throws in
            let response = try await RawHTTP.get("/a", port: port)
            #expect(response.status == 301)
            #expect(response.headers["location"] == "/a/")
            #expect(try await RawHTTP.get("/", port: port).text.contains("<a"))  // the course index
        }
    }

    @Test func filesGetTheirContentTypeAndOtherKindsGet404() async throws {
        let course = try Course()
        try await withServer(course) { port async throws in
            let expected = ["x.svg": "image/svg+xml", "x.png": "image/png", "x.json": "application/json",
                            "x.py": "text/x-python; charset=utf-8", "x.csv": "text/csv; charset=utf-8",
                            "x.pdf": "application/pdf", "x.jpg": "image/jpeg", "x.gif": "image/gif",
                            "assets/lessons.css": "text/css; charset=utf-8",
                            "assets/lessons.js": "text/javascript; charset=utf-8", "a/index.html": "text/html; charset=utf-8"]
            for name in expected.keys where !name.contains("/") {
                try Data("x".utf8).write(to: URL(fileURLWithPath: course.output + "/" + name))
            }
            try Data("x".utf8).write(to: URL(fileURLWithPath: course.output + "/notes.txt"))
            for (name, type) in expected {
                let response = try await RawHTTP.get("/" + name, port: port)
                #expect(response.status == 200, "\(name)")
                #expect(response.headers["content-type"] == type, "\(name)")
            }
            #expect(try await RawHTTP.get("/notes.txt", port: port).status == 404)
            #expect(try await RawHTTP.get("/.lessons-output", port: port).status == 404)
        }
    }

    @Test func theReloadScriptIsAddedToServedHTMLOnly() async throws {
        let course = try Course()
        try await withServer(course) { port async throws in
            let page = try await RawHTTP.get("/a/", port: port).text
            #expect(page.contains("new EventSource(\"/__lessons/events\")"))
            #expect(page.hasSuffix("</script>\n</body>\n</html>\n"))
            let onDisk = try String(contentsOfFile: course.output + "/a/index.html", encoding: .utf8)
            #expect(!onDisk.contains("__lessons"))
            #expect(!(try await RawHTTP.get("/assets/lessons.js", port: port).text.contains("__lessons")))
        }
    }

    @Test func listensOnLoopbackAddress127001Only() async throws {
        let course = try Course()
        try await withServer(course) { port async throws in
            #expect(try await RawHTTP.get("/a/", port: port).status == 200)
            // 127.0.0.2 is this machine too; a server bound to 0.0.0.0 would answer there.
            #expect(await RawHTTP.refuses(host: "127.0.0.2", port: port))
        }
    }

    @Test func aBusyPortIsAClearError() async throws {
        let course = try Course()
        try await withServer(course) { port async throws in
            let second = LiveServer(options: ServeOptions(build: course.buildOptions(), port: port), console: Transcript().console)
            do {
                _ = try await second.start()
                Issue.record("a second server started on a busy port")
            } catch let error as ServeError {
                #expect(error.description == "cannot listen on 127.0.0.1:\(port): the port is in use; stop the program using it or choose another --port (0 picks a free one)")
            }
        }
    }

    @Test func aBurstOfEditsRebuildsOnceItSettles() async throws {
        let course = try Course()
        let transcript = Transcript()
        try await withServer(course, transcript: transcript) { port async throws in
            for i in 1...5 { try course.write("a.md", "# A\n\nEdit \(i).\n") }  // a burst, as a checkout writes
            #expect(try await eventually { try await RawHTTP.get("/a/", port: port).text.contains("Edit 5.") })
            try await Task.sleep(for: .milliseconds(300))  // any further rebuild would have started by now
            let rebuilds = transcript.text.components(separatedBy: "changed; rebuilding").count - 1
            #expect(rebuilds == 1)
        }
    }
}
