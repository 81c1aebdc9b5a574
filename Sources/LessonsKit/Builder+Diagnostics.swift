import LessonModel

extension Builder {
    /// Puts every file's diagnostics into the report, file by file in discovery order, each
    /// file's sorted by position and capped; counts the blocks that ran and came from the cache.
    static func collectDiagnostics(_ files: [String], course: LoadedCourse, ran: [RanLesson], in context: inout BuildContext) {
        var perLesson = course.diagnostics
        for (lesson, outcome) in zip(course.lessons, ran) {
            perLesson[lesson.path] = outcome.diagnostics
            context.report.blocksRun += outcome.result.ran
            context.report.blocksCached += outcome.result.cached
        }
        for relative in files {
            let path = Paths.join(context.options.lessonsDirectory, relative)
            context.report.diagnostics += capped(stableSorted(perLesson[path]?.all ?? [], path: path), path: path)
        }
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
