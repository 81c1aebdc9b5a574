import Foundation
import Testing
@testable import LessonsKit

/// Our own path arithmetic: the cases Foundation trapped on or got wrong.
@Suite struct PathsTests {
    @Test(arguments: [
        ("", "."), (".", "."), ("./", "."), ("o", "o"), ("o/", "o"), ("//", "/"), ("/", "/"), ("/..", "/"), ("/../x", "/x"),
        ("a//b", "a/b"), ("./x/../y", "y"), ("..", ".."), ("../..", "../.."), ("a/../..", ".."), ("x/../../y", "../y"),
        ("é/./中/", "é/中"), ("/a/b/../../..", "/"),
    ])
    func lexical(_ path: String, _ expected: String) {
        #expect(Paths.lexical(path) == expected)
    }

    @Test(arguments: [
        ("o", "."), ("a/o", "a"), ("/o", "/"), ("/", "/"), (".", ".."), ("", ".."), ("..", "../.."), ("../a", ".."),
        ("a/b/", "a"), ("//x//", "/"), ("é", "."),
    ])
    func parent(_ path: String, _ expected: String) {
        #expect(Paths.parent(path) == expected)
    }

    @Test(arguments: [("o", "o"), ("a/b/", "b"), ("/", "/"), ("", "."), (".", "."), ("..", ".."), ("x/..", ".")])
    func lastComponent(_ path: String, _ expected: String) {
        #expect(Paths.lastComponent(path) == expected)
    }

    @Test(arguments: [
        (".", "a.md", "a.md"), ("", "a.md", "a.md"), ("lessons", "", "lessons"), (".", "", "."), ("", "", "."),
        ("lessons/", "a.md", "lessons/a.md"), ("/", "x", "/x"), ("a", "/b", "a/b"),
    ])
    func join(_ dir: String, _ name: String, _ expected: String) {
        #expect(Paths.join(dir, name) == expected)
    }

    /// Byte for byte, as the file system sees names: `é` and `e` + U+0301 are two folders, and
    /// a `/` followed by a combining mark still separates names.
    @Test func unicodeIsComparedAsBytes() {
        #expect(!Paths.isInside("/x/e\u{301}/secret", "/x/\u{E9}"))
        #expect(!Paths.isInside("/x/\u{E9}", "/x/e\u{301}"))
        #expect(Paths.components("a/\u{301}b").map { Array($0.utf8) } == [Array("a".utf8), Array("\u{301}b".utf8)])
        #expect(Paths.isAbsolute("/\u{301}x"))
        #expect(Array(Paths.lexical("x/\u{301}/..").utf8) == Array("x".utf8))
        #expect(Array(Paths.parent("/a/\u{301}").utf8) == Array("/a".utf8))
    }

    @Test func canonicallyEquivalentNamesAreDifferentFolders() throws {
        let w = try Workspace()
        try FileManager.default.createDirectory(atPath: w.root.path + "/\u{E9}", withIntermediateDirectories: true)
        try Data("# Intro\n".utf8).write(to: URL(fileURLWithPath: w.root.path + "/\u{E9}/intro.md"))
        let report = w.build("\u{E9}", output: "e\u{301}")
        #expect(report.succeeded, "\(report.diagnostics)")
        let names = try FileManager.default.contentsOfDirectory(atPath: w.root.path).map { Array($0.utf8) }
        #expect(names.contains(Array("e\u{301}".utf8)))
        #expect(FileManager.default.fileExists(atPath: w.root.path + "/e\u{301}/intro/index.html"))
    }

    @Test func canonicalResolvesTheExistingPartAndKeepsTheRest() throws {
        let w = try Workspace()
        let root = Paths.canonical(w.root.path)
        try FileManager.default.createDirectory(atPath: root + "/real/deep", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: "real/deep")
        try FileManager.default.createSymbolicLink(atPath: root + "/loop", withDestinationPath: "loop")
        #expect(Paths.canonical(root + "/link") == root + "/real/deep")
        #expect(Paths.canonical(root + "/link/../x") == root + "/real/x")
        #expect(Paths.canonical(root + "/missing/../x") == root + "/x")
        // Back in an existing folder after a missing one, links are followed again (a fuzzing find:
        // `--output missing/../link/out` was written through the link but checked without it).
        #expect(Paths.canonical(root + "/missing/../link/out") == root + "/real/deep/out")
        #expect(Paths.canonical(root + "/missing/more/../../link") == root + "/real/deep")
        #expect(Paths.canonical(root + "//real/./deep/") == root + "/real/deep")
        #expect(Paths.canonical(root + "/loop/x") == root + "/loop/x")
        #expect(Paths.canonical("/") == "/")
        let long = root + "/" + (0..<50).map { _ in String(repeating: "n", count: 200) }.joined(separator: "/")
        #expect(Paths.canonical(long) == long)
    }

    /// A NUL ends a path for the C library, so `c\0x` would be used as `c` (a fuzzing find): the
    /// build refuses such a path and creates nothing.
    @Test(arguments: ["lessons", "output", "cache"])
    func aPathWithANULIsRefusedAndNothingIsCreated(_ which: String) throws {
        let w = try Workspace()
        try w.write("a.md", "# A\n")
        let root = w.root.path
        let bad = root + "/c\u{0}x"
        let options = BuildOptions(lessonsDirectory: which == "lessons" ? bad : w.lessons,
                                   outputDirectory: which == "output" ? bad : w.output,
                                   cacheDirectory: which == "cache" ? bad : root + "/cache")
        let report = Builder.build(options)
        #expect(report.errorCount == 1)
        #expect(report.diagnostics.first?.message.contains("contains a NUL character") == true)
        #expect(!FileManager.default.fileExists(atPath: root + "/c"))
        #expect(!FileManager.default.fileExists(atPath: w.output))
    }
}
