import LessonModel

/// What `lessons build` was asked to do.
public struct BuildOptions: Sendable {
    /// The lessons folder, as the user wrote it (diagnostic paths start with it).
    public var lessonsDirectory: String
    /// The output folder, replaced as a whole when the build succeeds.
    public var outputDirectory: String
    /// How many lessons may build at once (accepted now; parallel builds come with the cache).
    public var jobs: Int
    /// False to ignore the block cache (accepted now; the cache comes later).
    public var useCache: Bool

    public init(lessonsDirectory: String = "lessons", outputDirectory: String = "output", jobs: Int = 1, useCache: Bool = true) {
        self.lessonsDirectory = lessonsDirectory
        self.outputDirectory = outputDirectory
        self.jobs = jobs
        self.useCache = useCache
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

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    public var succeeded: Bool { errorCount == 0 }
}
