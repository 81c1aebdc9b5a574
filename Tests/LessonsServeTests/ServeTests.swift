import Foundation
import Testing

/// `lessons serve --port 0` as a user runs it, spoken to over real sockets on 127.0.0.1.
@Suite struct ServeTests {
    @Test func servesAPageAndThenItsRebuildAfterAnEdit() throws {
        let course = try Course()
        let (serve, port) = try LessonsProcess.serve(course)
        let first = try RawHTTP.get("/a/", port: port)
        #expect(first.status == 200)
        #expect(first.text.contains("First version."))

        try course.write("a.md", "# A\n\nSecond version.\n")
        #expect(try eventually() { try RawHTTP.get("/a/", port: port).text.contains("Second version.") })
        // The new page is served as soon as the output is swapped, a moment before the summary is printed.
        let rebuilt = "lessons: lessons/a.md changed; rebuilding\nlessons: built 1 lesson into output/ (0 warnings)\n"
        #expect(eventually { serve.stderr.contains(rebuilt) })
        serve.stop()
    }

    @Test func eventStreamAnnouncesTheNewBuildAfterAnEdit() throws {
        let course = try Course()
        let (serve, port) = try LessonsProcess.serve(course)
        let page = try RawHTTP.get("/a/", port: port).text
        let stream = try EventStream(port: port)
        let opening = try stream.read { $0.contains(/data: [0-9a-f]+-1\n/) }
        #expect(opening.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(opening.contains("Content-Type: text/event-stream\r\n"))
        let served = try #require(opening.firstMatch(of: /data: ([0-9a-f]+)-1\n/)?.1)
        #expect(page.contains("var served = \"\(served)-1\""))  // the page knows which build it shows

        try course.write("a.md", "# A\n\nSecond version.\n")
        let later = try stream.read { $0.contains("event: build\ndata: \(served)-2\n") }
        #expect(later.contains("data: \(served)-2"))
        serve.stop()
    }

