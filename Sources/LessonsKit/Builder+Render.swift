import Autodiff
import LessonModel
import Site

extension Builder {
    /// Every page, the index, the sitemap, our assets and (with `--pdf`) the print page, in the
    /// order they have always been written.
    static func render(_ course: LoadedCourse, planned: [PlannedLesson], ran: [RanLesson], in context: BuildContext) -> RenderedSite {
        let options = context.options
        let lessons = course.lessons
        var site = RenderedSite()
        let slugs = Dictionary(lessons.map { ($0.relativePath, $0.slug) }, uniquingKeysWith: { a, _ in a })
        var printed: [(lesson: Lesson, context: PageContext)] = []
        let editions = course.editions?.separate == true ? course.editions : nil
        let shared = SharedTraces(slugs: lessons.map(\.slug), files: ran.map(\.result.files))
        // A lesson's code folder: its blocks' programs and data files, and the long listings its page loads.
        let listings = ran.map { graphs($0.result).flatMap(CodeListings.files).map { ($0.path, $0.bytes) } }
        let code = SharedCode(slugs: lessons.map(\.slug), files: zip(ran, listings).map { $0.result.files + $1 })
        let search = SearchFiles(course)
        // Lessons render in parallel (a prose edit rebuilds every page); their files keep the order
        // of a serial build. (Making the search indexes beside them, in `Parallel.both`, left the
        // pages one core: a nested concurrentPerform may run its iterations on the calling thread.)
        let pages = Parallel.map(Array(lessons.indices), jobs: options.jobs) { i in
            renderLesson(i, course: course, planned: planned[i], ran: ran[i], listings: listings[i], shared: shared, code: code,
                         search: search, editions: editions, slugs: slugs, options: options)
        }
        let searchFiles = search.files(course, ran: ran)
        for page in pages {
            site.files += page.files
            site.copies += page.copies
            printed.append(page.printed)
        }
        site.files += shared.files + code.files
        let entries = lessons.map {
            IndexPage.Entry(slug: $0.slug, title: $0.title, summary: $0.frontMatter.summary, lang: $0.frontMatter.lang)
        }
        if let editions {
            // One index per edition, in its language: the main one at the top, the others in `<code>/`.
            for (i, edition) in editions.all.enumerated() {
                let own = entries.filter { editions.edition(ofSlug: $0.slug)?.code == edition.code }
                let root = i == 0 ? "" : "../"
                let index = IndexPage.render(courseTitle: edition.title, description: edition.description, lang: edition.lang,
                                             entries: own, canonical: options.baseURL.map { $0 + (i == 0 ? "" : edition.code + "/") },
                                             root: root, edition: editions.indexLinks(i), search: search.byEdition[edition.code])
                site.files.append((edition.index, Array(index.utf8)))
            }
        } else {
            let index = IndexPage.render(courseTitle: course.config.title, description: course.config.description,
                                         lang: course.config.lang ?? lessons.first?.frontMatter.lang ?? "en", entries: entries,
                                         canonical: options.baseURL, search: search.byEdition[course.mainEdition])
            site.files.append(("index.html", Array(index.utf8)))
        }
        site.files.append(("assets/\(Stylesheet.fileName)", Array(Stylesheet.css.utf8)))
        if let base = options.baseURL {
            site.files.append((SitemapWriter.fileName, SitemapWriter.sitemap(base: base, slugs: (editions?.indexFolders ?? []) + lessons.map(\.slug))))
        }
        site.files.append(("assets/\(Script.fileName)", Array(Script.javaScript.utf8)))
        // The engine's kernels, which a page loads on the first edit of a graph (Script+Live).
        site.files.append(("assets/\(JavaScriptKernels.fileName)", Array(JavaScriptKernels.source.utf8)))
        site.files += searchFiles
        if options.pdf {
            let page = PrintPage.render(courseTitle: course.config.title, description: course.config.description,
                                        lang: course.config.lang ?? "en", lessons: printed)
            site.files.append((PrintPage.fileName, Array(page.utf8)))
            site.beforeSwap = { staging in Handout.print(staging, outputDirectory: options.outputDirectory) }
        }
        return site
    }

    /// One lesson's page, notebook and the files its page loads.
    private struct LessonFiles: Sendable {
        var files: [(String, [UInt8])] = []
        var copies: [ImageResolver.Copy] = []
        var printed: (lesson: Lesson, context: PageContext)
    }

