import Foundation
import LessonModel

/// Reads the text files a build depends on (lessons, `course.yml`, CSV data) with a size limit,
/// so a huge or endless file is an error instead of gigabytes in memory or a build that never ends.
enum SourceFile {
    /// The largest file a build reads: 10 MiB, far more than any lesson or data file needs.
    static let maxBytes = 10 * 1024 * 1024

    /// The most bytes all lessons of a course may hold together: each lesson's page costs
    /// about a hundred times its size in memory while it is built, and four 10 MB lessons took
    /// 2.7 GB and two minutes.
    static let maxCourseBytes = 16 * 1024 * 1024

    /// The message for the lesson that takes a course past `maxCourseBytes`.
    static func courseTooLargeMessage(total: Int) -> String {
        "the lessons add up to \(total) bytes with this one; the limit is \(maxCourseBytes) bytes (16 MiB) for a course, so split the course or shorten its lessons"
    }

    /// Why a file could not be read.
    enum Failure: Error, Equatable {
        /// The path does not exist (or a link in it is dangling).
        case missing
        /// A folder, FIFO, socket or device: reading one could block or never end.
        case notRegular
        /// Larger than `maxBytes`; `size` is what `stat` reported.
        case tooLarge(size: Int)
        /// Any other failure of open/read, as the system describes it.
        case unreadable(String)
    }

    /// The bytes of the regular file at `path` (symbolic links followed), at most `limit` of them.
    /// Opened non-blocking, so a FIFO is refused instead of waiting for a writer.
    static func load(_ path: String, limit: Int = maxBytes) -> Result<[UInt8], Failure> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            return .failure(errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable(String(cString: strerror(errno))))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular) }
        guard Int(info.st_size) <= limit else { return .failure(.tooLarge(size: Int(info.st_size))) }
        // Read until end of file, never more than limit + 1 bytes: the file may grow while we read.
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= limit {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, min($0.count, limit + 1 - bytes.count)) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(String(cString: strerror(errno))))
            }
            if n == 0 { break }
            bytes += chunk[0..<n]
        }
        guard bytes.count <= limit else { return .failure(.tooLarge(size: bytes.count)) }
        return .success(bytes)
    }

    /// The message for a file over the limit, shown at line 1 of the file.
    static func tooLargeMessage(size: Int) -> String {
        "file is too large (\(size) bytes); the limit is \(maxBytes) bytes (10 MiB) per file"
    }

    /// The diagnostic for a failed read of a lesson or data file at `path`.
    static func diagnostic(_ failure: Failure, path: String) -> Diagnostic {
        switch failure {
        case .missing: return .fileError(path, "file not found")
        case .notRegular: return .fileError(path, "is not a regular file; expected a text file")
        case .tooLarge(let size): return .error(path, SourcePosition(line: 1, column: 1), tooLargeMessage(size: size))
        case .unreadable(let reason): return .fileError(path, "cannot read this file: \(reason)")
        }
    }
}
