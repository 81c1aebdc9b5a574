import Foundation
import Testing
@testable import LessonsServe

/// Request paths to files, without a server: decoding, refusals and symlinks.
@Suite struct SitePathTests {
    @Test func segmentsAreDecodedExactlyOnce() {
        #expect(SitePath.segments(rawPath: "/a/b.html") == ["a", "b.html"])
        #expect(SitePath.segments(rawPath: "/caf%C3%A9/x%20y.png") == ["café", "x y.png"])
        #expect(SitePath.segments(rawPath: "/%252e%252e/") == ["%2e%2e"])  // a harmless name after one decoding
        #expect(SitePath.segments(rawPath: "/a/") == ["a"])
        #expect(SitePath.segments(rawPath: "/") == [])
    }

    @Test(arguments: ["/..", "/../x", "/a/../../x", "/%2e%2e/x", "/%2E%2e", "/a/%2e%2e%2fx", "/.", "/a/./b",
                      "/a\\b", "/a%5cb", "/a%00", "/a%0d%0aSet-Cookie:x", "//etc/passwd", "/%2fetc", "/a//b",
                      "x", "", "http://host/a", "/%zz", "/%ff"])
    func unsafePathsAreRefused(raw: String) {
        #expect(SitePath.segments(rawPath: raw) == nil, "\(raw)")
    }

    @Test func lookupFindsFilesIndexesAndRedirectsFolders() throws {
        let site = try Site()
        #expect(SitePath.lookup(rawPath: "/", outputDirectory: site.output) == .file(path: site.real + "/index.html",
                                                                                        contentType: "text/html; charset=utf-8"))
        #expect(SitePath.lookup(rawPath: "/a/", outputDirectory: site.output) == .file(path: site.real + "/a/index.html",
                                                                                          contentType: "text/html; charset=utf-8"))
        #expect(SitePath.lookup(rawPath: "/a", outputDirectory: site.output) == .redirect(location: "/a/"))
        #expect(SitePath.lookup(rawPath: "/a/f.svg", outputDirectory: site.output) == .file(path: site.real + "/a/f.svg",
                                                                                               contentType: "image/svg+xml"))
        #expect(SitePath.lookup(rawPath: "/missing/", outputDirectory: site.output) == .notFound)
        #expect(SitePath.lookup(rawPath: "/empty/", outputDirectory: site.output) == .notFound)  // no index.html
        #expect(SitePath.lookup(rawPath: "/a/notes.txt", outputDirectory: site.output) == .notFound)
    }

    @Test func symlinksAreJudgedByWhereTheyLead() throws {
        let site = try Site()
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: site.output + "/out.html", withDestinationPath: site.root + "/secret.html")
        try fm.createSymbolicLink(atPath: site.output + "/parent", withDestinationPath: site.root)
        try fm.createSymbolicLink(atPath: site.output + "/a/loop", withDestinationPath: "loop")
        try fm.createSymbolicLink(atPath: site.output + "/a/same.svg", withDestinationPath: "f.svg")
        try fm.createSymbolicLink(atPath: site.output + "/a/svg.html", withDestinationPath: "notes.txt")
        #expect(SitePath.lookup(rawPath: "/out.html", outputDirectory: site.output) == .notFound)
        #expect(SitePath.lookup(rawPath: "/parent/secret.html", outputDirectory: site.output) == .notFound)
        #expect(SitePath.lookup(rawPath: "/parent/", outputDirectory: site.output) == .notFound)
        #expect(SitePath.lookup(rawPath: "/a/loop", outputDirectory: site.output) == .notFound)
        #expect(SitePath.lookup(rawPath: "/a/same.svg", outputDirectory: site.output) == .file(path: site.real + "/a/f.svg",
                                                                                                  contentType: "image/svg+xml"))
        #expect(SitePath.lookup(rawPath: "/a/svg.html", outputDirectory: site.output) == .notFound)  // the real file's type counts
    }

    @Test func aFolderLessonsDidNotWriteIsNotServed() throws {
        let site = try Site()
        try FileManager.default.removeItem(atPath: site.output + "/.lessons-output")
        #expect(SitePath.lookup(rawPath: "/index.html", outputDirectory: site.output) == .notFound)
    }

    /// `root/output` with an index, `a/index.html`, `a/f.svg`, `a/notes.txt`, an empty folder, and
    /// `root/secret.html` outside it.
    final class Site {
        let root: String
        var output: String { root + "/output" }
        /// The output folder's real path (the temporary folder may itself be behind a symlink).
        var real: String { FileSystem.realPath(output) ?? output }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("sitepath-\(UUID().uuidString)").path
            for folder in ["/output/a", "/output/empty"] {
                try FileManager.default.createDirectory(atPath: root + folder, withIntermediateDirectories: true)
            }
            for file in ["/output/.lessons-output", "/output/index.html", "/output/a/index.html", "/output/a/f.svg",
                         "/output/a/notes.txt", "/secret.html"] {
                try Data("x".utf8).write(to: URL(fileURLWithPath: root + file))
            }
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }
    }
}
