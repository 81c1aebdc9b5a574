/// The closing line of a build, shared by `lessons serve` so its rebuilds read like `lessons build`.
extension BuildReport {
    /// `lessons: built 3 lessons into output/ (1 warning)` or `lessons: 1 error, 0 warnings; output/ was left unchanged`.
    public func summary(outputDirectory: String) -> String {
        let warnings = warningCount == 1 ? "1 warning" : "\(warningCount) warnings"
        if succeeded {
            let pages = pagesWritten == 1 ? "1 lesson" : "\(pagesWritten) lessons"
            return "lessons: built \(pages) into \(outputDirectory)/ (\(warnings))"
        }
        let errors = errorCount == 1 ? "1 error" : "\(errorCount) errors"
        return "lessons: \(errors), \(warnings); \(outputDirectory)/ was left unchanged"
    }
}
