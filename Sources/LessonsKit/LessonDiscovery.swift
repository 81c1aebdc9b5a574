import Foundation
import LessonModel

/// Finds the lesson files of a course: every `*.md` below the lessons folder, sorted by path.
/// Names starting with `.` or `_` (Jekyll's `_includes`, editor files) are skipped. Symbolic
/// links are followed only to files inside the lessons folder; a link to a folder inside it is
/// skipped (its lessons are found through the folder itself, and a link to an ancestor would loop).
enum LessonDiscovery {
    /// The lessons found, and problems with single entries (the other lessons still build).
    struct Found {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
    }

    /// The most files and folders searched for lessons.
    static let maxEntries = 100_000

    /// `root` is the canonical lessons folder; `excluded` a canonical folder not to search (the output).
    static func find(in directory: String, root: String, excluding excluded: String?) -> Result<Found, Diagnostic> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            return .failure(.fileError(directory, "lessons folder not found; expected a folder of Markdown lessons (see 'lessons build --help')"))
        }
        guard isDirectory.boolValue else {
            return .failure(.fileError(directory, "is a file; expected a folder of Markdown lessons"))
        }
        guard (try? FileManager.default.contentsOfDirectory(atPath: directory)) != nil else {
            return .failure(.fileError(directory, "cannot read this folder"))
        }
        var found = Found()
        var pending = [""]
        var seen = 0
        while let relative = pending.popLast() {
            let absolute = Paths.join(directory, relative)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: absolute) else {
                found.diagnostics.append(.fileError(absolute, "cannot read this folder"))
                continue
            }
            // A mistyped folder (`/`, a home folder) would be searched for minutes.
            seen += names.count
            guard seen <= maxEntries else {
                return .failure(.fileError(directory, "holds more than \(maxEntries) files and folders; expected a folder of lessons (is this the right folder?)"))
            }
            for name in names where !name.hasPrefix(".") && !name.hasPrefix("_") {
                let child = relative.isEmpty ? name : relative + "/" + name
                let path = Paths.join(directory, child)
                let isLesson = name.lowercased().hasSuffix(".md")
                // lstat and stat themselves: Foundation's attributes also look up the owner's
                // name, which made searching `/` up to the limit take seconds.
                guard let entry = Entry(path) else { continue }  // removed while we looked
                guard let childIsDirectory = entry.targetIsDirectory else {
                    if entry.isLink && isLesson {
                        found.diagnostics.append(.fileError(path, "is a symbolic link to nothing; expected a lesson file"))
                    }
                    continue
                }
                if entry.isLink && (isLesson || childIsDirectory) {
                    guard Paths.isInside(Paths.canonical(path), root) else {
                        let what = childIsDirectory ? "a folder" : "a file"
                        found.diagnostics.append(.fileError(path, "is a symbolic link to \(what) outside the lessons folder; lessons must live inside it"))
                        continue
                    }
                    if childIsDirectory { continue }
                }
                if childIsDirectory {
                    if let excluded, Paths.same(Paths.canonical(path), excluded) { continue }
                    if isLesson {
                        found.diagnostics.append(Diagnostic(.warning, path, nil,
                            "is a folder, not a lesson file; the lessons inside it are built as a subfolder"))
                    }
                    pending.append(child)
                } else if isLesson {
                    found.files.append(child)
                }
            }
        }
        found.files.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        return .success(found)
    }

    /// One entry of a folder: whether it is a symbolic link, and whether what it is (or points
    /// to) is a folder; nil there when a link points to nothing.
    private struct Entry {
        let isLink: Bool
        let targetIsDirectory: Bool?

        init?(_ path: String) {
            var info = stat()
            guard lstat(path, &info) == 0 else { return nil }
            isLink = info.st_mode & S_IFMT == S_IFLNK
            if isLink {
                var target = stat()
                targetIsDirectory = stat(path, &target) == 0 ? target.st_mode & S_IFMT == S_IFDIR : nil
            } else {
                targetIsDirectory = info.st_mode & S_IFMT == S_IFDIR
            }
        }
    }
}

/// The optional `course.yml` beside the lessons: the course's title, description and language.
struct CourseConfig {
    var title: String
    var description: String?
    var lang: String?

    static let fileName = "course.yml"

    static func load(lessonsDirectory: String, lessonsRoot: String, diagnostics: inout [Diagnostic]) -> CourseConfig {
        let path = Paths.join(lessonsDirectory, fileName)
        let folderName = Paths.lastComponent(lessonsRoot)
        var config = CourseConfig(title: folderName.isEmpty || folderName == "/" ? "Course" : folderName)
        guard FileManager.default.fileExists(atPath: path) else { return config }
        guard Paths.isInside(Paths.canonical(path), lessonsRoot) else {
            diagnostics.append(.fileError(path, "is a symbolic link to a file outside the lessons folder; it must live inside it"))
            return config
        }
        let data: [UInt8]
        switch SourceFile.load(path) {
        case .success(let bytes): data = bytes
        case .failure(.missing): return config
        case .failure(let failure): diagnostics.append(SourceFile.diagnostic(failure, path: path)); return config
        }
        let text: String
        switch SourceText.decode(data, path: path) {
        case .failure(let d): diagnostics.append(d); return config
        case .success(let s): text = s.text
        }
        var local = Diagnostics(path: path)
        let matter = FrontMatterParser.interpret(yaml: text, lineOffset: 0, into: &local)
        diagnostics += local.all
        if let title = matter.title, !title.isEmpty { config.title = title }
        config.description = matter.summary ?? matter.other["description"]
        config.lang = matter.lang
        return config
    }
}
