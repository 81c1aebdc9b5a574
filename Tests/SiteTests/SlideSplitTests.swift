import Testing
import LessonModel
@testable import Site

private func lesson(_ markdown: String) -> Lesson? {
    LessonParser.parse(bytes: Array(markdown.utf8), path: "a.md", relativePath: "a.md").0
}

/// What each slide opens with: a heading's text, `---`, or the first block's kind.
private func openings(_ markdown: String) -> [String] {
    guard let lesson = lesson(markdown) else { return [] }
    return SlideSplit.slides(lesson.blocks).map { slide in
        switch slide.first?.kind {
        case .heading(let level, let content, _)?:
            if case .text(let text)? = content.first { return "h\(level) \(text)" }
            return "h\(level)"
        case .thematicBreak?: return "---"
        default: return "other \(slide.count)"
        }
    }
}

@Test func slidesBreakAtLevelTwoHeadingsAndThematicBreaks() {
    let markdown = """
    ---
    title: T
    ---
    Intro.

    More intro.

    ## One

    Text.

    ### A level-three heading stays on its slide

    ---

    After the rule.

    ## Two

    Last.
    """
    #expect(openings(markdown) == ["other 2", "h2 One", "---", "h2 Two"])
}

@Test func aLessonWithoutBreaksIsOneSlideAndAnEmptyOneHasNone() {
    #expect(openings("---\ntitle: T\n---\nJust text.\n\nAnd more.\n") == ["other 2"])
    #expect(SlideSplit.slides([]).isEmpty)
}

@Test func aNotesQuoteIsHiddenSpeakerNotesAndAnOrdinaryQuoteIsNot() throws {
    let markdown = "---\ntitle: T\n---\n## S\n\n> Notes: say *why*.\n\n> A quote.\n"
    let parsed = try #require(lesson(markdown))
    let html = LessonPage.article(parsed, context: PageContext(courseTitle: "C", images: [:], lessonSlugs: [:])).html
    #expect(html.contains("<aside class=\"slide-notes\" hidden>\n<p>Notes: say <em>why</em>.</p>\n</aside>"), "\(html)")
    #expect(html.contains("<blockquote>\n<p>A quote.</p>\n</blockquote>"))
    #expect(html.contains("<section class=\"slide\">\n<h2 id=\"s\">"))
    #expect(html.contains("<p class=\"slides-link\" hidden><a data-notes=\"Notes\""))
}
