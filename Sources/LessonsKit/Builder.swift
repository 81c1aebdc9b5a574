import Foundation
import LessonModel
import Site

/// `lessons build`: prepare -> load -> check and plan -> run blocks -> render -> write, as named
/// steps over one `BuildContext` (docs/ARCHITECTURE.md shows the pipeline).
public enum Builder {
    /// Builds the site; never throws: every problem is a diagnostic in the report.
    public static func build(_ options: BuildOptions) -> BuildReport {
        var context = BuildContext(options: options)
        guard let files = prepare(&context) else { return context.report }
        if !options.checkOnly { Prewarm.start() }
        var course = load(files, in: &context)
        let planned = checkAndPlan(&course, in: context)
        let ran = runBlocks(course, planned: planned, in: context)
        collectDiagnostics(files, course: course, ran: ran, in: &context)
        guard context.report.succeeded, !options.checkOnly else { return context.report }
        let site = render(course, planned: planned, ran: ran, in: context)
        write(site, lessons: course.lessons.count, in: &context)
        return context.report
    }

    /// Deletes a cache folder (`lessons clean`) and returns how many files it held; refuses,
    /// removing nothing, anything but a folder the cache made holding only what the cache wrote.
    @discardableResult
    public static func removeCache(_ directory: String) throws -> Int {
        try CacheFolder(path: directory).remove()
    }

    /// `.lessons-cache` next to the lessons folder, so every working directory shares it.
    public static func defaultCacheDirectory(_ options: BuildOptions) -> String {
        Paths.join(Paths.parent(Paths.canonical(options.lessonsDirectory)), ".lessons-cache")
    }
}
