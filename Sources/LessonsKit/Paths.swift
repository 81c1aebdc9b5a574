import Foundation

/// Path arithmetic on strings, kept in one place so diagnostics show paths as the user typed them.
///
/// Everything here is our own: Foundation's path-string functions (`NSString`'s
/// `deletingLastPathComponent`, `URL.standardized`, `resolvingSymlinksInPath`, ...) have trapped
/// on one-character paths and treat `..`, `//` and missing folders inconsistently, so none of
/// them may see a path the user typed. Paths are split on the byte `/` only, and compared byte
/// for byte, as the kernel does: Swift's `Character` comparisons would join `/` with a combining
/// mark after it, and treat `é` and `e` + U+0301 as one name where the file system sees two.
public enum Paths {
    private static let slash = UInt8(ascii: "/")

    /// `dir/name`, without doubling a slash; `.` or an empty `dir` adds nothing, nor does an empty `name`.
    public static func join(_ dir: String, _ name: String) -> String {
        if name.isEmpty { return dir.isEmpty ? "." : dir }
        if dir.isEmpty || same(dir, ".") { return name }
        if isAbsolute(name) { return join(dir, String(decoding: name.utf8.drop { $0 == slash }, as: UTF8.self)) }
        return dir.utf8.last == slash ? dir + name : dir + "/" + name
    }

    /// The names in `path`, without empty ones (`a//b/` has two).
    public static func components(_ path: String) -> [String] {
        path.utf8.split(separator: slash).map { String(decoding: $0, as: UTF8.self) }
    }

    public static func isAbsolute(_ path: String) -> Bool { path.utf8.first == slash }

    /// The same bytes (not merely canonically equivalent Unicode).
    public static func same(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }

    /// `path` with `//`, `.` and trailing slashes removed and `x/..` pairs cancelled, as text
    /// (no symbolic link is looked at): `a/./b/../c/` is `a/c`, `../x` stays, `/..` is `/`, `` is `.`.
    public static func lexical(_ path: String) -> String {
        let absolute = isAbsolute(path)
        var parts: [String] = []
        for part in components(path) {
            if same(part, ".") { continue }
            if same(part, "..") {
                if let last = parts.last, !same(last, "..") { parts.removeLast(); continue }
                if absolute { continue }  // `/..` is `/`
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// The last name of `path` once made lexical: `a/b/` is `b`, `/` is `/`, `` is `.`.
    public static func lastComponent(_ path: String) -> String {
        let clean = lexical(path)
        if same(clean, "/") { return "/" }
        return components(clean).last ?? "."
    }

    /// The folder holding `path`, as text: `o` is `.`, `a/o` is `a`, `/o` and `/` are `/`,
    /// `.` is `..`, `../a` is `..`, `..` is `../..`.
    public static func parent(_ path: String) -> String {
        let clean = lexical(path)
        if same(clean, "/") { return "/" }
        if same(clean, ".") { return ".." }
        var parts = components(clean)
        if let last = parts.last, same(last, "..") { return clean + "/.." }
        parts.removeLast()
        if isAbsolute(clean) { return "/" + parts.joined(separator: "/") }
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// The working directory, or nil when it is gone (removed while we run) or unreadable.
    public static var currentDirectory: String? {
        guard let raw = getcwd(nil, 0) else { return nil }
        defer { free(raw) }
        return String(cString: raw)
    }

    /// `path` made absolute against the working directory, lexically cleaned (nil when the
    /// working directory is gone and `path` is relative).
    public static func absolute(_ path: String) -> String? {
        if isAbsolute(path) { return lexical(path) }
        guard let cwd = currentDirectory else { return nil }
        return lexical(cwd + "/" + path)
    }

    /// The absolute, symlink-resolved form of a path (for containment checks and for the
    /// folder actually written, never for display). The part that exists is resolved as the
    /// kernel would (so `link/..` is the link target's parent); the rest, which does not exist
    /// yet, is taken as text. Never fails: an unresolvable link (dangling, a loop) is kept as a name.
    public static func canonical(_ path: String) -> String {
        let raw: String
        if isAbsolute(path) {
            raw = path
        } else if let cwd = currentDirectory {
            raw = cwd + "/" + path
        } else {
            return lexical(path)
        }
        // Component by component, not `lexical` first: a `..` after a symbolic link climbs from
        // the link's target, as the kernel does.
        var resolved = "/"
        var exists = true
        for part in components(raw) {
            if same(part, ".") { continue }
            if same(part, "..") {
                resolved = parent(resolved)
                // Climbing out of missing folders lands in a real one again, whose links count
                // (a build creates the missing folders, and the kernel then follows the links).
                if !exists { exists = linkStatus(resolved) != nil }
                continue
            }
            let candidate = join(resolved, part)
            guard exists else { resolved = candidate; continue }
            var info = stat()
            guard lstat(candidate, &info) == 0 else {
                exists = false
                resolved = candidate
                continue
            }
            if info.st_mode & S_IFMT == S_IFLNK {
                if let real = realPath(candidate) { resolved = real } else { exists = false; resolved = candidate }
            } else {
                resolved = candidate
            }
        }
        return resolved
    }

    /// `realpath(3)`: nil for a dangling link, a loop, or a path too long to resolve.
    static func realPath(_ path: String) -> String? {
        guard let raw = realpath(path, nil) else { return nil }
        defer { free(raw) }
        return String(cString: raw)
    }

    /// An absolute path as the user would write it from the working directory: relative when
    /// inside it (`.` for the directory itself), absolute otherwise.
    public static func shown(_ absolute: String) -> String {
        guard let cwd = currentDirectory.map(canonical), isInside(absolute, cwd) else { return absolute }
        if same(absolute, cwd) { return "." }
        return String(decoding: absolute.utf8.dropFirst(same(cwd, "/") ? 1 : cwd.utf8.count + 1), as: UTF8.self)
    }

    /// True when `path` (symbolic links followed) is a regular file: not a folder, FIFO or device.
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// What is at `path` without following a final symbolic link (nil: nothing).
    static func linkStatus(_ path: String) -> stat? {
        var info = stat()
        return lstat(path, &info) == 0 ? info : nil
    }

    /// True when `path` is `root` or lies inside it (both canonical), byte for byte.
    public static func isInside(_ path: String, _ root: String) -> Bool {
        same(path, root) || path.utf8.starts(with: (root.utf8.last == slash ? root : root + "/").utf8)
    }

    /// Normalises `a/./b/../c` to `a/c`; nil when `..` climbs above the start.
    static func normalise(_ relative: String) -> String? {
        var parts: [String] = []
        for part in components(relative) {
            if same(part, ".") { continue }
            if same(part, "..") {
                if parts.popLast() == nil { return nil }
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
