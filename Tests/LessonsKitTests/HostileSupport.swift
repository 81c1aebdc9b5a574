import Foundation
import Testing
@testable import LessonsKit

/// Every entry under `root` except the output folder and the cache, as path -> what it is
/// (a folder, a link and its target, or a file's bytes), without following links.
func workspaceSnapshot(_ root: URL, excluding excluded: Set<String> = ["output", ".lessons-cache"]) -> [String: String] {
    var result: [String: String] = [:]
    var pending = [""]
    let fm = FileManager.default
    while let relative = pending.popLast() {
        let folder = relative.isEmpty ? root.path : root.path + "/" + relative
        for name in (try? fm.contentsOfDirectory(atPath: folder)) ?? [] {
            let child = relative.isEmpty ? name : relative + "/" + name
            if relative.isEmpty && excluded.contains(name) { continue }
            let path = root.path + "/" + child
            let type = (try? fm.attributesOfItem(atPath: path)[.type] as? FileAttributeType) ?? nil
            switch type {
            case .typeDirectory?:
                result[child] = "folder"
                pending.append(child)
            case .typeSymbolicLink?:
                result[child] = "link to " + ((try? fm.destinationOfSymbolicLink(atPath: path)) ?? "?")
            case .typeRegular?:
                result[child] = fileFingerprint(path)
            default:
                result[child] = "special file"
            }
        }
    }
    return result
}

/// A file's size, modification time and inode, plus a hash of its bytes when it is small
/// enough to read: a hostile test may leave a sparse 3 GB file, which must not be read whole.
/// (The standard library's hasher, compiled optimised, so debug test runs stay fast; a
/// snapshot is only compared within one process.)
private func fileFingerprint(_ path: String) -> String {
    var info = stat()
    guard lstat(path, &info) == 0 else { return "unreadable file" }
    let stamp = "file of \(info.st_size) bytes, inode \(info.st_ino), modified \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    guard info.st_size <= 64 << 20, let data = FileManager.default.contents(atPath: path) else { return stamp }
    var hasher = Hasher()
    data.withUnsafeBytes { hasher.combine(bytes: $0) }
    return stamp + ", hash \(hasher.finalize())"
}

/// A workspace whose course built once (one good lesson), so a hostile build can be checked
/// against it: nothing outside `output/` and the cache may change, and a failed build must
/// leave `output/` as it was.
final class HostileCourse {
    let w: Workspace
    let goodOutput: [String: Data]

    init() throws {
        w = try Workspace()
        try w.write("intro.md", "# Intro\n\nHello.\n")
        let first = w.build()
        #expect(first.succeeded)
        goodOutput = w.outputTree()
    }

    /// Builds after `change` (which adds the hostile files) and checks the invariants; returns
    /// the diagnostics as `path:line:col: severity: message` strings.
    @discardableResult
    func build(succeeds: Bool, jobs: Int = 1, sourceLocation: SourceLocation = #_sourceLocation,
               _ change: (Workspace) throws -> Void) throws -> [String] {
        try change(w)
        let before = workspaceSnapshot(w.root)
        let report = w.build(jobs: jobs)
        #expect(report.succeeded == succeeds, "\(report.diagnostics)", sourceLocation: sourceLocation)
        #expect(workspaceSnapshot(w.root) == before, "a build writes only to the output folder and the cache",
                sourceLocation: sourceLocation)
        if !succeeds {
            #expect(w.outputTree() == goodOutput, "a failed build leaves the previous output untouched",
                    sourceLocation: sourceLocation)
        }
        return report.diagnostics.map(\.description)
    }

    /// The same, for one hostile lesson `name` with `bytes`.
    @discardableResult
    func build(_ name: String, _ bytes: [UInt8], succeeds: Bool, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        try build(succeeds: succeeds, sourceLocation: sourceLocation) { try $0.write(name, bytes: bytes) }
    }

    @discardableResult
    func build(_ name: String, _ text: String, succeeds: Bool, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        try build(name, Array(text.utf8), succeeds: succeeds, sourceLocation: sourceLocation)
    }
}

/// Runs the built `lessons` executable (next to the test bundle) in `directory`.
func runLessons(_ arguments: [String], in directory: URL) throws -> (status: Int32, stdout: String, stderr: String) {
    try lessons(arguments, in: directory)
}

/// Runs the CLI on a course that built once, checking that nothing outside the output folder
/// and the cache changed, and (when `unchangedOutput`) that the output is as the good build left it.
func runHostileCLI(_ arguments: [String], course: HostileCourse, unchangedOutput: Bool = true,
                   sourceLocation: SourceLocation = #_sourceLocation) throws -> (status: Int32, stdout: String, stderr: String) {
    let before = workspaceSnapshot(course.w.root)
    let result = try runLessons(arguments, in: course.w.root)
    #expect(workspaceSnapshot(course.w.root) == before, "the CLI writes only to the output folder and the cache",
            sourceLocation: sourceLocation)
    if unchangedOutput {
        #expect(course.w.outputTree() == course.goodOutput, sourceLocation: sourceLocation)
    }
    return result
}
