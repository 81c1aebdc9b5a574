import Foundation

/// The cache folder as a thing on disk: recognised by the marker the cache writes when it makes
/// the folder (`CACHEDIR.TAG`, the cache directory tag that backup tools also honour) and by the
/// exact names of what it writes there. Nothing else in it is ever removed: `--cache-dir`
/// pointing at a document, the lessons folder or a home folder is refused, not emptied.
struct CacheFolder {
    static let markerName = "CACHEDIR.TAG"
    static let markerText = "Signature: 8a477f597d28d172789f06886806bc55\n"
        + "# This folder is the block cache of lessons (https://bford.info/cachedir/).\n"
        + "# 'lessons clean' removes it; it holds nothing that a build cannot make again.\n"

    /// What a name in the cache folder is, if the cache wrote it.
    enum Name: Equatable {
        case marker
        /// `<64 hex digits>.entry`.
        case entry(key: String)
        /// `build-<16 hex digits>.stamp`.
        case stamp
        /// An entry or stamp being written by process `pid` (renamed into place when complete).
        case temporary(pid: Int32)
    }

    let path: String

    /// Classifies a file name; nil for anything the cache does not write.
    static func classify(_ name: String) -> Name? {
        if name == markerName { return .marker }
        if let (base, pid) = splitTemporary(name) { return classify(base).map { _ in .temporary(pid: pid) } }
        let bytes = Array(name.utf8)
        if bytes.count == 64 + 6, name.hasSuffix(".entry"), bytes.prefix(64).allSatisfy(isHexDigit) {
            return .entry(key: String(name.prefix(64)))
        }
        if bytes.count == 6 + 16 + 6, name.hasPrefix("build-"), name.hasSuffix(BuildStamp.suffix),
           bytes[6..<22].allSatisfy(isHexDigit) {
            return .stamp
        }
        return nil
    }

    /// `name.tmp-<pid>` for a temporary of this process.
    static func temporaryName(_ name: String) -> String { name + ".tmp-\(getpid())" }

    private static func splitTemporary(_ name: String) -> (String, Int32)? {
        guard let range = name.range(of: ".tmp-", options: .backwards) else { return nil }
        let digits = name[range.upperBound...]
        guard !digits.isEmpty, digits.count <= 10, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let pid = Int32(digits), !name[..<range.lowerBound].contains(".tmp-") else { return nil }
        return (String(name[..<range.lowerBound]), pid)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) || (97...102).contains(byte) }

    /// What is at `path`, looked at without changing anything.
    enum State: Equatable {
        case absent
        /// Made by the cache (its marker is there): `foreign` lists names it did not write.
        case marked(foreign: [String])
        /// No marker, but everything in it is named as the cache names things (an empty folder,
        /// or a cache of an older version): the cache may adopt it.
        case adoptable
        /// Not a folder, or a folder of other things; `reason` says which, for an error message.
        case refused(reason: String)
    }

    func inspect() -> State {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            if lstat(path, &info) == 0 { return .refused(reason: "is a symbolic link to nothing, not a cache folder") }
            return errno == ENOENT ? .absent : .refused(reason: "cannot be read (\(reason))")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            return .refused(reason: info.st_mode & S_IFMT == S_IFREG ? "is a file, not a cache folder" : "is not a folder")
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            return .refused(reason: "cannot be listed")
        }
        var foreign: [String] = []
        var marked = false
        for name in names.sorted() {
            guard let kind = Self.classify(name), isRegularFile(name) else { foreign.append(name); continue }
            if kind == .marker {
                marked = hasOurMarker()
                if !marked { foreign.append(name) }  // another tool's tag: not ours to replace
            }
        }
        if marked { return .marked(foreign: foreign) }
        if foreign.isEmpty { return .adoptable }
        return .refused(reason: "is not a cache folder: it has no \(Self.markerName) written by lessons and holds other files ("
                        + Self.sample(foreign) + ")")
    }

    /// Checks the folder before a build uses it; an error message when it must not be used.
    func checkForBuild() -> String? {
        if case .refused(let reason) = inspect() { return reason + "; choose another --cache-dir" }
        return nil
    }

    /// Makes the folder (and its parents) and writes the marker if it is missing.
    @discardableResult
    func prepare() -> Bool {
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        if hasOurMarker() { return true }
        return write(Self.markerName, Array(Self.markerText.utf8))
    }

    /// Writes `bytes` to `name` in the folder: to a new temporary file (never through a link or
    /// into an existing file someone placed there), then renamed into place.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) -> Bool {
        let target = Paths.join(path, name)
        let temporary = Paths.join(path, Self.temporaryName(name))
        unlink(temporary)  // one left by a crashed process that had our pid
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        let complete = (try? handle.write(contentsOf: Data(bytes))) != nil
        try? handle.close()
        guard complete, rename(temporary, target) == 0 else { unlink(temporary); return false }
        return true
    }

    /// Removes the named files the cache wrote, if `keep` says so; never folders, links or other names.
    func prune(keep: (Name) -> Bool) {
        guard case .marked = inspect(), let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names {
            guard let kind = Self.classify(name), kind != .marker, !keep(kind), isRegularFile(name) else { continue }
            unlink(Paths.join(path, name))
        }
    }

    /// `lessons clean`: removes the folder if the cache made it and it holds only what the cache
    /// wrote; otherwise removes nothing and throws. Returns how many files were removed (0 when
    /// there was no folder).
    func remove() throws -> Int {
        switch inspect() {
        case .absent:
            return 0
        case .adoptable:
            throw CacheFolderError(path: path, reason: "is not a cache folder: it has no \(Self.markerName) written by lessons")
        case .refused(let reason):
            throw CacheFolderError(path: path, reason: reason)
        case .marked(let foreign) where !foreign.isEmpty:
            throw CacheFolderError(path: path, reason: "holds files the cache did not write (" + Self.sample(foreign)
                                   + "); remove them first if the folder is really the cache")
        case .marked:
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            var removed = 0
            for name in names where name != Self.markerName && Self.classify(name) != nil && isRegularFile(name) {
                if unlink(Paths.join(path, name)) == 0 { removed += 1 }
            }
            unlink(Paths.join(path, Self.markerName))
            rmdir(path)  // only if empty; a link to the folder stays, as does the folder it points to
            return removed
        }
    }

    private func isRegularFile(_ name: String) -> Bool {
        var info = stat()
        return lstat(Paths.join(path, name), &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    private func hasOurMarker() -> Bool {
        guard case .success(let bytes) = BoundedRead.bytes(Paths.join(path, Self.markerName), limit: 4096) else { return false }
        return bytes == Array(Self.markerText.utf8)
    }

    private static func sample(_ names: [String]) -> String {
        let shown = names.prefix(3).map { "'" + $0.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : String($0) }.joined() + "'" }
        return shown.joined(separator: ", ") + (names.count > 3 ? " and \(names.count - 3) more" : "")
    }
}

/// A cache folder that `lessons clean` would not remove.
struct CacheFolderError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { reason + "; nothing was removed" }
}
