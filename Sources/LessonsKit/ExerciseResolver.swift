import LessonModel
import Presentation
import Site
import Training

/// Works out each exercise of a lesson once its blocks have run (Presentation/ExercisePresentation),
/// reporting an exercise whose block, names or indices do not exist at its line and column.
enum ExerciseResolver {
    static func resolve(_ lesson: Lesson, traces: [String: Trace], widgets: [Int: GraphWidget],
                        diagnostics: inout Diagnostics) -> [Int: ExerciseView] {
        var views: [Int: ExerciseView] = [:]
        let blocks = lesson.lessonBlocks
        let words = Words.forLang(lesson.frontMatter.lang)
        for exercise in lesson.exercises {
            guard let block = blocks.first(where: { $0.name == exercise.block }) else {
                let names = blocks.compactMap(\.name)
                let hint = Suggestions.closest(to: exercise.block, among: names).map { "; did you mean '\($0)'?" }
                    ?? (names.isEmpty ? "; this lesson has no named blocks" : "")
                diagnostics.error(exercise.blockPosition, "no block named '\(exercise.block)' in this lesson\(hint)")
                continue
            }
            guard block.kind == .graph else {
                diagnostics.error(exercise.blockPosition, "'\(exercise.block)' is a \(block.kind.rawValue) block; an exercise asks about a graph block")
                continue
            }
            // A block that failed has reported its error already.
            guard let trace = traces[exercise.block], let widget = widgets[block.fenceLine] else { continue }
            switch ExercisePresentation.view(exercise, trace: trace, widgetID: widget.id, words: words) {
            case .success(let view): views[exercise.fenceLine] = view
            case .failure(let problem): diagnostics.error(problem.position, problem.message)
            }
        }
        return views
    }
}
