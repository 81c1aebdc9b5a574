import Foundation
import LessonModel
import Training

/// `lessons new NAME`: writes a lesson to start from, with front matter and a graph block.
///
/// Any title gives a lesson that builds, or a clear refusal: line breaks and tabs become
/// spaces (a title is one line), other control characters and empty or overlong titles are
/// refused, the title is written as an escaped YAML string, and the text is parsed before it
/// is written, so a title the lesson format cannot hold is refused rather than written.
public enum Scaffold {
    /// The longest title accepted, in characters (a title is a line in the index, not a paragraph).
    public static let maxTitleLength = 300
    /// The longest file name made from a title, in characters (before `.md`).
    static let maxStemLength = 80

    /// Creates `<lessons>/<slug>.md` and returns its path; never overwrites a file.
    public static func create(title rawTitle: String, in lessonsDirectory: String) throws -> String {
        let title = try ScaffoldTitle.clean(rawTitle)
        var stem = String(Slug.make(title, fallback: "lesson").prefix(maxStemLength))
        while stem.hasSuffix("-") { stem.removeLast() }
        // `assets/` holds the site's stylesheet and script, `shared/` the traces lessons share.
        if ["assets", "shared"].contains(Slug.forLesson(relativePath: stem + ".md")) { stem += "-lesson" }
        // Shown as typed; written where the path really points (`a/missing/../b` is `a/b`, and
        // creating it makes no stray `missing` folder).
        let path = Paths.join(lessonsDirectory, stem + ".md")
        let folder = Paths.canonical(lessonsDirectory)
        let file = Paths.join(folder, stem + ".md")
        guard Paths.linkStatus(file) == nil else {
            throw ScaffoldError("\(path) already exists; choose another name or edit that file")
        }
        if let problem = OutputWriter.checkFolderOrMissing(folder, what: "lessons folder") {
            throw ScaffoldError("\(lessonsDirectory) \(problem.message)")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ScaffoldError("cannot create the lessons folder \(lessonsDirectory): \(reason(error))")
        }
        let existing = try existingLessons(in: folder, shown: lessonsDirectory)
        let page = Slug.forLesson(relativePath: stem + ".md")
        if let owner = existing.first(where: { Slug.forLesson(relativePath: $0.relative) == page }) {
            throw ScaffoldError("\(Paths.join(lessonsDirectory, owner.relative)) already has the page '\(page)'; choose another name")
        }
        let order = existing.reduce(existing.count) { max($0, $1.order ?? 0) } + 1
        let text = lessonText(title: title, order: order)
        try verify(text, title: title, path: path)
        let fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            if errno == EEXIST { throw ScaffoldError("\(path) already exists; choose another name or edit that file") }
            throw ScaffoldError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        close(fd)
        do {
            try FileSystemItem.write(Array(text.utf8), to: file)
        } catch {
            unlink(file)
            throw ScaffoldError("cannot write \(path): \(error)")
        }
        return path
    }

    static func lessonText(title: String, order: Int) -> String {
        """
        ---
        title: \(ScaffoldTitle.yamlString(title))
        order: \(order)
        summary: One sentence for the course index.
        ---

        Say what the reader will learn, then show it. Formulas such as $z = xy$ work inline and
        on their own line:

        $$\\frac{\\partial z}{\\partial x} = y$$

        ## A first graph

        Every value and gradient below is computed when the site is built.

        ```graph first
        x = 3
        param w = -2
        z = x * w
        ```

        The gradient of `w` is {{ first.w.grad }}, which is the value of `x`.

        ## Exercises

        1. Change `x` and rebuild. What happens to the gradient of `w`?

        """
    }

    /// Parses and checks the lesson about to be written: it must have no problem and keep the title.
    private static func verify(_ text: String, title: String, path: String) throws {
        let relative = Paths.lastComponent(path)
        let (lesson, parsed) = LessonParser.parse(bytes: Array(text.utf8), path: path, relativePath: relative)
        var problems = parsed.filter { $0.severity == .error }
        if let lesson {
            problems += InMemoryBuild.run(lesson, runBlocks: false).diagnostics.filter { $0.severity == .error }
            if problems.isEmpty && lesson.title != title {
                throw ScaffoldError("the lesson format cannot hold this title exactly (it would read '\(lesson.title)'); choose a plainer title")
            }
        }
        if let first = problems.first {
            throw ScaffoldError("cannot make a valid lesson with this title: \(first.message)")
        }
        if lesson == nil { throw ScaffoldError("cannot make a valid lesson with this title") }
    }

    /// The lessons already in the folder (relative path, and `order` if set).
    static func existingLessons(in directory: String, shown: String) throws -> [(relative: String, order: Int?)] {
        let found: LessonDiscovery.Found
        switch LessonDiscovery.find(in: directory, root: Paths.canonical(directory), excluding: nil) {
        case .success(let f): found = f
        case .failure(let d): throw ScaffoldError("\(shown) \(d.message)")
        }
        return found.files.map { relative in
            guard case .success(let bytes) = SourceFile.load(Paths.join(directory, relative)) else { return (relative, nil) }
            return (relative, LessonParser.parse(bytes: bytes, path: relative, relativePath: relative).0?.frontMatter.order)
        }
    }

    private static func reason(_ error: Error) -> String {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return error.localizedDescription
    }
}

/// Why a lesson could not be scaffolded.
public struct ScaffoldError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// Diagnostics as JSON for editors: `{"errors": n, "warnings": n, "diagnostics": [...]}`.
public enum DiagnosticsJSON {
    public static func encode(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map { d in
            "{\"file\":\(TraceJSON.string(d.path)),\"line\":\(d.position?.line.description ?? "null"),"
                + "\"column\":\(d.position?.column.description ?? "null"),\"severity\":\"\(d.severity.rawValue)\","
                + "\"message\":\(TraceJSON.string(d.message))}"
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        return "{\"errors\":\(errors),\"warnings\":\(diagnostics.count - errors),\"diagnostics\":[\(items.joined(separator: ","))]}"
    }
}
