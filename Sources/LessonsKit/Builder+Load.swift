import Foundation
import LessonModel
import Site

extension Builder {
    /// Reads and parses every lesson (within the course's size budget), then puts them in course
    /// order; a lesson that cannot be read or parsed keeps its diagnostics and does not stop the others.
    static func load(_ files: [String], in context: inout BuildContext) -> LoadedCourse {
        let options = context.options
        let config = CourseConfig.load(lessonsDirectory: options.lessonsDirectory, lessonsRoot: context.lessonsRoot,
                                       diagnostics: &context.report.diagnostics)
        var perLesson: [String: Diagnostics] = [:]
        var sources: [(path: String, relative: String, bytes: [UInt8])] = []
        var courseBytes = 0
        for relative in files {
            let path = Paths.join(options.lessonsDirectory, relative)
            let remaining = SourceFile.maxCourseBytes - courseBytes
            switch SourceFile.load(path, limit: min(SourceFile.maxBytes, remaining)) {
            case .failure(let failure):
                var unread = Diagnostics(path: path)
                if case .tooLarge(let size) = failure, size <= SourceFile.maxBytes {
                    unread.append(.error(path, SourcePosition(line: 1, column: 1), SourceFile.courseTooLargeMessage(total: courseBytes + size)))
                } else {
                    unread.append(SourceFile.diagnostic(failure, path: path))
                }
                perLesson[path] = unread
            case .success(let bytes):
                courseBytes += bytes.count
                sources.append((path, relative, bytes))
            }
        }
        // The bibliography and the lessons are parsed at once (job 0 is the bibliography).
        let lessonsDirectory = options.lessonsDirectory, root = context.lessonsRoot, read = sources
        let parsed = Parallel.map(Array(0...read.count), jobs: options.jobs) { job -> Parsed in
            guard job > 0 else {
                var diagnostics: [Diagnostic] = []
                let bibliography = BibliographyFile.load(lessonsDirectory: lessonsDirectory, lessonsRoot: root, diagnostics: &diagnostics)
                return .bibliography(bibliography, diagnostics)
            }
            let source = read[job - 1]
            let (lesson, diagnostics) = LessonParser.parse(bytes: source.bytes, path: source.path, relativePath: source.relative)
            return .lesson(lesson, diagnostics)
        }
        var bibliography = BibliographyFile.Loaded(path: "")
        var lessons: [Lesson] = []
        for (job, result) in parsed.enumerated() {
            switch result {
            case .bibliography(let loaded, let diagnostics):
                bibliography = loaded
                context.report.diagnostics += diagnostics
            case .lesson(let lesson, let diagnostics):
                let path = sources[job - 1].path
                var collected = Diagnostics(path: path)
                diagnostics.forEach { collected.append($0) }
                if let lesson { lessons.append(lesson) }
                perLesson[path] = collected
            }
        }
        let mainEdition = IndexPage.edition(of: config.lang, default: "en")
        lessons.sort { courseOrder($0, $1, mainEdition: mainEdition) }
        var course = LoadedCourse(config: config, bibliography: bibliography, lessons: lessons, diagnostics: perLesson, mainEdition: mainEdition)
        var diagnostics: [Diagnostic] = []
        let lessonsRoot = context.lessonsRoot
        course.editions = Editions(course) { code in
            // Another edition's title and description: `<lessons>/<code>/course.yml`, when there is one.
            let folder = Paths.join(options.lessonsDirectory, code)
            guard FileManager.default.fileExists(atPath: Paths.join(folder, CourseConfig.fileName)) else { return nil }
            let own = CourseConfig.load(lessonsDirectory: folder, lessonsRoot: lessonsRoot, diagnostics: &diagnostics)
            return (own.title, own.description)
        }
        context.report.diagnostics += diagnostics
        return course
    }

    /// What one parsing job of `load` gives.
    private enum Parsed: Sendable {
        case bibliography(BibliographyFile.Loaded, [Diagnostic])
        case lesson(Lesson?, [Diagnostic])
    }

    /// The main edition's lessons first, then other editions by language code; within an
    /// edition, lessons with an `order` come first, by order; then file paths decide (byte order).
    static func courseOrder(_ a: Lesson, _ b: Lesson, mainEdition: String) -> Bool {
        let (ea, eb) = (IndexPage.edition(of: a.frontMatter.lang, default: mainEdition), IndexPage.edition(of: b.frontMatter.lang, default: mainEdition))
        if ea != eb { return ea == mainEdition || (eb != mainEdition && ea < eb) }
        let (oa, ob) = (a.frontMatter.order ?? Int.max, b.frontMatter.order ?? Int.max)
        if oa != ob { return oa < ob }
        return Array(a.relativePath.utf8).lexicographicallyPrecedes(Array(b.relativePath.utf8))
    }
}
