import Foundation
import LessonModel

/// Finds the lesson files of a course: every `*.md` below the lessons folder, sorted by path.
/// Names starting with `.` or `_` (Jekyll's `_includes`, editor files) are skipped.
enum LessonDiscovery {
    static func find(in directory: String, excluding excluded: String?) -> Result<[String], Diagnostic> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            return .failure(.fileError(directory, "lessons folder not found; expected a folder of Markdown lessons (see 'lessons build --help')"))
        }
        guard isDirectory.boolValue else {
            return .failure(.fileError(directory, "is a file; expected a folder of Markdown lessons"))
        }
        var found: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let absolute = Paths.join(directory, relative)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: absolute) else {
                return .failure(.fileError(absolute, "cannot read this folder"))
            }
            for name in names where !name.hasPrefix(".") && !name.hasPrefix("_") {
                let child = relative.isEmpty ? name : relative + "/" + name
                let path = Paths.join(directory, child)
                var childIsDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &childIsDirectory) else { continue }
                if childIsDirectory.boolValue {
                    if let excluded, Paths.canonical(path) == excluded { continue }
                    pending.append(child)
                } else if name.lowercased().hasSuffix(".md") {
                    found.append(child)
                }
            }
        }
        return .success(found.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    }
}

/// The optional `course.yml` beside the lessons: the course's title, description and language.
struct CourseConfig {
    var title: String
    var description: String?
    var lang: String?

    static let fileName = "course.yml"

    static func load(lessonsDirectory: String, diagnostics: inout [Diagnostic]) -> CourseConfig {
        let path = Paths.join(lessonsDirectory, fileName)
        let folderName = URL(fileURLWithPath: Paths.canonical(lessonsDirectory)).lastPathComponent
        var config = CourseConfig(title: folderName.isEmpty ? "Course" : folderName)
        guard let data = FileManager.default.contents(atPath: path) else { return config }
        let text: String
        switch SourceText.decode([UInt8](data), path: path) {
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
