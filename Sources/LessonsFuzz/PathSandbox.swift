import Foundation
import LessonModel
import LessonsKit

/// One subcommand with one fuzzed path in one place, run through the calls the CLI makes
/// (`Sources/lessons`: the same defaults, the same `Builder`, `Scaffold` and `removeCache`).
struct PathCommand {
    let place: String
    let path: String

    private var lessons: String { place.hasSuffix("<lessons>") || place == "new --lessons" ? path : "lessons" }
    private var cache: String? { place.hasSuffix("--cache-dir") ? path : nil }

    /// The output folder a build writes, if this command builds.
    var outputFolder: String? {
        guard place.hasPrefix("build") || place.hasPrefix("serve") else { return nil }
        return place.hasSuffix("--output") ? path : BuildOptions.defaultOutputDirectory(lessonsDirectory: lessons)
    }

    private var options: BuildOptions {
        BuildOptions(lessonsDirectory: lessons, outputDirectory: outputFolder ?? "output", jobs: 1, useCache: true, cacheDirectory: cache)
    }

    /// Where the command may create, change or remove files.
    func writablePlaces() -> [String] {
        let cacheFolder = cache ?? Builder.defaultCacheDirectory(options)
        switch place {
        case _ where place.hasPrefix("new"): return [lessons]
        // The sandbox holds no cache: `clean` must remove nothing at all.
        case _ where place.hasPrefix("clean"): return []
        case _ where place.hasPrefix("check"): return []
        default: return [outputFolder ?? "output", cacheFolder]
        }
    }

    struct Result {
        var diagnostics: [Diagnostic] = []
        var wroteSite = false
    }

    func run() -> Result {
        var result = Result()
        switch place {
        case _ where place.hasPrefix("new"):
            _ = try? Scaffold.create(title: place == "new <title>" ? path : "Fuzzed", in: lessons)
        case _ where place.hasPrefix("clean"):
            // Only a cache `build` made here: removing anything else must be refused.
            _ = try? Builder.removeCache(cache ?? Builder.defaultCacheDirectory(options))
        case _ where place.hasPrefix("check"):
            var options = self.options
            options.checkOnly = true
            options.useCache = false
            result.diagnostics = Builder.build(options).diagnostics
        default:
            let report = Builder.build(options)
            result.diagnostics = report.diagnostics
            result.wroteSite = report.succeeded && !report.upToDate
        }
        return result
    }
}

/// A fresh folder tree for one input: the working directory four levels down (so two `..`
/// stay inside), a course, a file, links (to a folder, to nothing, to itself) and a read-only folder.
struct Sandbox {
    static let maxParts = 40
    let root: String
    var work: String { root + "/d1/d2/d3/work" }

    init?() {
        let base = Paths.canonical(NSTemporaryDirectory())
        root = Paths.join(base, "lessons-fuzz-paths-\(getpid())")
        try? FileManager.default.removeItem(atPath: root)
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: root + "/d1/d2/d3/work/lessons", withIntermediateDirectories: true)
            try fm.createDirectory(atPath: root + "/d1/d2/sibling/inner", withIntermediateDirectories: true)
            try fm.createDirectory(atPath: root + "/d1/d2/d3/work/ro", withIntermediateDirectories: true)
            _ = fm.createFile(atPath: work + "/lessons/intro.md", contents: Data("# Intro\n\nHello.\n".utf8))
            _ = fm.createFile(atPath: work + "/file", contents: Data("not a folder\n".utf8))
            try fm.createSymbolicLink(atPath: work + "/link-dir", withDestinationPath: "../../sibling/inner")
            try fm.createSymbolicLink(atPath: work + "/dangling", withDestinationPath: "nowhere")
            try fm.createSymbolicLink(atPath: work + "/loop", withDestinationPath: "loop")
            chmod(work + "/ro", 0o555)
        } catch {
            return nil
        }
    }

    /// The path made safe to run: an absolute path is moved under `root/d1/d2`, and `..` past
    /// the second becomes a plain name, so no path reaches outside the sandbox. At most
    /// `maxParts` names: a path of hundreds of folders tests nothing new, but making and
    /// removing them is slow (255-byte names still make paths longer than PATH_MAX).
    func confine(_ path: String) -> String {
        var climbs = 0
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).prefix(Self.maxParts).map { part -> Substring in
            guard part == ".." else { return part }
            climbs += 1
            return climbs > 2 ? "x" : part
        }
        let relative = parts.joined(separator: "/")
        return Paths.isAbsolute(path) ? root + "/d1/d2" + relative : relative
    }

    /// Every entry below `root` without following links: folder, link target, or file contents.
    func snapshot() -> [String: String] {
        var result: [String: String] = [:]
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root : root + "/" + relative
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                let child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(root + "/" + child, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    result[child] = "folder \(info.st_mode & 0o777)"
                    pending.append(child)
                case S_IFLNK:
                    result[child] = "link to " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: root + "/" + child)) ?? "?")
                default:
                    let data = FileManager.default.contents(atPath: root + "/" + child) ?? Data()
                    result[child] = "file \(data.count) \(data.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 })"
                }
            }
        }
        return result
    }

    func remove() {
        chmod(work + "/ro", 0o755)
        try? FileManager.default.removeItem(atPath: root)
    }
}
