import Foundation

/// Lets a build with nothing changed skip all work, as `make` and `ninja` do. After a build with
/// no diagnostics, a stamp in the cache folder records a digest of every input (the bytes of every
/// file in the lessons folder, the options that shape the output, the tool itself) and a listing
/// of the output folder (each entry's path, size, modification time and inode). A build whose
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
        var hasher = SHA256()
        hasher.update(Paths.canonical(outputDirectory))
        return Paths.join(cacheDirectory, "build-" + hasher.hexDigest().prefix(16) + suffix)
    }

    /// The digest of everything the build reads, or nil when it cannot be taken cheaply and safely
    /// (an unreadable file, a huge folder): the build then runs as usual.
    static func inputDigest(_ options: BuildOptions, lessonsRoot: String, cacheDirectory: String) -> String? {
        var hasher = SHA256()
        for part in [BlockCache.toolIdentity, BlockCache.engineSettings, BlockCache.magic, lessonsRoot,
                     Paths.canonical(options.outputDirectory), options.baseURL ?? "-", options.pdf ? "pdf" : "html"] {
            hasher.update("\(part.utf8.count):")
            hasher.update(part)
        }
        let skipped: Set<String> = [Paths.canonical(options.outputDirectory), Paths.canonical(cacheDirectory)]
        var total = 0
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
                    total += Int(info.st_size)
                    guard total <= maxInputBytes, let data = FileManager.default.contents(atPath: path) else { return nil }
                    hasher.update("f:\(child.utf8.count):\(child):\(data.count):")
                    hasher.update(data)
                case S_IFLNK:
                    // A link's target and, if it is a file, the file's bytes; links to folders are
                    // not followed by the build (their contents are found where they really are).
                    let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? ""
                    hasher.update("l:\(child.utf8.count):\(child):\(target.utf8.count):\(target)")
                    if Paths.isRegularFile(path) {
                        let data = FileManager.default.contents(atPath: path) ?? Data()
                        total += data.count
                        guard total <= maxInputBytes else { return nil }
                        hasher.update("\(data.count):")
                        hasher.update(data)
                    }
                default:
                    return nil  // a FIFO or device: never hash it (reading may block), just build
                }
            }
        }
        return hasher.hexDigest()
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

    /// The stamp stored at `path`, if it is one.
    static func load(_ path: String) -> BuildStamp? {
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 3, lines[0] == "lessons-stamp/1", lines.last == "" else { return nil }
        lines.removeLast()
        let header = lines[1].split(separator: " ")
        guard header.count == 2, let lessons = Int(header[1]) else { return nil }
        return BuildStamp(inputs: String(header[0]), lessons: lessons, output: Array(lines.dropFirst(2)))
    }

    /// Writes the stamp aside and renames it into place; a stamp that cannot be written is no loss.
    func store(_ path: String) {
        let text = "lessons-stamp/1\n\(inputs) \(lessons)\n" + output.map { $0 + "\n" }.joined()
        try? FileManager.default.createDirectory(atPath: Paths.parent(path),
                                                 withIntermediateDirectories: true)
        let temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else { return }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// Removes the stamp, so the next build runs in full.
    static func remove(_ path: String) {
        unlink(path)
    }
}
