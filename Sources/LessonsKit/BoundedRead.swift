import Foundation

/// Reads files that someone else may have put in place (cache entries, stamps, lessons behind
/// links) without ever blocking on a FIFO, following a final link, or reading more than a
/// stated number of bytes: the size is checked before reading and again while reading.
enum BoundedRead {
    /// Why a file was not read.
    enum Failure: Error, Equatable {
        case unreadable
        /// A folder, FIFO, device or socket (or a link, when links are not followed).
        case notRegular
        case tooLarge
    }

    private static let chunk = 1 << 20

    /// The whole file, if it is a regular file of at most `limit` bytes.
    static func bytes(_ path: String, limit: Int, followLinks: Bool = false) -> Result<[UInt8], Failure> {
        var bytes: [UInt8] = []
        let result = withRegularFile(path, limit: limit, followLinks: followLinks) { fd, size in
            bytes.reserveCapacity(size)
            return readChunks(fd, limit: limit) { bytes += $0 }
        }
        return result.map { bytes }
    }

    /// The first `count` bytes of a regular file of any size (fewer when it is shorter).
    static func prefix(_ path: String, count: Int, followLinks: Bool = false) -> Result<[UInt8], Failure> {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        let result = withRegularFile(path, limit: .max, followLinks: followLinks) { fd, _ in
            while filled < count {
                let n = bytes.withUnsafeMutableBytes { $0.baseAddress.map { read(fd, $0 + filled, count - filled) } ?? 0 }
                if n < 0 {
                    if errno == EINTR { continue }
                    return .failure(.unreadable)
                }
                if n == 0 { break }
                filled += n
            }
            return .success(())
        }
        return result.map { Array(bytes[..<filled]) }
    }

    /// Feeds the file's bytes to `hasher` and subtracts them from `budget`; fails (with the
    /// hasher in an unspecified state) when the file is not regular or would exceed the budget.
    static func hash(_ path: String, into hasher: inout SHA256, budget: inout Int, followLinks: Bool = false) -> Result<Int, Failure> {
        var local = hasher
        let limit = budget
        var count = 0
        let result = withRegularFile(path, limit: limit, followLinks: followLinks) { fd, _ in
            readChunks(fd, limit: limit) { local.update($0); count += $0.count }
        }
        guard case .success = result else { return result.map { 0 } }
        hasher = local
        budget -= count
        return .success(count)
    }

    /// Opens `path` read-only and non-blocking, checks (on the open file, so a swap after the
    /// check cannot fool it) that it is a regular file within `limit`, and runs `body`.
    private static func withRegularFile(_ path: String, limit: Int, followLinks: Bool,
                                        _ body: (Int32, Int) -> Result<Void, Failure>) -> Result<Void, Failure> {
        let flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followLinks ? 0 : O_NOFOLLOW)
        let fd = open(path, flags)
        guard fd >= 0 else { return .failure(errno == ELOOP ? .notRegular : .unreadable) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.unreadable) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular) }
        guard info.st_size <= limit else { return .failure(.tooLarge) }
        return body(fd, Int(info.st_size))
    }

    /// Reads until end of file; fails as soon as more than `limit` bytes came (a growing file).
    private static func readChunks(_ fd: Int32, limit: Int, _ consume: (ArraySlice<UInt8>) -> Void) -> Result<Void, Failure> {
        var buffer = [UInt8](repeating: 0, count: chunk)
        var total = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunk) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable)
            }
            if n == 0 { return .success(()) }
            total += n
            guard total <= limit else { return .failure(.tooLarge) }
            consume(buffer[0..<n])
        }
    }
}
