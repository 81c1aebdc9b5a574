import Foundation
import Testing
@testable import LessonsKit
@testable import Browser

/// `--pdf` prints the staged site only: nothing a lesson points at outside it — by element,
/// stylesheet, script, request or navigation — may reach `course.pdf` (issue 12, item 4).
@Suite(.enabled(if: chromium != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext"),
                "skipped: chromium or pdftotext is not installed (make test installs them)"))
struct HandoutConfinementTests {
    /// A course whose lesson holds `html`, next to secret files outside its lessons folder;
    /// returns the text of the PDF handout (and fails the test when the build fails).
    func handoutText(_ html: (String) -> String) throws -> String {
        let w = try Workspace()
        let secrets = w.root.appendingPathComponent("private").path
        try FileManager.default.createDirectory(atPath: secrets, withIntermediateDirectories: true)
        let files = [
            "secret.txt": "SECRET-TXT",
            "secret.html": "<p>SECRET-HTML</p>",
            "secret.css": "body::before { content: \"SECRET-CSS\"; }",
            "secret.js": "document.body.insertAdjacentText('beforeend', 'SECRET-JS');",
            "secret.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"40\"><text x=\"5\" y=\"30\">SECRET-SVG</text></svg>",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: secrets + "/" + name)) }
        try w.write("a.md", "# Visible lesson\n\nVisible prose.\n\n" + html(secrets) + "\n")
        let r = try lessons(["build", "--pdf"], in: w.root)
        #expect(r.status == 0, "\(r.stderr)")
        return try run("/usr/bin/pdftotext", [w.output + "/course.pdf", "-"])
    }

    @Test func filesOutsideTheSiteAreNotEmbeddedByAnyElementStylesheetOrScript() throws {
        let text = try handoutText { dir in
            """
            <iframe src="file://\(dir)/secret.txt"></iframe>
            <iframe src="file://localhost\(dir)/secret.html"></iframe>
            <object data="\(dir)/secret.txt"></object>
            <object data="../private/secret.html" type="text/html"></object>
            <embed src="\(dir)/secret.html" type="text/html">
            <img src="\(dir)/secret.svg" alt="">
            <link rel="stylesheet" href="\(dir)/secret.css">
            <style>@import url("file://\(dir)/secret.css");</style>
            <div style="background: url('\(dir)/secret.svg'); width: 300px; height: 40px"></div>
            <script src="\(dir)/secret.js"></script>
            <script>
            fetch("file://\(dir)/secret.txt").then(function (r) { return r.text(); })
              .then(function (t) { document.body.insertAdjacentText("beforeend", t); }, function () {});
            try { var x = new XMLHttpRequest(); x.open("GET", "file://\(dir)/secret.txt", false); x.send();
                  document.body.insertAdjacentText("beforeend", x.responseText); } catch (e) {}
            </script>
            <iframe src="\(dir)/%73ecret.html"></iframe>
            <iframe src="file://\(dir)/../private/./secret.html"></iframe>
            """
        }
        #expect(text.contains("Visible prose"), "the lesson itself is printed")
        for marker in ["SECRET-TXT", "SECRET-HTML", "SECRET-CSS", "SECRET-JS", "SECRET-SVG"] {
            #expect(!text.contains(marker), "\(marker) reached the PDF")
        }
    }

    @Test func navigationsAndBaseURLsCannotReachFilesOutsideTheSite() throws {
        let text = try handoutText { dir in
            """
            <base href="file://\(dir)/">
            <iframe src="secret.html"></iframe>
            <meta http-equiv="refresh" content="0; url=file://\(dir)/secret.html">
            <iframe srcdoc="<meta http-equiv='refresh' content='0; url=file://\(dir)/secret.txt'>"></iframe>
            <script>setTimeout(function () { location.href = "file://\(dir)/secret.html"; }, 0);</script>
            """
        }
        #expect(text.contains("Visible prose"), "the handout page itself is printed, not an error page")
        for marker in ["SECRET-TXT", "SECRET-HTML"] {
            #expect(!text.contains(marker), "\(marker) reached the PDF")
        }
    }

    @Test func aSymbolicLinkInTheSiteToAFileOutsideIsNotFollowed() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-confine-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/site", withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/secret.txt"))
        try Data("y".utf8).write(to: URL(fileURLWithPath: root + "/site/page.html"))
        try FileManager.default.createSymbolicLink(atPath: root + "/site/link.txt", withDestinationPath: root + "/secret.txt")
        let confinement = try #require(SiteConfinement(site: root + "/site"))
        #expect(confinement.allows("file://\(root)/site/page.html"))
        #expect(confinement.allows("file://\(root)/site/page.html?x=1#top"))
        #expect(confinement.allows("data:text/plain,hello"))
        #expect(!confinement.allows("file://\(root)/site/link.txt"))
        #expect(!confinement.allows("file://\(root)/secret.txt"))
        #expect(!confinement.allows("file://\(root)/site/../secret.txt"))
        #expect(!confinement.allows("file://\(root)/site/%2E%2E/secret.txt"))
        #expect(!confinement.allows("file://\(root)/site-other/page.html"))
        #expect(!confinement.allows("file://example.org\(root)/site/page.html"))
        #expect(!confinement.allows("http://127.0.0.1/"))
        #expect(!confinement.allows("https://example.org/x.css"))
        #expect(!confinement.allows("ftp://example.org/x"))
        #expect(!confinement.allows("filesystem:file:///etc/passwd"))
        #expect(!confinement.allows("no-scheme"))
    }
}
