import LessonModel
import Site

/// The steps of a build that need no files, for one parsed lesson: run its blocks (optionally)
/// and render its page. `LessonsFuzz` feeds thousands of inputs a second through here, so it
/// exercises what `lessons build` runs, minus the file system.
public enum InMemoryBuild {
    /// What one lesson produced.
    public struct Outcome: Sendable {
        /// Block and reference diagnostics (parse diagnostics stay with `LessonParser.parse`).
        public var diagnostics: [Diagnostic]
        /// The size of the rendered page, in bytes.
        public var pageBytes: Int
        /// The size of the lesson's notebook (LessonNotebook), in bytes.
        public var notebookBytes: Int
        /// Output files the blocks made (figures, traces).
        public var files: Int
    }

    /// Runs the lesson's blocks when `runBlocks` is true (no cache; a `csv` data line finds no
    /// file), then renders the page with no images found and no other lessons.
    public static func run(_ lesson: Lesson, runBlocks: Bool) -> Outcome {
        var diagnostics = Diagnostics(path: lesson.path)
        var result = BlockRunner.Result()
        if runBlocks {
            // A lessons folder that cannot exist: data files are "not found", nothing is read.
            let nowhere = "/nonexistent/lessons-in-memory"
            result = BlockRunner.run(lesson, data: DataResolver(lessonsDirectory: nowhere, lessonsRoot: nowhere),
                                     cache: nil, diagnostics: &diagnostics)
        }
        var context = PageContext(courseTitle: "Course", images: [:], lessonSlugs: [lesson.relativePath: lesson.slug],
                                  widgets: result.widgets, quotes: result.quotes)
        context.models = result.models
        context.exercises = result.exercises
        let page = LessonPage.render(lesson, context: context)
        let notebook = LessonNotebook.file(lesson, context: context)
        return Outcome(diagnostics: diagnostics.all, pageBytes: page.utf8.count, notebookBytes: notebook.count, files: result.files.count)
    }
}
