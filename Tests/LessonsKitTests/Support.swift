import Foundation
import LessonModel
import Testing
@testable import LessonsKit

/// A temporary course folder with `lessons/` and `output/`, removed when the test ends.
final class Workspace {
    let root: URL
    var lessons: String { root.appendingPathComponent("lessons").path }
    var output: String { root.appendingPathComponent("output").path }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: root.appendingPathComponent("lessons").path,
                                                withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, bytes: Array(text.utf8))
    }

    func write(_ relative: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: lessons).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// Builds with paths relative to the workspace, as a user in that folder would type them,
    /// and reports what such a user would read. Without `directory` the build gets the paths made
    /// absolute, and its diagnostics are written back relative to the workspace: no
    /// working-directory change, so builds run side by side (the suite's hostile builds used to
    /// queue for the one process-wide working directory). With `directory`, the build runs there
    /// (one at a time), for tests of how relative paths resolve.
    func build(_ lessonsArgument: String = "lessons", output: String = "output", jobs: Int = 1,
               useCache: Bool = true, cacheDirectory: String? = nil, in directory: URL? = nil) -> BuildReport {
        guard let directory else {
            let absolute = { (path: String) in path.hasPrefix("/") ? path : self.root.path + "/" + path }
            var report = Builder.build(BuildOptions(lessonsDirectory: absolute(lessonsArgument), outputDirectory: absolute(output),
                                                    jobs: jobs, useCache: useCache, cacheDirectory: cacheDirectory.map(absolute)))
            let prefix = root.path + "/"
            report.diagnostics = report.diagnostics.map { d in
                var d = d
                if d.path.hasPrefix(prefix) { d.path.removeFirst(prefix.count) }
                d.message = d.message.replacingOccurrences(of: prefix, with: "")
                return d
            }
            return report
        }
        let options = BuildOptions(lessonsDirectory: lessonsArgument, outputDirectory: output, jobs: jobs,
                                   useCache: useCache, cacheDirectory: cacheDirectory)
        workspaceLock.lock()
        defer { workspaceLock.unlock() }
        let previous = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(directory.path)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        return Builder.build(options)
    }

    /// Writes `text` as the lesson `name` and builds with absolute paths (beside other builds),
    /// expecting the build to succeed.
    func buildLesson(_ name: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try write(name, text)
        let report = build(lessons, output: output)
        #expect(report.succeeded, "\(report.diagnostics)", sourceLocation: sourceLocation)
    }

    /// Every file under `output/`, relative path -> bytes.
    func outputTree() -> [String: Data] {
        Workspace.tree(at: output)
    }

    static func tree(at path: String) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let e = FileManager.default.enumerator(atPath: path) else { return result }
        while let relative = e.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = path + "/" + relative
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[relative] = FileManager.default.contents(atPath: full)
            }
        }
        return result
    }

    func page(_ slug: String) -> String {
        String(decoding: FileManager.default.contents(atPath: output + "/\(slug)/index.html") ?? Data(), as: UTF8.self)
    }
}

/// Builds with relative paths change the working directory, which is process-wide: one at a time.
let workspaceLock = NSLock()
