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
        let bibliography = BibliographyFile.load(lessonsDirectory: options.lessonsDirectory, lessonsRoot: context.lessonsRoot,
                                                 diagnostics: &context.report.diagnostics)
        var lessons: [Lesson] = []
        var perLesson: [String: Diagnostics] = [:]
        var courseBytes = 0
        for relative in files {
            let path = Paths.join(options.lessonsDirectory, relative)
            let bytes: [UInt8]
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
                continue
            case .success(let b): bytes = b
            }
            courseBytes += bytes.count
            let (lesson, diagnostics) = LessonParser.parse(bytes: bytes, path: path, relativePath: relative)
            var collected = Diagnostics(path: path)
            diagnostics.forEach { collected.append($0) }
            if let lesson { lessons.append(lesson) }
            perLesson[path] = collected
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
