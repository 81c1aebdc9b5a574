import Foundation
import LessonModel
import Testing

/// The shipped course's exercises (issue 16, item 5): in each edition at least half of them are
/// answered on the page, and each lesson's two editions have the same answer boxes.
@Suite struct ExerciseCourseTests {
    private let root = shippedLessons

    /// Per lesson file: the items of the numbered lists under the "Exercises"/"练习" heading, and
    /// the `exercise` blocks among them (each as "block: what it sets, what it asks").
    private func exercises(_ folder: String) throws -> [String: (items: Int, boxes: [String])] {
        var found: [String: (items: Int, boxes: [String])] = [:]
        let names = try FileManager.default.contentsOfDirectory(atPath: root + "/" + folder).filter { $0.hasSuffix(".md") }
        for name in names {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: root + "/" + folder + name)))
            let (parsed, diagnostics) = LessonParser.parse(bytes: bytes, path: name, relativePath: folder + name)
            #expect(!diagnostics.contains { $0.severity == .error }, "\(folder)\(name): \(diagnostics)")
            let lesson = try #require(parsed)
            var inExercises = false, items = 0, boxes: [String] = []
            for block in lesson.blocks {
                if case .heading(let level, let content, _) = block.kind, level == 2 {
                    inExercises = [[.text("Exercises")], [.text("练习")]].contains(content)
                }
                guard inExercises, case .list(true, _, _, let list) = block.kind else { continue }
                items += list.count
                for item in list {
                    for case .exercise(let e) in item.map(\.kind) {
                        boxes.append("\(e.block): \(e.overrides.map { "\($0.name)\($0.index.map { "\($0)" } ?? "")=\($0.values)" }) \(e.ask.of ?? "")/\(e.ask.node)\(e.ask.index.map { "\($0)" } ?? "")")
                    }
                }
            }
            found[name] = (items, boxes)
        }
        return found
    }

    @Test func atLeastHalfOfEachEditionsExercisesAreAnsweredOnThePage() throws {
        for folder in ["", "zh/"] {
            let all = try exercises(folder).values
            let items = all.map(\.items).reduce(0, +), answered = all.map(\.boxes.count).reduce(0, +)
            #expect(items > 0 && answered * 2 >= items, "lessons/\(folder): \(answered) of \(items) exercises answered on the page")
        }
    }

    @Test func bothEditionsAskTheSameQuestions() throws {
        let english = try exercises(""), chinese = try exercises("zh/")
        for (name, en) in english {
            guard let zh = chinese[name] else { continue }
            #expect(en.items == zh.items, "\(name): \(en.items) exercises in English, \(zh.items) in Chinese")
            #expect(en.boxes == zh.boxes, "\(name): \(en.boxes) vs \(zh.boxes)")
        }
    }
}
