import LessonModel

/// Names the output files of a lesson's blocks: a block's own name, or `graph-1`, `model-2`...
/// for unnamed ones; two blocks with one name are an error on the later one.
enum BlockNaming {
    static func stems(_ lesson: Lesson, diagnostics: inout Diagnostics) -> [(block: LessonBlock, stem: String)] {
        var named: [(block: LessonBlock, stem: String)] = []
        var seen: [String: Int] = [:]
        var unnamed = 0
        let all = lesson.lessonBlocks
        if all.count > Lesson.maxBlocks {
            diagnostics.error(SourcePosition(line: all[Lesson.maxBlocks].fenceLine, column: 1),
                              "this lesson has \(all.count) graph and model blocks; the limit is \(Lesson.maxBlocks) per lesson, so split the lesson")
        }
        for block in all.prefix(Lesson.maxBlocks) {
            let stem: String
            if let name = block.name {
                stem = Slug.make(name, fallback: block.kind.rawValue)
            } else {
                unnamed += 1
                stem = "\(block.kind.rawValue)-\(unnamed)"
            }
            if let first = seen[stem] {
                diagnostics.error(SourcePosition(line: block.fenceLine, column: 1),
                                  "another block on line \(first) is also named '\(stem)'; block names must be unique in a lesson")
                continue
            }
            seen[stem] = block.fenceLine
            named.append((block, stem))
        }
        return named
    }
}
