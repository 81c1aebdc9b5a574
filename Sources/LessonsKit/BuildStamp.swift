import Foundation

/// Lets a build with nothing changed skip all work, as `make` and `ninja` do. After a build with
/// no diagnostics, a stamp in the cache folder records a digest of every input (the bytes of every
/// file in the lessons folder, the options that shape the output, the tool itself) and a listing
/// of the output folder (each entry's path, size, modification time and inode). The tool is
/// `ToolIdentity.current`, the same identity the block cache keys on. A build whose
/// inputs hash the same and whose output folder lists the same is already done.
///
/// The digest is taken before the build reads anything, so a file edited while a build runs makes
/// the next build run again. Any change to the output folder (a file edited, added or deleted)
/// does too, because the folder is replaced as a whole and every listing is new.
struct BuildStamp: Equatable {
    /// Where stamps live in the cache folder; `lessons clean` removes them with the entries.
    static let suffix = ".stamp"
    /// Inputs bigger than this are not hashed (it would slow every build): such a course
    /// simply always builds.
    static let maxInputBytes = 64 << 20

    var inputs: String
    var lessons: Int
    var output: [String]

    /// The stamp file for an output folder (one per output folder, so `-o a` and `-o b` do not mix).
    static func path(cacheDirectory: String, outputDirectory: String) -> String {
        Paths.join(cacheDirectory, fileName(outputDirectory: outputDirectory))
    }

    /// `build-<16 hex digits>.stamp`, a name `CacheFolder` recognises as the cache's own.
    static func fileName(outputDirectory: String) -> String {
        var hasher = SHA256()
        hasher.update(Paths.canonical(outputDirectory))
        return "build-" + hasher.hexDigest().prefix(16) + suffix
    }

    /// The digest of everything the build reads, or nil when it cannot be taken cheaply and safely
    /// (an unreadable file, a FIFO or device, more than `maxInputBytes`): the build then runs as
    /// usual. Files are streamed into the hash against that budget, never read whole first.
    /// Symbolic links are not followed: a link counts as its target's path and, for a target
    /// outside the lessons folder, that target's identity (device, inode, size, modification and
    /// change times), so a link to a 2 GB file or to `/proc/kcore` costs one `stat`, and
    /// editing the target still builds again. A target inside the folder is hashed where it is.
    static func inputDigest(_ options: BuildOptions, lessonsRoot: String, cacheDirectory: String) -> String? {
        var hasher = SHA256()
        for part in [BlockCache.toolIdentity, BlockCache.engineSettings, BlockCache.magic, lessonsRoot,
                     Paths.canonical(options.outputDirectory), options.baseURL ?? "-", options.pdf ? "pdf" : "html"] {
            hasher.update("\(part.utf8.count):")
            hasher.update(part)
        }
        let skipped: Set<String> = [Paths.canonical(options.outputDirectory), Paths.canonical(cacheDirectory)]
        var budget = maxInputBytes
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = Paths.join(lessonsRoot, relative)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
            for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
                let child = relative.isEmpty ? name : relative + "/" + name
                let path = Paths.join(lessonsRoot, child)
                var info = stat()
                guard lstat(path, &info) == 0 else { return nil }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    if !skipped.contains(path) { pending.append(child) }
                    hasher.update("d:\(child.utf8.count):\(child)")
                case S_IFREG:
                    guard Int(info.st_size) <= budget else { return nil }
                    hasher.update("f:\(child.utf8.count):\(child):\(info.st_size):")
                    guard case .success = BoundedRead.hash(path, into: &hasher, budget: &budget) else { return nil }
                case S_IFLNK:
                    let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? ""
                    hasher.update("l:\(child.utf8.count):\(child):\(target.utf8.count):\(target):")
                    hasher.update(linkedIdentity(path, lessonsRoot: lessonsRoot))
                default:
                    return nil  // a FIFO or device: never hash it (reading may block), just build
                }
            }
        }
        return hasher.hexDigest()
    }

    /// What stands in for a link's target: "inside" for a target in the lessons folder (hashed
    /// there), else its kind and identity from `stat`, or "missing"; never its bytes.
    static func linkedIdentity(_ link: String, lessonsRoot: String) -> String {
        var info = stat()
        guard stat(link, &info) == 0 else { return "missing" }
        if Paths.isInside(Paths.canonical(link), lessonsRoot) { return "inside" }
        return "outside \(info.st_mode) \(info.st_dev) \(info.st_ino) \(info.st_size) "
            + "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
    }

    /// Every entry below the output folder with its size, modification time and inode, or nil when
    /// the folder cannot be listed.
    static func listing(of directory: String) -> [String]? {
        var lines: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: Paths.join(directory, relative)) else { return nil }
            for name in names {
                let child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(Paths.join(directory, child), &info) == 0 else { return nil }
                let kind = info.st_mode & S_IFMT
                if kind == S_IFDIR { pending.append(child) }
                lines.append("\(child)\t\(kind)\t\(info.st_size)\t\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)\t\(info.st_ino)")
            }
        }
        return lines.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// The largest stamp read (a listing of a very large site).
    static let maxStampBytes = 64 << 20

    /// The stamp stored at `path`, if it is one.
    static func load(_ path: String) -> BuildStamp? {
        guard case .success(let bytes) = BoundedRead.bytes(path, limit: maxStampBytes),
              let text = String(bytes: bytes, encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 3, lines[0] == "lessons-stamp/1", lines.last == "" else { return nil }
        lines.removeLast()
        let header = lines[1].split(separator: " ")
        guard header.count == 2, let lessons = Int(header[1]) else { return nil }
        return BuildStamp(inputs: String(header[0]), lessons: lessons, output: Array(lines.dropFirst(2)))
    }

    /// Writes the stamp aside and renames it into place, in the cache folder (made, with its
    /// marker, if missing); a stamp that cannot be written is no loss.
    func store(cacheDirectory: String, outputDirectory: String) {
        let text = "lessons-stamp/1\n\(inputs) \(lessons)\n" + output.map { $0 + "\n" }.joined()
        let folder = CacheFolder(path: cacheDirectory)
        guard folder.prepare() else { return }
        folder.write(Self.fileName(outputDirectory: outputDirectory), Array(text.utf8))
    }

    /// Removes the stamp, so the next build runs in full.
    static func remove(_ path: String) {
        unlink(path)
    }
}
