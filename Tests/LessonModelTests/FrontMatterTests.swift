import Testing
@testable import LessonModel

private func parse(_ text: String) -> (Lesson?, [String]) {
    let (lesson, diags) = LessonParser.parse(bytes: Array(text.utf8), path: "l/a.md", relativePath: "a.md")
    return (lesson, diags.map(\.description))
}

@Test func knownKeysAreRead() {
    let (lesson, diags) = parse("---\ntitle: XOR\norder: 4\nsummary: One line.\nlang: zh-CN\nlayout: post\n---\n# Body\n")
    #expect(diags.isEmpty)
    #expect(lesson?.frontMatter == {
        var f = FrontMatter(title: "XOR", order: 4, summary: "One line.", lang: "zh-CN")
        f.other = ["layout": "post"]
        return f
    }())
    #expect(lesson?.title == "XOR")
}

@Test func excerptIsTheSummaryWhenSummaryIsAbsent() {
    #expect(parse("---\nexcerpt: From Jekyll\n---\n").0?.frontMatter.summary == "From Jekyll")
    #expect(parse("---\nsummary: Ours\nexcerpt: Theirs\n---\n").0?.frontMatter.summary == "Ours")
}

@Test func yamlErrorIsLocatedInTheLessonFile() {
    let (_, diags) = parse("---\ntitle: ok\ntags: [a, b\n---\nbody\n")
    #expect(diags.count == 1)
    #expect(diags.first?.hasPrefix("l/a.md:4:1: error: invalid YAML front matter: ") == true)
}

@Test func yamlBadIndentationIsLocated() {
    let (_, diags) = parse("---\ntitle: a\n  order: 2\n---\n")
    #expect(diags == ["l/a.md:3:8: error: invalid YAML front matter: mapping values are not allowed in this context"])
}

@Test func unclosedFrontMatterIsAnErrorAtLineOne() {
    let (_, diags) = parse("---\ntitle: x\n\n# Heading\n")
    #expect(diags == ["l/a.md:1:1: error: front matter opened with '---' is never closed; expected a '---' line after it"])
}

@Test func orderMustBeANumber() {
    let (_, diags) = parse("---\norder: first\n---\n")
    #expect(diags == ["l/a.md:2:8: error: 'order' must be a whole number, like 'order: 3'"])
}

@Test func titleFallsBackToFirstHeadingThenFileName() {
    #expect(parse("intro\n\n# The Title\n").0?.title == "The Title")
    #expect(parse("just text\n").0?.title == "a")
}

@Test func frontMatterThatIsNotAMappingIsAnError() {
    #expect(parse("---\n- a\n- b\n---\n").1 == ["l/a.md:2:1: error: front matter must be a mapping of keys to values (like 'title: Intro')"])
}
