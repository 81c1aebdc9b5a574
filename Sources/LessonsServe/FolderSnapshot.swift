import Foundation

/// What every file under the lessons folder looked like at one moment: comparing two snapshots
/// tells whether anything was added, removed or changed. Polling is simple and works on every
/// file system (network shares and container mounts included, where change notifications do not).
struct FolderSnapshot: Equatable {
    /// Size, modification time (ns) and inode: an editor that saves by renaming changes the inode.
    struct Stamp: Equatable {
        var size: Int64
        var modified: Int64
        var inode: UInt64
    }

    private(set) var files: [String: Stamp] = [:]

    /// Walks `root` without following symlinked folders (no loops). Names starting with `.` are
    /// skipped: editors write swap and backup files there on every keystroke, and lessons ignores
    /// them too. `excluded` folders (real paths: the cache, the output) are skipped, so a build's
    /// own writes never trigger the next build.
    static func take(_ root: String, excluding excluded: Set<String>) -> FolderSnapshot {
        var snapshot = FolderSnapshot()
        var pending = [root]
        while let folder = pending.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names where !name.hasPrefix(".") {
                let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }  // removed while we looked
                if info.st_mode & S_IFMT == S_IFDIR {
                    if let real = FileSystem.realPath(path), excluded.contains(real) { continue }
                    pending.append(path)
                    continue
                }
                if info.st_mode & S_IFMT == S_IFLNK { _ = stat(path, &info) }  // a linked file: watch its target
                snapshot.files[path] = Stamp(size: Int64(info.st_size),
                                             modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                                             inode: UInt64(info.st_ino))
            }
        }
        return snapshot
    }

    /// The paths that differ between two snapshots (added, removed or changed), sorted.
    func changes(since earlier: FolderSnapshot) -> [String] {
        let paths = Set(files.keys).union(earlier.files.keys)
        return paths.filter { files[$0] != earlier.files[$0] }.sorted()
    }
}