    /// `listings`: the lesson's long code listings (`CodeListings`), made once for `SharedCode` too.
    private static func renderLesson(_ i: Int, course: LoadedCourse, planned: PlannedLesson, ran: RanLesson,
                                     listings: [(String, [UInt8])], shared: SharedTraces, code: SharedCode, search: SearchFiles,
                                     editions: Editions?, slugs: [String: String], options: BuildOptions) -> LessonFiles {
        let lessons = course.lessons
        let lesson = lessons[i]
        func sameEdition(_ a: Lesson, _ b: Lesson) -> Bool {
            IndexPage.edition(of: a.frontMatter.lang, default: course.mainEdition)
                == IndexPage.edition(of: b.frontMatter.lang, default: course.mainEdition)
        }
        var blocks = ran.result
        blocks.widgets = blocks.widgets.mapValues { code.relinked(shared.relinked($0, slug: lesson.slug), slug: lesson.slug) }
        blocks.models = blocks.models.mapValues { model in
            var model = model
            model.graph = code.relinked(shared.relinked(model.graph, slug: lesson.slug), slug: lesson.slug)
            return model
        }
        var page = PageContext(
            courseTitle: editions?.edition(ofSlug: lesson.slug)?.title ?? course.config.title,
            previous: i > 0 && sameEdition(lessons[i - 1], lesson) ? LessonLink(slug: lessons[i - 1].slug, title: lessons[i - 1].title) : nil,
            next: i + 1 < lessons.count && sameEdition(lessons[i + 1], lesson)
                ? LessonLink(slug: lessons[i + 1].slug, title: lessons[i + 1].title) : nil,
            images: planned.images, lessonSlugs: slugs, widgets: blocks.widgets, quotes: blocks.quotes)
        page.models = blocks.models
        page.bibliography = course.bibliography.bibliography
        page.charts = blocks.charts
        page.exercises = blocks.exercises
        page.canonicalURL = options.baseURL.map { $0 + HTML.pathURL(lesson.slug) + "/" }
        page.edition = editions?.links(forSlug: lesson.slug)
        page.searchIndex = search.bySlug[lesson.slug]
        page.notebook = LessonNotebook.fileName(slug: lesson.slug)
        let shown = page, relinked = blocks
        // The page and its notebook are made beside the files the page loads.
        let (made, loaded) = Parallel.both({
            [("\(lesson.slug)/index.html", Array(LessonPage.render(lesson, context: shown).utf8)),
             // The lesson as a Jupyter notebook, next to its page (LessonNotebook).
             ("\(lesson.slug)/\(LessonNotebook.fileName(slug: lesson.slug))", LessonNotebook.file(lesson, context: shown))]
        }, {
            loadedFiles(lesson, blocks: relinked, listings: listings, shared: shared, code: code)
        })
        page.notebook = nil  // the printed handout has no download link
        return LessonFiles(files: made + loaded, copies: planned.copies, printed: (lesson: lesson, context: page))
    }

    /// The files a lesson's page loads only when used: the sliders' step files, long code
    /// listings, opened-group drawings, retraining data and live-graph data.
    private static func loadedFiles(_ lesson: Lesson, blocks: BlockRunner.Result, listings: [(String, [UInt8])],
                                    shared: SharedTraces, code: SharedCode) -> [(String, [UInt8])] {
        var files: [(String, [UInt8])] = []
        let graphs = graphs(blocks)
        // Opened-group drawings travel inside their views file (GroupViews), not as files of their own.
        let packed = Set(graphs.flatMap { $0.views.map(\.svg) })
        let drawings = Dictionary(blocks.files.filter { packed.contains($0.0) }, uniquingKeysWith: { first, _ in first })
        for (path, bytes) in code.remaining(slug: lesson.slug, shared.remaining(slug: lesson.slug, blocks.files)) where !packed.contains(path) {
            files.append(("\(lesson.slug)/\(path)", bytes))
        }
        for file in graphs.compactMap(StepData.file) { files.append(("\(lesson.slug)/\(file.path)", file.bytes)) }
        if !code.isShared(slug: lesson.slug) {
            for (path, bytes) in listings { files.append(("\(lesson.slug)/\(path)", bytes)) }
        }
        for file in graphs.compactMap({ GroupViews.file($0, lang: lesson.frontMatter.lang, drawing: { drawings[$0] }) }) {
            files.append(("\(lesson.slug)/\(file.path)", file.bytes))
        }
        for file in blocks.models.sorted(by: { $0.key < $1.key }).compactMap({ RetrainData.file($0.value) }) {
            files.append(("\(lesson.slug)/\(file.path)", file.bytes))
        }
        for file in graphs.compactMap({ LiveData.file($0, lang: lesson.frontMatter.lang) }) {
            files.append(("\(lesson.slug)/\(file.path)", file.bytes))
        }
        return files
    }

    /// A lesson's graphs: its graph blocks', then its models', in block order.
    private static func graphs(_ blocks: BlockRunner.Result) -> [GraphWidget] {
        blocks.widgets.sorted { $0.key < $1.key }.map(\.value) + blocks.models.sorted { $0.key < $1.key }.map(\.value.graph)
    }

    /// Writes the site all or nothing, prunes cache entries this build did not use, and stamps a
    /// build without a single diagnostic so that the next one may be skipped.
    static func write(_ site: RenderedSite, lessons: Int, in context: inout BuildContext) {
        let options = context.options
        if let failure = context.writer.write(files: site.files, copies: site.copies, beforeSwap: site.beforeSwap) {
            context.report.diagnostics.append(failure)
            return
        }
        context.report.pagesWritten = lessons
        context.cache?.pruneUnused()
        // Warnings must repeat, so only a build without a single diagnostic may be skipped next time.
        if let digest = context.stampDigest, context.report.diagnostics.isEmpty,
           let listing = BuildStamp.listing(of: options.outputDirectory) {
            BuildStamp(inputs: digest, lessons: lessons, output: listing)
                .store(cacheDirectory: context.cacheFolder, outputDirectory: options.outputDirectory)
        }
    }
}
