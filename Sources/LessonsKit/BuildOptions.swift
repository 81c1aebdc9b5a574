import LessonModel

/// What `lessons build` was asked to do.
public struct BuildOptions: Sendable {
    /// The lessons folder, as the user wrote it (diagnostic paths start with it).
    public var lessonsDirectory: String
    /// The output folder, replaced as a whole when the build succeeds.
    public var outputDirectory: String
    /// How many blocks and lessons build at once (the output does not depend on it).
    public var jobs: Int
    /// False to ignore the block cache: every block runs again (and nothing is stored).
    public var useCache: Bool
    /// Where the block cache lives; nil for `.lessons-cache` next to the lessons folder.
    public var cacheDirectory: String?
    /// `lessons check`: verify everything but run no block and write nothing.
    public var checkOnly = false
    /// Also print the whole course to `course.pdf` with headless Chromium.
    public var pdf = false
    /// Where the site will be published (`https://example.org/course/`): pages get canonical
    /// links and the output a `sitemap.xml`. Links between pages are relative either way.
    public var baseURL: String?

    public init(lessonsDirectory: String = "lessons", outputDirectory: String = "output", jobs: Int = 1, useCache: Bool = true,
                cacheDirectory: String? = nil) {
        self.lessonsDirectory = lessonsDirectory
        self.outputDirectory = outputDirectory
        self.jobs = jobs
        self.useCache = useCache
        self.cacheDirectory = cacheDirectory
    }
}

/// The tool's version, shown by `lessons --version`.
public enum LessonsVersion {
    public static let string = "0.1.0"
}

/// What a build did: every diagnostic, and what was written.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic] = []
    /// The lesson pages written (zero when the build failed and nothing was written).
    public var pagesWritten = 0
    /// Blocks that ran in this build, and blocks whose results came from the cache.
    public var blocksRun = 0
    public var blocksCached = 0
    /// Nothing changed since the last clean build into the same output folder: nothing was done.
    public var upToDate = false

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    public var succeeded: Bool { errorCount == 0 }
}

extension BuildOptions {
    /// Where the site goes when `--output` is not given: `output` in the working directory, or,
    /// when that is inside the lessons folder (`lessons build .` run in it), `output` next to
    /// the lessons folder (`../output`), as the cache sits next to it.
    public static func defaultOutputDirectory(lessonsDirectory: String) -> String {
        let root = Paths.canonical(lessonsDirectory)
        guard let cwd = Paths.currentDirectory.map(Paths.canonical), Paths.isInside(cwd, root), root != "/" else { return "output" }
        let depth = Paths.components(cwd).count - Paths.components(root).count
        return String(repeating: "../", count: depth + 1) + "output"
    }
}
