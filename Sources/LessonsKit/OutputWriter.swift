import Foundation
import LessonModel

/// Writes a whole site next to the output folder, then swaps it in, so a failed or interrupted
/// build never leaves a half-written `output/`.
struct OutputWriter {
    /// A marker file that says "this folder is ours to replace".
    static let markerName = ".lessons-output"
    static let markerText = "This folder is written by `lessons build` and replaced on every build.\n"

    let outputDirectory: String

    /// Refuses output folders it must not replace: files, and folders that lessons did not write.
    func check(lessonsRoot: String) -> Diagnostic? {
        let fm = FileManager.default
        let target = Paths.canonical(outputDirectory)
        if target == lessonsRoot {
            return .fileError(outputDirectory, "the output folder is the lessons folder; choose another --output")
        }
        if Paths.isInside(lessonsRoot, target) {
            return .fileError(outputDirectory, "the output folder contains the lessons folder; choose another --output")
        }
        if Paths.isInside(target, lessonsRoot) {
            return .fileError(outputDirectory, "the output folder is inside the lessons folder; choose one outside it")
        }
        if let problem = checkParent() { return problem }
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: outputDirectory, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else {
            return .fileError(outputDirectory, "exists and is a file; expected an output folder")
        }
        // Mode bits, not access(2): root may write anywhere, but a folder made read-only was
        // made so on purpose, and replacing it would undo that.
        var info = stat()
        if stat(outputDirectory, &info) == 0, info.st_mode & S_IWUSR == 0 {
            return .fileError(outputDirectory, "the output folder is read-only; make it writable or choose another --output")
        }
        let contents = (try? fm.contentsOfDirectory(atPath: outputDirectory)) ?? []
        if !contents.isEmpty && !contents.contains(Self.markerName) {
            return .fileError(outputDirectory, "exists and was not written by lessons (no \(Self.markerName) file); refusing to replace it: remove it or choose another --output")
        }
        return nil
    }

    /// The site is staged beside the output folder: the nearest existing folder above it must be
    /// a folder we may write in. Checked up front, so the message names the real problem.
    private func checkParent() -> Diagnostic? {
        var parent = (outputDirectory as NSString).deletingLastPathComponent
        while !parent.isEmpty, parent != "/", !FileManager.default.fileExists(atPath: parent) {
            parent = (parent as NSString).deletingLastPathComponent
        }
        let shown = parent.isEmpty ? "." : parent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: shown, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .fileError(outputDirectory, "cannot create the output folder: \(shown) is not a folder")
        }
        // Tried, not asked: access(2) says yes to root even where the file system says no (/sys).
        let probe = Paths.join(shown, ".lessons-probe-\(getpid())")
        guard mkdir(probe, 0o755) == 0 else {
            return .fileError(outputDirectory, "cannot create the output folder: \(shown) is not writable (\(String(cString: strerror(errno))))")
        }
        rmdir(probe)
        return nil
    }

    /// Writes `files` (output-relative path -> bytes) and `copies`, then swaps the result into place.
    /// `beforeSwap` runs on the finished staging folder (the PDF handout is printed there), so
    /// its failure, too, leaves the previous output untouched.
    func write(files: [(String, [UInt8])], copies: [ImageResolver.Copy], beforeSwap: ((URL) -> Diagnostic?)? = nil) -> Diagnostic? {
        let fm = FileManager.default
        let url = URL(fileURLWithPath: outputDirectory).standardizedFileURL
        let parent = url.deletingLastPathComponent()
        let name = url.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).new-\(ProcessInfo.processInfo.processIdentifier)")
        let retired = parent.appendingPathComponent(".\(name).old-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data(Self.markerText.utf8).write(to: staging.appendingPathComponent(Self.markerName))
            var folders: Set<String> = []
            for (path, _) in files {
                let folder = staging.appendingPathComponent(path).deletingLastPathComponent()
                if folders.insert(folder.path).inserted {
                    try fm.createDirectory(at: folder, withIntermediateDirectories: true)
                }
            }
            // Two writers: much of a write is the kernel copying pages, which a second core halves.
            let failures = Parallel.map(Array(files.indices), jobs: 2) { i -> Error? in
                let file = staging.appendingPathComponent(files[i].0)
                if Self.reuse(url.appendingPathComponent(files[i].0).path, as: file.path, ifItHolds: files[i].1) { return nil }
                do { try Data(files[i].1).write(to: file) } catch { return error }
                return nil
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
            for copy in copies {
                let file = staging.appendingPathComponent(copy.destination)
                try fm.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                // Copied by the file system, not through memory: images may be large.
                try fm.copyItem(atPath: copy.source, toPath: file.path)
            }
        } catch {
            try? fm.removeItem(at: staging)
            return .fileError(outputDirectory, "cannot write the site: \(Self.reason(error))")
        }
        if let failure = beforeSwap?(staging) {
            try? fm.removeItem(at: staging)
            return failure
        }
        do {
            if fm.fileExists(atPath: url.path) {
                try? fm.removeItem(at: retired)
                try fm.moveItem(at: url, to: retired)
            }
            try fm.moveItem(at: staging, to: url)
            try? fm.removeItem(at: retired)
        } catch {
            if !fm.fileExists(atPath: url.path), fm.fileExists(atPath: retired.path) {
                try? fm.moveItem(at: retired, to: url)  // put the previous site back
            }
            try? fm.removeItem(at: staging)
            return .fileError(outputDirectory, "cannot replace the output folder: \(Self.reason(error))")
        }
        return nil
    }

    /// Links the previous build's file into the staging folder when it already holds `bytes`:
    /// reading a file back is much cheaper than writing it, so a rebuild after a small edit
    /// writes little more than what changed. The old folder is removed after the swap, so no
    /// file ends up shared between two sites.
    private static func reuse(_ previous: String, as staged: String, ifItHolds bytes: [UInt8]) -> Bool {
        var info = stat()
        guard lstat(previous, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == bytes.count,
              let old = FileManager.default.contents(atPath: previous),
              old.withUnsafeBytes({ a in bytes.withUnsafeBytes { b in
                  guard let x = a.baseAddress, let y = b.baseAddress else { return false }  // empty: just write it
                  return memcmp(x, y, b.count) == 0
              } })
        else { return false }
        return link(previous, staged) == 0
    }

    private static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }
}
