import Foundation
import LessonModel
import Site

/// `lessons build`: load -> check -> run -> render -> write, as named steps over one build.
public enum Builder {
    /// Builds the site; never throws: every problem is a diagnostic in the report.
    public static func build(_ options: BuildOptions) -> BuildReport {
        var report = BuildReport()
        let lessonsRoot = Paths.canonical(options.lessonsDirectory)
        let writer = OutputWriter(outputDirectory: options.outputDirectory)

        // Load: discover and parse every lesson; a broken one does not stop the others.
        let files: [String]
        switch LessonDiscovery.find(in: options.lessonsDirectory, root: lessonsRoot,
                                    excluding: Paths.canonical(options.outputDirectory)) {
        case .failure(let d): report.diagnostics.append(d); return report
        case .success(let found): files = found.files; report.diagnostics += found.diagnostics
        }
        if !options.checkOnly, let refusal = writer.check(lessonsRoot: lessonsRoot) {
            report.diagnostics.append(refusal)
            return report
        }
        let cacheDirectory = options.cacheDirectory ?? defaultCacheDirectory(options)
        if options.useCache, !options.checkOnly,
           Paths.isInside(Paths.canonical(cacheDirectory), Paths.canonical(options.outputDirectory)) {
            report.diagnostics.append(.fileError(cacheDirectory,
                "the cache folder is inside the output folder, which every build replaces; choose another --cache-dir"))
            return report
        }
        if options.useCache, !options.checkOnly, let problem = OutputWriter.checkFolderOrMissing(cacheDirectory, what: "cache folder; choose another --cache-dir") {
            report.diagnostics.append(problem)
            return report
        }
        if options.useCache, !options.checkOnly, let refusal = CacheFolder(path: cacheDirectory).checkForBuild() {
            report.diagnostics.append(.fileError(cacheDirectory, refusal))
            return report
        }
        // Up to date: nothing read by the last clean build changed, and its output is untouched.
        var stampDigest: String?
        // Messages name the cache as typed; files go where it really is (`c/missing/../d` is `c/d`).
        let cacheFolder = Paths.canonical(cacheDirectory)
        let stampPath = BuildStamp.path(cacheDirectory: cacheFolder, outputDirectory: options.outputDirectory)
        if options.useCache, !options.checkOnly {
            stampDigest = BuildStamp.inputDigest(options, lessonsRoot: lessonsRoot, cacheDirectory: cacheDirectory)
            if let digest = stampDigest, let stamp = BuildStamp.load(stampPath), stamp.inputs == digest,
               BuildStamp.listing(of: options.outputDirectory) == stamp.output {
                report.upToDate = true
                report.pagesWritten = stamp.lessons
                return report
            }
        }
        let course = CourseConfig.load(lessonsDirectory: options.lessonsDirectory, lessonsRoot: lessonsRoot,
                                       diagnostics: &report.diagnostics)
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

        // Check: slugs are unique; images are resolved.
        let mainEdition = IndexPage.edition(of: course.lang, default: "en")
        lessons.sort { courseOrder($0, $1, mainEdition: mainEdition) }
        checkSlugs(lessons, into: &perLesson)
        let resolver = ImageResolver(lessonsDirectory: options.lessonsDirectory, lessonsRoot: lessonsRoot)
        let data = DataResolver(lessonsDirectory: options.lessonsDirectory, lessonsRoot: lessonsRoot)
        var images: [String: [String: ImageTarget]] = [:]
        var copies: [ImageResolver.Copy] = []
        var blocks: [String: BlockRunner.Result] = [:]
        let cache = options.useCache && !options.checkOnly ? BlockCache(directory: cacheFolder) : nil
        // Run: first each lesson's images and block names, then every graph and model block of
        // every lesson as one pool of work (a lesson of three big models no longer keeps one
        // worker busy while the others idle), then each lesson's comparisons and quotes. Results
        // are kept by index, so the output is the same for every number of jobs.
        let loaded = perLesson
        let planned = Parallel.map(lessons, jobs: options.jobs) { lesson in
            var d = loaded[lesson.path] ?? Diagnostics(path: lesson.path)
            let resolved = resolver.resolve(lesson, diagnostics: &d)
            if options.checkOnly {
                BlockChecker.check(lesson, data: data, diagnostics: &d)
                return (d, resolved, [(block: LessonBlock, stem: String)]())
            }
            let blocks = BlockRunner.plan(lesson, diagnostics: &d)
            return (d, resolved, blocks)
        }
        let work = planned.enumerated().flatMap { index, lesson in
            lesson.2.filter { $0.block.kind != .compare }.map { (lesson: index, block: $0.block, stem: $0.stem) }
        }
        let ordered = lessons
        // Models first: they take longest, and a long one started last would leave workers idle.
        let schedule = work.indices.filter { work[$0].block.kind == .model } + work.indices.filter { work[$0].block.kind != .model }
        let scheduled = Parallel.map(schedule, jobs: options.jobs) { i in
            BlockRunner.execute(work[i].block, stem: work[i].stem, lesson: ordered[work[i].lesson], data: data, cache: cache)
        }
        var outcomes = [BlockRunner.Outcome](repeating: BlockRunner.Outcome(), count: work.count)
        for (i, outcome) in zip(schedule, scheduled) { outcomes[i] = outcome }
        var grouped = [[BlockRunner.Outcome]](repeating: [], count: lessons.count)
        for (job, outcome) in zip(work, outcomes) { grouped[job.lesson].append(outcome) }
        let outcomesByLesson = grouped
        let finished = Parallel.map(Array(lessons.indices), jobs: options.jobs) { i in
            var d = planned[i].0
            let result = options.checkOnly ? BlockRunner.Result()
                : BlockRunner.assemble(ordered[i], blocks: planned[i].2, outcomes: outcomesByLesson[i], diagnostics: &d)
            return (d, result)
        }
        for (i, lesson) in lessons.enumerated() {
            perLesson[lesson.path] = finished[i].0
            images[lesson.path] = planned[i].1.targets
            copies += planned[i].1.copies
            blocks[lesson.path] = finished[i].1
            report.blocksRun += finished[i].1.ran
            report.blocksCached += finished[i].1.cached
        }
        for relative in files {
            let path = Paths.join(options.lessonsDirectory, relative)
            report.diagnostics += capped(stableSorted(perLesson[path]?.all ?? [], path: path), path: path)
        }
        guard report.succeeded, !options.checkOnly else { return report }

        // Render: every page, the index, and our assets.
        var outputFiles: [(String, [UInt8])] = []
        func sameEdition(_ a: Lesson, _ b: Lesson) -> Bool {
            IndexPage.edition(of: a.frontMatter.lang, default: mainEdition) == IndexPage.edition(of: b.frontMatter.lang, default: mainEdition)
        }
        let slugs = Dictionary(lessons.map { ($0.relativePath, $0.slug) }, uniquingKeysWith: { a, _ in a })
        var printed: [(lesson: Lesson, context: PageContext)] = []
        for (i, lesson) in lessons.enumerated() {
            var context = PageContext(
                courseTitle: course.title,
                previous: i > 0 && sameEdition(lessons[i - 1], lesson) ? LessonLink(slug: lessons[i - 1].slug, title: lessons[i - 1].title) : nil,
                next: i + 1 < lessons.count && sameEdition(lessons[i + 1], lesson)
                    ? LessonLink(slug: lessons[i + 1].slug, title: lessons[i + 1].title) : nil,
                images: images[lesson.path] ?? [:], lessonSlugs: slugs, widgets: blocks[lesson.path]?.widgets ?? [:],
                quotes: blocks[lesson.path]?.quotes ?? [:])
            context.models = blocks[lesson.path]?.models ?? [:]
            context.charts = blocks[lesson.path]?.charts ?? [:]
            context.canonicalURL = options.baseURL.map { $0 + HTML.pathURL(lesson.slug) + "/" }
            outputFiles.append(("\(lesson.slug)/index.html", Array(LessonPage.render(lesson, context: context).utf8)))
            printed.append((lesson, context))
            for (path, bytes) in blocks[lesson.path]?.files ?? [] { outputFiles.append(("\(lesson.slug)/\(path)", bytes)) }
        }
        let entries = lessons.map {
            IndexPage.Entry(slug: $0.slug, title: $0.title, summary: $0.frontMatter.summary, lang: $0.frontMatter.lang)
        }
        let index = IndexPage.render(courseTitle: course.title, description: course.description,
                                     lang: course.lang ?? lessons.first?.frontMatter.lang ?? "en", entries: entries,
                                     canonical: options.baseURL)
        outputFiles.append(("index.html", Array(index.utf8)))
        outputFiles.append(("assets/\(Stylesheet.fileName)", Array(Stylesheet.css.utf8)))
        if let base = options.baseURL {
            let urls = [base] + lessons.map { base + HTML.pathURL($0.slug) + "/" }
            let sitemap = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                + urls.map { "<url><loc>\(HTML.text($0))</loc></url>\n" }.joined() + "</urlset>\n"
            outputFiles.append(("sitemap.xml", Array(sitemap.utf8)))
        }
        outputFiles.append(("assets/\(Script.fileName)", Array(Script.javaScript.utf8)))

        var beforeSwap: ((URL) -> Diagnostic?)?
        if options.pdf {
            outputFiles.append((PrintPage.fileName, Array(PrintPage.render(courseTitle: course.title, description: course.description,
                                                                          lang: course.lang ?? "en", lessons: printed).utf8)))
            beforeSwap = { staging in Handout.print(staging, outputDirectory: options.outputDirectory) }
        }

        // Write: all or nothing.
        if let failure = writer.write(files: outputFiles, copies: copies, beforeSwap: beforeSwap) {
            report.diagnostics.append(failure)
            return report
        }
        report.pagesWritten = lessons.count
        cache?.pruneUnused()
        // Only a build without a single diagnostic may be skipped next time: warnings must repeat.
        if let digest = stampDigest, report.diagnostics.isEmpty, let listing = BuildStamp.listing(of: options.outputDirectory) {
            BuildStamp(inputs: digest, lessons: lessons.count, output: listing)
                .store(cacheDirectory: cacheFolder, outputDirectory: options.outputDirectory)
        }
        return report
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

    /// Two lessons may not share a page; the later file gets the error, naming the earlier one.
    private static func checkSlugs(_ lessons: [Lesson], into perLesson: inout [String: Diagnostics]) {
        var owners: [String: Lesson] = [:]
        for lesson in lessons.sorted(by: { Array($0.relativePath.utf8).lexicographicallyPrecedes(Array($1.relativePath.utf8)) }) {
            if lesson.slug == "assets" {
                // `assets/` holds the site's stylesheet and script.
                perLesson[lesson.path, default: Diagnostics(path: lesson.path)].error(
                    SourcePosition(line: 1, column: 1),
                    "lesson page 'assets' would share the folder of the site's stylesheet and script; rename the file")
            } else if let owner = owners[lesson.slug] {
                perLesson[lesson.path, default: Diagnostics(path: lesson.path)].error(
                    SourcePosition(line: 1, column: 1),
                    "lesson page '\(lesson.slug)' is also the page of \(owner.path); rename one of the files")
            } else {
                owners[lesson.slug] = lesson
            }
        }
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

    /// The most diagnostics shown for one lesson file: past that, a file of garbage would bury
    /// the other lessons' problems (like a compiler's error limit). Above a block's own limit
    /// (`BlockLanguage.maxErrors`), so one block's report is always shown whole.
    static let maxDiagnosticsPerFile = 200

    /// The first `maxDiagnosticsPerFile` diagnostics, then one that counts the rest.
    static func capped(_ diagnostics: [Diagnostic], path: String) -> [Diagnostic] {
        guard diagnostics.count > maxDiagnosticsPerFile else { return diagnostics }
        let hidden = diagnostics[maxDiagnosticsPerFile...]
        let errors = hidden.filter { $0.severity == .error }.count
        let warnings = hidden.count - errors
        let counted = [(errors, "error"), (warnings, "warning")].filter { $0.0 > 0 }
            .map { $0.0 == 1 ? "1 more \($0.1)" : "\($0.0) more \($0.1)s" }
        // An error only when errors were hidden: hiding warnings must not fail a build.
        return Array(diagnostics.prefix(maxDiagnosticsPerFile)) + [Diagnostic(errors > 0 ? .error : .warning, path, nil,
            "too many problems in this file: \(counted.joined(separator: " and ")) not shown; fix the ones above first")]
    }

    /// Diagnostics of one lesson by position; ties keep the order they were found in. A
    /// diagnostic in another file (a CSV file the lesson reads) stays just before the lesson's
    /// diagnostic that follows it ("cannot use data file ... (see the error above)").
    static func stableSorted(_ diagnostics: [Diagnostic], path: String) -> [Diagnostic] {
        let zero = SourcePosition(line: 0, column: 0)
        var keys = [SourcePosition](repeating: zero, count: diagnostics.count)
        var following = SourcePosition(line: Int.max, column: Int.max)
        for i in diagnostics.indices.reversed() {
            if diagnostics[i].path == path { following = diagnostics[i].position ?? zero }
            keys[i] = following
        }
        return diagnostics.indices.sorted { a, b in keys[a] != keys[b] ? keys[a] < keys[b] : a < b }.map { diagnostics[$0] }
    }
}
