import Foundation

/// The few file operations the writer needs, as POSIX calls on path strings: no `URL` is made
/// from a path, and a failure says what the system said (`No space left on device`).
enum FileSystemItem {
    /// A failed system call: what was being done, and `strerror` of its errno.
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ what: String, errno code: Int32 = errno) {
            description = "\(what): \(String(cString: strerror(code)))"
        }
    }

    /// True when `path` (links followed) is a folder.
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Creates (or truncates) `path` and writes all of `bytes` to it.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure("cannot create \(path)") }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.write(fd, base + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure("cannot write \(path)")
            }
            offset += written
        }
    }

    /// rename(2): atomic within one file system.
    static func rename(_ from: String, to: String) throws {
        guard Foundation.rename(from, to) == 0 else { throw Failure("cannot rename \(from) to \(to)") }
    }
}
