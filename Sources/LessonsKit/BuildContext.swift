import Foundation
import LessonModel
import Site

/// What the steps of one build share: the options, the folders as resolved, and the report that
/// every step adds its diagnostics to.
struct BuildContext {
    let options: BuildOptions
    /// The lessons folder, absolute and with links resolved (for containment checks).
    let lessonsRoot: String
    let writer: OutputWriter
    /// The cache folder as typed (for messages) and where it really is (for files).
    let cacheDirectory: String
    let cacheFolder: String
    /// The block cache, when this build uses one; it remembers which entries the build used,
    /// so the write step can prune the rest.
    let cache: BlockCache?
    var report = BuildReport()
    /// The digest of every input, when the build may be skipped next time (see `BuildStamp`).
    var stampDigest: String?

    init(options: BuildOptions) {
        self.options = options
        lessonsRoot = Paths.canonical(options.lessonsDirectory)
        writer = OutputWriter(outputDirectory: options.outputDirectory)
        cacheDirectory = options.cacheDirectory ?? Builder.defaultCacheDirectory(options)
        // Messages name the cache as typed; files go where it really is (`c/missing/../d` is `c/d`).
        cacheFolder = Paths.canonical(cacheDirectory)
        cache = options.useCache && !options.checkOnly ? BlockCache(directory: cacheFolder) : nil
    }

    /// True when this build runs blocks and may use the block cache.
    var usesCache: Bool { options.useCache && !options.checkOnly }
}

/// The course after the load step: its settings and every lesson that parsed, in course order.
struct LoadedCourse {
    var config: CourseConfig
    /// `bibliography.yml`: what the lessons' `[@key]` cite.
    var bibliography: BibliographyFile.Loaded
    var lessons: [Lesson]
    /// Every file's diagnostics so far, by the lesson's path.
    var diagnostics: [String: Diagnostics]
    /// The edition whose lessons come first and whose language the index speaks.
    var mainEdition: String
    /// Every edition, its index and title, and which lessons translate which.
    var editions: Editions? = nil
}

/// One lesson after the check step: its diagnostics, its images, and its blocks with their
/// output names (none for `lessons check`, which runs nothing).
struct PlannedLesson {
    var diagnostics: Diagnostics
    var images: [String: ImageTarget]
    var copies: [ImageResolver.Copy]
    var blocks: [(block: LessonBlock, stem: String)]
}

/// One lesson after its blocks ran: every diagnostic, and what the blocks produced.
struct RanLesson {
    var diagnostics: Diagnostics
    var result: BlockRunner.Result
}

/// The site as it will be written: files by output-relative path, images to copy, and what
/// runs on the finished staging folder before it replaces the output (the PDF handout).
struct RenderedSite {
    var files: [(String, [UInt8])] = []
    var copies: [ImageResolver.Copy] = []
    var beforeSwap: ((URL) -> Diagnostic?)?
}
