import Foundation
import Testing
@testable import LessonsKit

/// The cache folder as hostile ground: `clean` and pruning remove only what the cache wrote,
/// and a forged entry (the folder may be a shared CI cache) is recomputed, never published.
@Suite(.serialized) struct HostileCacheTests {
    private static let graph = "```graph g\na = 2\nb = a * 3\n```\n"

    private func course() throws -> Workspace {
        let w = try Workspace()
        try w.write("a.md", "# A\n\nProse.\n\n" + Self.graph)
        #expect(w.build().succeeded)
        return w
    }

    private func cache(_ w: Workspace) -> String { w.root.appendingPathComponent(".lessons-cache").path }

    private func file(_ w: Workspace, _ relative: String, _ text: String) throws {
        let url = w.root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Everything under the workspace, the cache folder and the output included.
    private func everything(_ w: Workspace) -> [String: String] { workspaceSnapshot(w.root, excluding: []) }

    @Test(arguments: ["thesis.docx", "lessons", "output", ".", "/", "link-to-lessons", "link-to-thesis", "junk",
                      "with-user-file", "lessons/a.md", "lessons/"])
    func cleanRefusesAnythingButTheCacheItMade(_ target: String) throws {
        let w = try course()
        try file(w, "thesis.docx", "my thesis")
        try FileManager.default.createSymbolicLink(atPath: w.root.path + "/link-to-lessons", withDestinationPath: "lessons")
        try FileManager.default.createSymbolicLink(atPath: w.root.path + "/link-to-thesis", withDestinationPath: "thesis.docx")
        try file(w, "junk/x.entry/notes.txt", "kept")
        try file(w, "junk/notes.entry", "kept")
        try FileManager.default.copyItem(atPath: cache(w), toPath: w.root.path + "/with-user-file")
        try file(w, "with-user-file/notes.txt", "kept")
        let before = everything(w)
        let r = try lessons(["clean", "--cache-dir", target], in: w.root)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.hasPrefix(target + ": error: ") && r.stderr.hasSuffix("; nothing was removed\n"), "\(r.stderr)")
        #expect(everything(w) == before)
    }

    @Test func cleanRemovesTheCacheItMadeAndNothingElse() throws {
        let w = try course()
        try file(w, "beside.txt", "kept")
        #expect(FileManager.default.fileExists(atPath: cache(w) + "/" + CacheFolder.markerName))
        let r = try lessons(["clean"], in: w.root)
        #expect(r.status == 0)
        #expect(r.stderr.hasPrefix("lessons: removed \(cache(w)) ("), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cache(w)))
        #expect(FileManager.default.fileExists(atPath: w.root.path + "/beside.txt"))
        #expect(FileManager.default.fileExists(atPath: w.lessons + "/a.md"))
        let again = try lessons(["clean"], in: w.root)
        #expect(again.status == 0 && again.stderr == "lessons: no cache at \(cache(w)); nothing to remove\n")
    }

