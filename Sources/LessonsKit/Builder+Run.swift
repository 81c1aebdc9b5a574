import LessonModel

extension Builder {
    /// Checks what can be checked before anything runs: unique pages, images, and (for
    /// `lessons check`) every block; otherwise names each lesson's blocks for the run.
    static func checkAndPlan(_ course: inout LoadedCourse, in context: BuildContext) -> [PlannedLesson] {
        checkSlugs(course.lessons, reserved: course.editions?.indexFolders ?? [], into: &course.diagnostics)
        let options = context.options
        let resolver = ImageResolver(lessonsDirectory: options.lessonsDirectory, lessonsRoot: context.lessonsRoot)
        let data = dataResolver(context)
        let loaded = course.diagnostics
        let bibliography = course.bibliography
        return Parallel.map(course.lessons, jobs: options.jobs) { lesson in
            var d = loaded[lesson.path] ?? Diagnostics(path: lesson.path)
            let resolved = resolver.resolve(lesson, diagnostics: &d)
            CitationChecker.check(lesson, against: bibliography, diagnostics: &d)
            var blocks: [(block: LessonBlock, stem: String)] = []
            if options.checkOnly {
                BlockChecker.check(lesson, data: data, diagnostics: &d)
            } else {
                blocks = BlockRunner.plan(lesson, diagnostics: &d)
            }
            return PlannedLesson(diagnostics: d, images: resolved.targets, copies: resolved.copies, blocks: blocks)
        }
    }

    /// Runs every graph and model block of every lesson as one pool of work (a lesson of three
    /// big models no longer keeps one worker busy while the others idle), then each lesson's
    /// comparisons and quotes. Results are kept by index, so the output is the same for every
    /// number of jobs.
    static func runBlocks(_ course: LoadedCourse, planned: [PlannedLesson], in context: BuildContext) -> [RanLesson] {
        let options = context.options
        let lessons = course.lessons
        guard !options.checkOnly else {
            return planned.map { RanLesson(diagnostics: $0.diagnostics, result: BlockRunner.Result()) }
        }
        let data = dataResolver(context)
        let cache = context.cache
        let work = planned.enumerated().flatMap { index, lesson in
            lesson.blocks.filter { $0.block.kind != .compare }.map { (lesson: index, block: $0.block, stem: $0.stem) }
        }
        // Models first: they take longest, and a long one started last would leave workers idle.
        let schedule = work.indices.filter { work[$0].block.kind == .model } + work.indices.filter { work[$0].block.kind != .model }
        let scheduled = Parallel.map(schedule, jobs: options.jobs) { i in
            BlockRunner.execute(work[i].block, stem: work[i].stem, lesson: lessons[work[i].lesson], data: data, cache: cache)
        }
        var outcomes = [BlockRunner.Outcome](repeating: BlockRunner.Outcome(), count: work.count)
        for (i, outcome) in zip(schedule, scheduled) { outcomes[i] = outcome }
        var grouped = [[BlockRunner.Outcome]](repeating: [], count: lessons.count)
        for (job, outcome) in zip(work, outcomes) { grouped[job.lesson].append(outcome) }
        let outcomesByLesson = grouped
        return Parallel.map(Array(lessons.indices), jobs: options.jobs) { i in
            var d = planned[i].diagnostics
            let result = BlockRunner.assemble(lessons[i], blocks: planned[i].blocks, outcomes: outcomesByLesson[i], diagnostics: &d)
            return RanLesson(diagnostics: d, result: result)
        }
    }

    private static func dataResolver(_ context: BuildContext) -> DataResolver {
        DataResolver(lessonsDirectory: context.options.lessonsDirectory, lessonsRoot: context.lessonsRoot)
    }

    /// Two lessons may not share a page; the later file gets the error, naming the earlier one.
    private static func checkSlugs(_ lessons: [Lesson], reserved: [String], into perLesson: inout [String: Diagnostics]) {
        var owners: [String: Lesson] = [:]
        for lesson in lessons.sorted(by: { Array($0.relativePath.utf8).lexicographicallyPrecedes(Array($1.relativePath.utf8)) }) {
            if lesson.slug == "assets" {
                // `assets/` holds the site's stylesheet and script.
                perLesson[lesson.path, default: Diagnostics(path: lesson.path)].error(
                    SourcePosition(line: 1, column: 1),
                    "lesson page 'assets' would share the folder of the site's stylesheet and script; rename the file")
            } else if lesson.slug == "shared" {
                // `shared/` holds the traces that several lessons make byte for byte (`SharedTraces`).
                perLesson[lesson.path, default: Diagnostics(path: lesson.path)].error(
                    SourcePosition(line: 1, column: 1),
                    "lesson page 'shared' would share the folder of the traces that lessons share; rename the file")
            } else if reserved.contains(lesson.slug) {
                // `<code>/index.html` is that edition's index.
                perLesson[lesson.path, default: Diagnostics(path: lesson.path)].error(
                    SourcePosition(line: 1, column: 1),
                    "lesson page '\(lesson.slug)' would share the folder of the '\(lesson.slug)' edition's index; rename the file")
            } else if let owner = owners[lesson.slug] {
                perLesson[lesson.path, default: Diagnostics(path: lesson.path)].error(
                    SourcePosition(line: 1, column: 1),
                    "lesson page '\(lesson.slug)' is also the page of \(owner.path); rename one of the files")
            } else {
                owners[lesson.slug] = lesson
            }
        }
    }
}
