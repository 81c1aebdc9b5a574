import Foundation

/// The folders a build writes beside the output folder: `.NAME.new-PID` (the site being
/// written) and `.NAME.old-PID` (the previous site, between the two renames of the swap).
/// A build killed while writing leaves them behind; the next build into the same place removes
/// those whose build is certainly gone.
///
/// Certainty comes from a lock: a build holds `flock` on its `.new` folder from creating it
/// until the swap is done, and the kernel drops the lock when the process dies, however it dies.
/// An `.old` folder lives only between two renames; it is stale once its process is gone.
struct StagingFolders {
    /// The canonical folder that holds the output folder.
    let parent: String
    /// The output folder's own name.
    let name: String

    enum Kind: String { case new, old }

    /// The longest name most file systems take, in bytes.
    static let maxNameBytes = 255

    /// `.NAME.KIND-PID`, with NAME shortened when the whole would be too long for a file name.
    func entryName(_ kind: Kind, pid: Int32 = getpid()) -> String {
        let suffix = ".\(kind.rawValue)-\(pid)"
        var base = name
        while !base.isEmpty, 1 + base.utf8.count + suffix.utf8.count > Self.maxNameBytes { base.removeLast() }
        return "." + base + suffix
    }

    func path(_ kind: Kind, pid: Int32 = getpid()) -> String { Paths.join(parent, entryName(kind, pid: pid)) }

    /// Removes the staging folders of builds into this output folder that no longer run.
    /// Only folders that are ours are touched: real folders (not links) that are empty or hold
    /// the output marker; anything else with a similar name is left alone.
    func removeStale() {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries {
            guard let (kind, pid) = parse(entry) else { continue }
            let path = Paths.join(parent, entry)
            guard Self.isOurs(path) else { continue }
            let gone = pid == getpid() || !Self.isRunning(pid)
            switch kind {
            case .new: guard gone, Self.isUnlocked(path) else { continue }
            case .old: guard gone else { continue }
            }
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// The kind and process of a staging folder of this output folder, or nil for other names.
    func parse(_ entry: String) -> (Kind, Int32)? {
        let digits = entry.utf8.reversed().prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard let pid = Int32(String(decoding: digits.reversed(), as: UTF8.self)), pid > 0 else { return nil }
        for kind in [Kind.new, .old] where Paths.same(entryName(kind, pid: pid), entry) { return (kind, pid) }
        return nil
    }

    /// Takes the lock that marks `path` as being written; the returned descriptor holds it until closed.
    static func lock(_ path: String) -> Int32? {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { close(fd); return nil }
        return fd
    }

    private static func isUnlocked(_ path: String) -> Bool {
        guard let fd = lock(path) else { return false }
        close(fd)
        return true
    }

    /// Alive, or not ours to ask about (EPERM): only "no such process" counts as gone.
    private static func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }

    private static func isOurs(_ path: String) -> Bool {
        guard let info = Paths.linkStatus(path), info.st_mode & S_IFMT == S_IFDIR,
              let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return false }
        return names.isEmpty || names.contains(OutputWriter.markerName)
    }
}
