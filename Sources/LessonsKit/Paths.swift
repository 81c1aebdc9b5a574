import Foundation

/// Path arithmetic on strings, kept in one place so diagnostics show paths as the user typed them.
enum Paths {
    /// `dir/name`, without doubling a trailing slash.
    static func join(_ dir: String, _ name: String) -> String {
        if dir.isEmpty || dir == "." { return name }
        return dir.hasSuffix("/") ? dir + name : dir + "/" + name
    }

    /// The absolute, symlink-resolved form of a path (for containment checks, never for display).
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// True when `path` (symbolic links followed) is a regular file: not a folder, FIFO or device.
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// True when `path` is `root` or lies inside it (both canonical).
    static func isInside(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// Normalises `a/./b/../c` to `a/c`; nil when `..` climbs above the start.
    static func normalise(_ relative: String) -> String? {
        var parts: [Substring] = []
        for part in relative.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                if parts.popLast() == nil { return nil }
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