    @Test(arguments: ["lessons", ".", "thesis.docx", "folder-of-papers"])
    func aBuildRefusesACacheFolderOfOtherFiles(_ target: String) throws {
        let w = try course()
        try file(w, "thesis.docx", "my thesis")
        try file(w, "folder-of-papers/paper.pdf", "kept")
        let before = everything(w)
        let r = try lessons(["build", "--cache-dir", target, "--output", "elsewhere"], in: w.root)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix(target + ": error: "), "\(r.stderr)")
        #expect(r.stderr.contains("choose another --cache-dir"), "\(r.stderr)")
        #expect(everything(w) == before)
    }

    @Test func pruningRemovesOnlyExactlyNamedEntries() throws {
        let w = try course()
        let key = String(repeating: "ab", count: 32)
        try file(w, ".lessons-cache/notes.entry", "kept")
        try file(w, ".lessons-cache/\(key).entry/inside.txt", "kept")
        try file(w, ".lessons-cache/x.entry.stamp", "kept")
        try file(w, ".lessons-cache/" + String(repeating: "cd", count: 32) + ".entry", "a stale entry: pruned")
        try w.write("a.md", "# A\n\nOther prose.\n\n" + Self.graph.replacingOccurrences(of: "a = 2", with: "a = 4"))
        #expect(w.build().succeeded)
        let names = try FileManager.default.contentsOfDirectory(atPath: cache(w))
        #expect(names.contains("notes.entry") && names.contains("\(key).entry") && names.contains("x.entry.stamp"))
        #expect(FileManager.default.fileExists(atPath: cache(w) + "/\(key).entry/inside.txt"))
        #expect(!names.contains(String(repeating: "cd", count: 32) + ".entry"))
    }

    /// Ways to forge the one entry of the course's graph block.
    static let forgeries: [(String, @Sendable (inout CachedBlock) -> Void)] = [
        ("escaping name", { $0.files.append((name: "../../ESCAPED-BY-CACHE.txt", bytes: Array("pwned".utf8))) }),
        ("renamed figure", { $0.files[0].name = "../../ESCAPED-BY-CACHE.txt" }),
        ("absolute name", { $0.files.append((name: "/tmp/ESCAPED-BY-CACHE.txt", bytes: [])) }),
        ("dotted name", { $0.files.append((name: "figures/../../ESCAPED-BY-CACHE.txt", bytes: [])) }),
        ("control character", { $0.files.append((name: "figures/g\u{1}.svg", bytes: [])) }),
        ("another page's name", { $0.files.append((name: "index.html", bytes: Array("<script>alert(1)</script>".utf8))) }),
        ("duplicate name", { $0.files.append($0.files[0]) }),
        ("script in a figure", { $0.files[0].bytes = Array("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".utf8) }),
        ("event handler in a figure", { $0.files[0].bytes = Array("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".utf8) }),
        ("outside link in a figure", { $0.files[0].bytes = Array("<svg xmlns=\"http://www.w3.org/2000/svg\"><use xlink:href=\"https://evil.example/x.svg#a\"/></svg>".utf8) }),
        ("CSS fetch in a figure", { $0.files[0].bytes = Array("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect style=\"fill:u\\72l(https://evil.example/)\"/></svg>".utf8) }),
        ("style that fetches in a figure", { $0.files[0].bytes = Array("<svg xmlns=\"http://www.w3.org/2000/svg\"><style>.a{--c0:url(https://evil.example/)}</style></svg>".utf8) }),
        ("import in a figure's style", { $0.files[0].bytes = Array("<svg xmlns=\"http://www.w3.org/2000/svg\"><style>@import \"x.css\";</style></svg>".utf8) }),
        ("script link in the widget", { $0.graph?.svg = "javascript:alert(1)" }),
        ("outside link in the widget", { $0.graph?.trace = "https://evil.example/x.json" }),
        ("huge width (a trap when drawn)", { $0.graph?.width = 1e300 }),
        ("other widget id", { $0.graph?.id = "graph-other" }),
        ("a model's widget", { $0.graph = nil }),
        ("trace out of bounds", { $0.trace?.steps[0].values = [] }),
    ]

    @Test(arguments: forgeries.indices)
    func aForgedEntryIsRecomputedNotPublished(_ index: Int) throws {
        let w = try course()
        let reference = w.outputTree()
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache(w)).filter { $0.hasSuffix(".entry") }
        try #require(entries.count == 1)
        let path = cache(w) + "/" + entries[0]
        var block = try #require(BlockCache.decode([UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))))
        Self.forgeries[index].1(&block)
        // A whole entry with a valid SHA-256: whoever can write the cache can compute one.
        try Data(try #require(BlockCache.encode(block))).write(to: URL(fileURLWithPath: path))
        try FileManager.default.removeItem(atPath: w.output)
        let report = w.build()
        #expect(report.succeeded && report.blocksRun == 1, "\(Self.forgeries[index].0): \(report.diagnostics)")
        #expect(w.outputTree() == reference, "\(Self.forgeries[index].0)")
        #expect(!FileManager.default.fileExists(atPath: w.root.deletingLastPathComponent().path + "/ESCAPED-BY-CACHE.txt"))
        #expect(!FileManager.default.fileExists(atPath: w.root.path + "/ESCAPED-BY-CACHE.txt"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/ESCAPED-BY-CACHE.txt"))
    }

    @Test func anEntryThatIsALinkOrAFIFOIsRecomputedWithoutHanging() throws {
        let w = try course()
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache(w)).filter { $0.hasSuffix(".entry") }
        try #require(entries.count == 1)
        let path = cache(w) + "/" + entries[0]
        try FileManager.default.removeItem(atPath: path)
        #expect(mkfifo(path, 0o644) == 0)
        try FileManager.default.removeItem(atPath: w.output)
        #expect(w.build().blocksRun == 1)
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/zero")
        try FileManager.default.removeItem(atPath: w.output)
        #expect(w.build().blocksRun == 1)
    }

    @Test func everyFigureTheToolDrawsPassesTheFigureCheck() throws {
        let w = try Workspace()
        try w.write("m.md", "# M\n\n```model moons\ndata moons(n: 60, noise: 0.1)\nlayers 2 -> 4 tanh -> 1\n"
                    + "loss = bce_logits(out, y)\ntrain sgd(lr: 0.5) epochs 50 seed 0\n```\n\n" + Self.graph)
        let first = w.build()
        try #require(first.succeeded, "\(first.diagnostics)")
        for (name, bytes) in w.outputTree() where name.hasSuffix(".svg") {
            #expect(SVGSafety.isSafe([UInt8](bytes)), "\(name)")
        }
        try FileManager.default.removeItem(atPath: w.output)
        let warm = w.build()
        #expect(warm.blocksRun == 0 && warm.blocksCached == 2, "\(warm.diagnostics)")
    }
}
