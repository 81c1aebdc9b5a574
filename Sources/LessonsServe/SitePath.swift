import Foundation
import LessonsKit

/// What a request path names inside the output folder.
enum SiteLookup: Equatable {
    /// A regular file inside the output folder (its real path) and its Content-Type.
    case file(path: String, contentType: String)
    /// A folder asked for without its trailing slash: relative links on its page need the slash.
    case redirect(location: String)
    case notFound
}

/// Maps request paths to files, refusing anything that could reach outside the output folder.
enum SitePath {
    /// The decoded path segments of a raw (still percent-encoded) request path, or nil when the
    /// path is not one we serve. Percent-encoding is decoded exactly once, so `%252e%252e` stays the
    /// harmless name `%2e%2e`; `.` and `..` segments are refused whether typed raw or encoded, and so
    /// are backslashes, control characters (NUL, CR, LF) and empty segments (`//x` reads as an absolute path).
    static func segments(rawPath: String) -> [String]? {
        guard rawPath.hasPrefix("/"), let decoded = rawPath.removingPercentEncoding else { return nil }
        if decoded.unicodeScalars.contains(where: { $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F }) { return nil }
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        for (i, part) in parts.enumerated() {
            if part == "." || part == ".." { return nil }
            if part.isEmpty && i != parts.count - 1 { return nil }  // only a trailing slash may be empty
        }
        return parts.last == "" ? parts.dropLast() : parts
    }

    /// Resolves a raw request path against the output folder, following symlinks and then
    /// refusing any real path outside the real output folder.
    static func lookup(rawPath: String, outputDirectory: String) -> SiteLookup {
        guard let segments = segments(rawPath: rawPath),
              let root = FileSystem.realPath(outputDirectory), FileSystem.kind(root) == .directory,
              FileSystem.kind(root + "/" + Builder.outputMarkerName) == .file
        else { return .notFound }
        let candidate = ([root] + segments).joined(separator: "/")
        guard let real = FileSystem.realPath(candidate), FileSystem.isInside(real, root) else { return .notFound }
        switch FileSystem.kind(real) {
        case .directory:
            guard rawPath.hasSuffix("/") else { return .redirect(location: rawPath + "/") }
            return servable(real + "/index.html", root: root)
        case .file:
            return servable(real, root: root)
        case .other, nil:
            return .notFound
        }
    }

    /// A regular file inside `root` with a type we serve (decided by the real file's extension).
    private static func servable(_ path: String, root: String) -> SiteLookup {
        guard let real = FileSystem.realPath(path), FileSystem.isInside(real, root), FileSystem.kind(real) == .file,
              let dot = real.lastIndex(of: "."), !real[dot...].contains("/"),
              let type = ContentType.forExtension(String(real[real.index(after: dot)...]))
        else { return .notFound }
        return .file(path: real, contentType: type)
    }
}
