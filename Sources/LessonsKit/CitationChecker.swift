import LessonModel

/// Every citation's keys must name works of the bibliography: checked for `lessons check` and
/// `lessons build` alike, before any block runs.
enum CitationChecker {
    static func check(_ lesson: Lesson, against loaded: BibliographyFile.Loaded, diagnostics: inout Diagnostics) {
        for item in lesson.citations.flatMap(\.items) where loaded.bibliography[item.key] == nil {
            guard loaded.exists else {
                diagnostics.error(item.position, "cannot cite '\(item.key)': the course has no bibliography; expected its works in \(loaded.path)")
                continue
            }
            let hint = Suggestions.closest(to: item.key, among: loaded.bibliography.keys).map { "; did you mean '\($0)'?" } ?? ""
            diagnostics.error(item.position, "no work with the key '\(item.key)' in \(loaded.path)\(hint)")
        }
    }
}
