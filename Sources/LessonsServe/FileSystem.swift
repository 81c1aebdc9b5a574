import Foundation

/// The few POSIX calls path checks need: `realpath` resolves every symlink, so containment is
/// decided on the file that would really be read, not on the name that was asked for.
enum FileSystem {
    /// The absolute path with every symlink, `.` and `..` resolved; nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    enum Kind { case file, directory, other }

    /// What is at `path` (following symlinks); nil when nothing is.
    static func kind(_ path: String) -> Kind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// True when `path` is `root` or lies inside it; both must be real paths.
    static func isInside(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root == "/" ? root : root + "/")
    }
}
