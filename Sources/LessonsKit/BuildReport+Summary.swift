/// The closing line of a build, shared by `lessons serve` so its rebuilds read like `lessons build`.
extension BuildReport {
    /// `lessons: built 3 lessons into output/ (1 warning; 2 blocks run, 5 from the cache)`, `lessons: output/ is up to date (3 lessons)`
    /// or `lessons: 1 error, 0 warnings; output/ was left unchanged`.
    public func summary(outputDirectory: String) -> String {
        let shown = outputDirectory.hasSuffix("/") ? outputDirectory : outputDirectory + "/"
        let warnings = warningCount == 1 ? "1 warning" : "\(warningCount) warnings"
        let pages = pagesWritten == 1 ? "1 lesson" : "\(pagesWritten) lessons"
        if upToDate {
            return "lessons: \(shown) is up to date (\(pages); nothing changed since the last build)"
        }
        if succeeded {
            let run = blocksRun == 1 ? "1 block run" : "\(blocksRun) blocks run"
            let blocks = blocksRun + blocksCached == 0 ? "" : blocksCached == 0 ? "; \(run)" : "; \(run), \(blocksCached) from the cache"
            return "lessons: built \(pages) into \(shown) (\(warnings)\(blocks))"
        }
        let errors = errorCount == 1 ? "1 error" : "\(errorCount) errors"
        return "lessons: \(errors), \(warnings); \(shown) was left unchanged"
    }
}