    @Test func failedRebuildPrintsItsErrorsAndKeepsServingThePreviousPages() throws {
        let course = try Course()
        let (serve, port) = try LessonsProcess.serve(course)
        try course.write("a.md", "---\ntitle: x\n")
        #expect(eventually { serve.stderr.contains("lessons: 1 error, 0 warnings; output/ was left unchanged\n") })
        #expect(serve.stderr.contains("""
            lessons: lessons/a.md changed; rebuilding
            lessons/a.md:1:1: error: front matter opened with '---' is never closed; expected a '---' line after it

            """))
        #expect(try RawHTTP.get("/a/", port: port).text.contains("First version."))

        try course.write("a.md", "# A\n\nFixed.\n")
        #expect(try eventually { try RawHTTP.get("/a/", port: port).text.contains("Fixed.") })
        serve.stop()
    }

    @Test func traversalAttemptsGet404() throws {
        let course = try Course()
        try Data("<p>secret</p>".utf8).write(to: URL(fileURLWithPath: course.root + "/secret.html"))
        let (serve, port) = try LessonsProcess.serve(course)
        for path in ["/../secret.html", "/%2e%2e/secret.html", "/%2E%2E/secret.html", "/%252e%252e/secret.html",
                     "/a/../../secret.html", "/a/..%2f..%2fsecret.html", "/%2e%2e/", "/..", "/a/%2e%2e/%2e%2e/secret.html",
                     "/..%5csecret.html", "/a%5c..%5c..%5csecret.html", "/a/index.html%00.png", "//secret.html",
                     "/%2fsecret.html", "http://127.0.0.1/../secret.html", "/../Package.swift", "/../lessons/a.md"] {
            let response = try RawHTTP.get(path, port: port)
            #expect(response.status == 404, "\(path)")
            #expect(!response.text.contains("secret"), "\(path)")
        }
        serve.stop()
    }

    @Test func symlinksLeavingTheOutputFolderGet404() throws {
        let course = try Course()
        try Data("<p>secret</p>".utf8).write(to: URL(fileURLWithPath: course.root + "/secret.html"))
        let (serve, port) = try LessonsProcess.serve(course)
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: course.output + "/a/leak.html", withDestinationPath: course.root + "/secret.html")
        try fm.createSymbolicLink(atPath: course.output + "/up", withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: course.output + "/a/alias.html", withDestinationPath: "index.html")
        #expect(try RawHTTP.get("/a/leak.html", port: port).status == 404)
        #expect(try RawHTTP.get("/up/secret.html", port: port).status == 404)
        #expect(try RawHTTP.get("/up/", port: port).status == 404)
        #expect(try RawHTTP.get("/a/alias.html", port: port).status == 200)  // a link that stays inside is fine
        serve.stop()
    }

    @Test func headAnswersWithTheHeadersOfGetAndNoBody() throws {
        let course = try Course()
        let (serve, port) = try LessonsProcess.serve(course)
        let get = try RawHTTP.get("/a/", port: port)
        let head = try RawHTTP.get("/a/", port: port, method: "HEAD")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers["content-length"] == String(get.body.count))
        #expect(head.headers["content-type"] == "text/html; charset=utf-8")
        #expect(try RawHTTP.get("/missing.html", port: port, method: "HEAD").status == 404)
        serve.stop()
    }

    @Test func otherMethodsGet405() throws {
        let course = try Course()
        let (serve, port) = try LessonsProcess.serve(course)
        for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
            let response = try RawHTTP.get("/a/", port: port, method: method)
            #expect(response.status == 405, "\(method)")
            #expect(response.headers["allow"] == "GET, HEAD", "\(method)")
        }
        serve.stop()
    }

    @Test func aFolderWithoutItsSlashRedirectsAndWithItServesItsIndex() throws {
        let course = try Course()
        let (serve, port) = try LessonsProcess.serve(course)
        let response = try RawHTTP.get("/a", port: port)
        #expect(response.status == 301)
        #expect(response.headers["location"] == "/a/")
        #expect(try RawHTTP.get("/", port: port).text.contains("href=\"a/index.html\""))  // the course index
        serve.stop()
    }

    @Test func filesGetTheirContentTypeAndOtherKindsGet404() throws {
        let course = try Course()
        let (serve, port) = try LessonsProcess.serve(course)
        let expected = ["x.svg": "image/svg+xml", "x.png": "image/png", "x.json": "application/json", "x.json.gz": "application/gzip",
                        "x.py": "text/x-python; charset=utf-8", "x.csv": "text/csv; charset=utf-8",
                        "x.pdf": "application/pdf", "x.jpg": "image/jpeg", "x.gif": "image/gif",
                        "assets/lessons.css": "text/css; charset=utf-8",
                        "assets/lessons.js": "text/javascript; charset=utf-8", "a/index.html": "text/html; charset=utf-8"]
        for name in expected.keys where !name.contains("/") {
            try Data("x".utf8).write(to: URL(fileURLWithPath: course.output + "/" + name))
        }
        try Data("x".utf8).write(to: URL(fileURLWithPath: course.output + "/notes.txt"))
        for (name, type) in expected {
            let response = try RawHTTP.get("/" + name, port: port)
            #expect(response.status == 200, "\(name)")
            #expect(response.headers["content-type"] == type, "\(name)")
        }
        #expect(try RawHTTP.get("/notes.txt", port: port).status == 404)
        #expect(try RawHTTP.get("/.lessons-output", port: port).status == 404)
        serve.stop()
    }

    @Test func theReloadScriptIsAddedToServedHTMLOnly() throws {
        let course = try Course()
        let (serve, port) = try LessonsProcess.serve(course)
        let page = try RawHTTP.get("/a/", port: port).text
        #expect(page.contains("new EventSource(\"/__lessons/events\")"))
        #expect(page.hasSuffix("</script>\n</body>\n</html>\n"))
        let onDisk = try String(contentsOfFile: course.output + "/a/index.html", encoding: .utf8)
        #expect(!onDisk.contains("__lessons"))
        #expect(!(try RawHTTP.get("/assets/lessons.js", port: port).text.contains("__lessons")))
        serve.stop()
    }

    @Test func listensOn127001Only() throws {
        let course = try Course()
        let (serve, port) = try LessonsProcess.serve(course)
        #expect(try RawHTTP.get("/a/", port: port).status == 200)
        // 127.0.0.2 is this machine too; a server bound to 0.0.0.0 would answer there.
        #expect(RawHTTP.refuses(host: "127.0.0.2", port: port))
        serve.stop()
    }

    @Test func aBurstOfEditsRebuildsOnceItSettles() throws {
        let course = try Course()
        let (serve, port) = try LessonsProcess.serve(course)
        for i in 1...5 { try course.write("a.md", "# A\n\nEdit \(i).\n") }  // a burst, as a checkout writes
        #expect(try eventually { try RawHTTP.get("/a/", port: port).text.contains("Edit 5.") })
        usleep(1_000_000)  // three polls: a second rebuild would have started by now
        serve.stop()
        #expect(serve.stderr.components(separatedBy: "changed; rebuilding").count - 1 == 1)
    }
}
