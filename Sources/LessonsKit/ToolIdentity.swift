import Foundation

/// Which build of `lessons` is running, for cache keys and build stamps: results of another build
/// of the tool are never reused. Taken from the running executable itself (`/proc/self/exe`),
/// never from `argv[0]`, which names whatever was typed (a name found on PATH, a symlink).
enum ToolIdentity {
    /// The identity of this process's executable, computed once.
    static let current: String = compute(executable: "/proc/self/exe")

    /// The most an executable is hashed when it carries no build ID.
    static let maxHashedBytes = 1 << 30

    /// `lessons <version>` and the executable's ELF build ID (a hash the linker wrote over the
    /// code; reading it costs a few KB); else a SHA-256 of the executable's bytes; else, where
    /// there is no `/proc`, the executable's size, modification time and inode.
    static func compute(executable: String) -> String {
        let version = "lessons \(LessonsVersion.string)"
        if let id = buildID(ofELF: executable) { return "\(version) build-id \(id)" }
        var hasher = SHA256()
        var budget = maxHashedBytes
        if case .success = BoundedRead.hash(executable, into: &hasher, budget: &budget, followLinks: true) {
            return "\(version) sha256 \(hasher.hexDigest())"
        }
        let path = Bundle.main.executablePath ?? executable
        var info = stat()
        guard stat(path, &info) == 0 else { return "\(version) unknown executable" }
        return "\(version) \(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
    }

    /// The GNU build ID note of an ELF file (hex), if it has one; reads only the headers and notes.
    static func buildID(ofELF path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        func bytes(_ offset: Int, _ count: Int) -> [UInt8]? {
            guard offset >= 0, count >= 0, count <= 1 << 20 else { return nil }
            var out = [UInt8](repeating: 0, count: count)
            let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) }
            return n == count ? out : nil
        }
        guard let header = bytes(0, 64), header[0..<4] == [0x7F, 0x45, 0x4C, 0x46] else { return nil }
        let wide = header[4] == 2, little = header[5] == 1
        func integer(_ b: [UInt8], _ at: Int, _ size: Int) -> Int? {
            guard at >= 0, at + size <= b.count else { return nil }
            let slice = b[at..<(at + size)]
            let ordered = little ? Array(slice.reversed()) : Array(slice)
            let value = ordered.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            return value <= UInt64(Int.max) ? Int(value) : nil
        }
        guard let tableOffset = integer(header, wide ? 0x20 : 0x1C, wide ? 8 : 4),
              let entrySize = integer(header, wide ? 0x36 : 0x2A, 2),
              let count = integer(header, wide ? 0x38 : 0x2C, 2), entrySize >= (wide ? 56 : 32), count <= 256,
              let table = bytes(tableOffset, entrySize * count) else { return nil }
        for i in 0..<count {
            let base = i * entrySize
            guard integer(table, base, 4) == 4,  // PT_NOTE
                  let offset = integer(table, base + (wide ? 8 : 4), wide ? 8 : 4),
                  let size = integer(table, base + (wide ? 32 : 16), wide ? 8 : 4),
                  let notes = bytes(offset, min(size, 1 << 16)) else { continue }
            var at = 0
            while at + 12 <= notes.count, let nameSize = integer(notes, at, 4), let descSize = integer(notes, at + 4, 4),
                  let type = integer(notes, at + 8, 4) {
                let nameStart = at + 12, descStart = nameStart + (nameSize + 3) / 4 * 4
                guard descStart + descSize <= notes.count else { break }
                if type == 3, nameSize == 4, notes[nameStart..<(nameStart + 4)] == [0x47, 0x4E, 0x55, 0], descSize > 0 {  // "GNU\0"
                    return notes[descStart..<(descStart + descSize)].map { String(format: "%02x", $0) }.joined()
                }
                at = descStart + (descSize + 3) / 4 * 4
            }
        }
        return nil
    }
}
