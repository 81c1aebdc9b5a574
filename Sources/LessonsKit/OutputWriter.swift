import Foundation
import LessonModel

/// Writes a whole site next to the output folder, then swaps it in, so a failed or interrupted
/// build never leaves a half-written `output/`.
///
/// The folder written is the output path with its symbolic links resolved: an output folder that
/// is a link to a folder is built into the link's target (the target is replaced, the link kept).
struct OutputWriter {
    /// A marker file that says "this folder is ours to replace".
    static let markerName = ".lessons-output"
    static let markerText = "This folder is written by `lessons build` and replaced on every build.\n"

    /// As the user typed it (diagnostics name it so).
    let outputDirectory: String

    /// The absolute folder the site goes to.
    var target: String { Paths.canonical(outputDirectory) }

    /// Refuses output folders it must not replace: files, and folders that lessons did not write.
    func check(lessonsRoot: String) -> Diagnostic? {
        let fm = FileManager.default
        // `site/` names the link `site` too: without its trailing slash, lstat sees the link itself.
        let typed = Paths.lexical(outputDirectory)
        if let link = Paths.linkStatus(typed), link.st_mode & S_IFMT == S_IFLNK, Paths.realPath(typed) == nil {
            return .fileError(outputDirectory, "is a symbolic link to nothing (or a loop); point it at a folder or remove it")
        }
        let target = self.target
        if Paths.same(target, lessonsRoot) {
            return .fileError(outputDirectory, "the output folder is the lessons folder; choose another --output")
        }
        if Paths.isInside(lessonsRoot, target) {
            return .fileError(outputDirectory, "the output folder contains the lessons folder; choose another --output")
        }
        if Paths.isInside(target, lessonsRoot) {
            return .fileError(outputDirectory, "the output folder is inside the lessons folder; choose one outside it")
        }
        // Every build replaces the output folder as a whole: replacing the folder we run in
        // would leave the shell in a deleted folder.
        if let cwd = Paths.currentDirectory.map(Paths.canonical), Paths.isInside(cwd, target) {
            return .fileError(outputDirectory, "the output folder is (or contains) the current folder, which every build would replace; choose another --output")
        }
        if let problem = checkParent(of: target) { return problem }
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: target, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else {
            return .fileError(outputDirectory, "exists and is a file; expected an output folder")
        }
        // Mode bits, not access(2): root may write anywhere, but a folder made read-only was
        // made so on purpose, and replacing it would undo that.
        var info = stat()
        if stat(target, &info) == 0, info.st_mode & S_IWUSR == 0 {
            return .fileError(outputDirectory, "the output folder is read-only; make it writable or choose another --output")
        }
        guard let contents = try? fm.contentsOfDirectory(atPath: target) else {
            return .fileError(outputDirectory, "cannot read the output folder (\(String(cString: strerror(errno))))")
        }
        if !contents.isEmpty && !contents.contains(Self.markerName) {
            return .fileError(outputDirectory, "exists and was not written by lessons (no \(Self.markerName) file); refusing to replace it: remove it or choose another --output")
        }
        return nil
    }

    /// Nil when `path` is a folder (links followed) or nothing yet; else why it cannot be used as one.
    static func checkFolderOrMissing(_ path: String, what: String) -> Diagnostic? {
        guard let info = Paths.linkStatus(path) else { return nil }
        if info.st_mode & S_IFMT == S_IFLNK, Paths.realPath(path) == nil {
            return .fileError(path, "is a symbolic link to nothing (or a loop); expected a \(what)")
        }
        return FileSystemItem.isDirectory(path) ? nil : .fileError(path, "exists and is not a folder; expected a \(what)")
    }

    /// The site is staged beside the output folder: the nearest existing folder above it must be
    /// a folder we may write in. Checked up front, so the message names the real problem.
    private func checkParent(of target: String) -> Diagnostic? {
        var parent = Paths.parent(target)
        while parent != "/", Paths.linkStatus(parent) == nil { parent = Paths.parent(parent) }
        let shown = Paths.shown(parent)
        guard FileSystemItem.isDirectory(parent) else {
            return .fileError(outputDirectory, "cannot create the output folder: \(shown) is not a folder")
        }
        // Tried, not asked: access(2) says yes to root even where the file system says no (/sys).
        let probe = Paths.join(parent, ".lessons-probe-\(getpid())")
        guard mkdir(probe, 0o755) == 0 else {
            return .fileError(outputDirectory, "cannot create the output folder: \(shown) is not writable (\(String(cString: strerror(errno))))")
        }
        rmdir(probe)
        let name = Paths.lastComponent(target)
        if StagingFolders(parent: Paths.parent(target), name: name).entryName(.new).utf8.count > StagingFolders.maxNameBytes
            || name.utf8.count > StagingFolders.maxNameBytes {
            return .fileError(outputDirectory, "the output folder's name is longer than \(StagingFolders.maxNameBytes) bytes; choose a shorter one")
        }
        return nil
    }

    /// Writes `files` (output-relative path -> bytes) and `copies`, then swaps the result into place.
    /// `beforeSwap` runs on the finished staging folder (the PDF handout is printed there), so
    /// its failure, too, leaves the previous output untouched.
    func write(files: [(String, [UInt8])], copies: [ImageResolver.Copy], beforeSwap: ((URL) -> Diagnostic?)? = nil) -> Diagnostic? {
        let fm = FileManager.default
        let target = self.target
        let folders = StagingFolders(parent: Paths.parent(target), name: Paths.lastComponent(target))
        folders.removeStale()
        let staging = folders.path(.new)
        let retired = folders.path(.old)
        try? fm.removeItem(atPath: staging)
        var lock: Int32?
        defer { if let lock { close(lock) } }
        do {
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
            lock = StagingFolders.lock(staging)
            try FileSystemItem.write(Array(Self.markerText.utf8), to: Paths.join(staging, Self.markerName))
            var made: Set<String> = []
            for (path, _) in files {
                let folder = Paths.parent(Paths.join(staging, path))
                if made.insert(folder).inserted {
                    try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
            }
            // Two writers: much of a write is the kernel copying pages, which a second core halves.
            let failures = Parallel.map(Array(files.indices), jobs: 2) { i -> Error? in
                let file = Paths.join(staging, files[i].0)
                if Self.reuse(Paths.join(target, files[i].0), as: file, ifItHolds: files[i].1) { return nil }
                do { try FileSystemItem.write(files[i].1, to: file) } catch { return error }
                return nil
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
            for copy in copies {
                let file = Paths.join(staging, copy.destination)
                try fm.createDirectory(atPath: Paths.parent(file), withIntermediateDirectories: true)
                // Copied by the file system, not through memory: images may be large.
                try fm.copyItem(atPath: copy.source, toPath: file)
            }
        } catch {
            try? fm.removeItem(atPath: staging)
            return .fileError(outputDirectory, "cannot write the site: \(Self.reason(error))")
        }
        if let failure = beforeSwap?(URL(fileURLWithPath: staging, isDirectory: true)) {
            try? fm.removeItem(atPath: staging)
            return failure
        }
        do {
            if Paths.linkStatus(target) != nil {
                try? fm.removeItem(atPath: retired)
                try FileSystemItem.rename(target, to: retired)
            }
            try FileSystemItem.rename(staging, to: target)
            try? fm.removeItem(atPath: retired)
        } catch {
            if Paths.linkStatus(target) == nil, Paths.linkStatus(retired) != nil {
                try? FileSystemItem.rename(retired, to: target)  // put the previous site back
            }
            try? fm.removeItem(atPath: staging)
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
        if let error = error as? FileSystemItem.Failure { return error.description }
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }
}
