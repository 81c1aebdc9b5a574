import Foundation

/// An open file sent in chunks, so a response never holds more than one chunk of it in memory
/// (a 300 MB image costs one 64 KB buffer per request, not 300 MB). The file is opened when the
/// request is answered: a rebuild that swaps the output folder away meanwhile leaves it intact.
final class FileBody: @unchecked Sendable {
    private let fd: Int32
    /// The file's size when it was opened.
    let size: Int
    /// Bytes sent at `offset` besides the file's own (the live-reload script).
    private(set) var insertion: (offset: Int, bytes: [UInt8])?

    /// The bytes the body has: the file's and the insertion's.
    var length: Int { size + (insertion?.bytes.count ?? 0) }

    /// Opens a regular file; nil when it cannot be read.
    init?(path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            return nil
        }
        self.fd = fd
        size = Int(info.st_size)
    }

    deinit { close(fd) }

    /// Sends `bytes` before the file's last `</body>` (in any case), or after its end when it has
    /// none. The file is searched backwards a chunk at a time: a page's end is in its last chunk.
    func insertBeforeClosingBody(_ bytes: [UInt8], chunk: Int = 65536) {
        let closing = Array("</body>".utf8)
        var buffer = [UInt8](repeating: 0, count: max(chunk, closing.count * 2))
        var end = size
        while end >= closing.count {
            let start = max(0, end - buffer.count)
            let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, end - start, off_t(start)) }
            guard count == end - start else { break }
            var at = count - closing.count
            while at >= 0 {
                if (0..<closing.count).allSatisfy({ Self.lowercased(buffer[at + $0]) == closing[$0] }) {
                    insertion = (start + at, bytes)
                    return
                }
                at -= 1
            }
            guard start > 0 else { break }
            end = start + closing.count - 1  // windows overlap, so a tag across their border is found
        }
        insertion = (size, bytes)
    }

    /// Hands the body to `sink` one piece of at most `chunk` bytes at a time; false when the sink
    /// refused one (the peer is gone) or the file ended early (it was truncated in place).
    func write(chunk: Int, to sink: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        var buffer = [UInt8](repeating: 0, count: max(1, chunk))
        var offset = 0
        func copy(upTo end: Int) -> Bool {
            while offset < end {
                let wanted = min(buffer.count, end - offset)
                let ok = buffer.withUnsafeMutableBytes { raw -> Bool in
                    let n = pread(fd, raw.baseAddress, wanted, off_t(offset))
                    guard n > 0 else { return false }
                    offset += n
                    return sink(UnsafeRawBufferPointer(rebasing: raw[..<n]))
                }
                if !ok { return false }
            }
            return true
        }
        if let (at, bytes) = insertion {
            guard copy(upTo: at), bytes.withUnsafeBytes(sink) else { return false }
        }
        return copy(upTo: size)
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
