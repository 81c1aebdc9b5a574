import Testing
@testable import LessonModel

private func lesson(_ text: String) -> Lesson {
    LessonParser.parse(bytes: Array(text.utf8), path: "a.md", relativePath: "a.md").0!
}

@Test func graphAndModelFencesAreLessonBlocksWithTheirLine() {
    let l = lesson("# T\n\n```graph logistic\nx = 1\n```\n\n```model\ndata xor\n```\n\n```python\nprint(1)\n```\n")
    #expect(l.lessonBlocks == [
        LessonBlock(kind: .graph, name: "logistic", source: "x = 1\n", fenceLine: 3),
        LessonBlock(kind: .model, name: nil, source: "data xor\n", fenceLine: 7),
    ])
    #expect(l.blocks.last?.kind == .code(language: "python", text: "print(1)\n"))
}

@Test func formulaAloneInItsParagraphIsDisplayMath() {
    let l = lesson("Text $$a$$ inline.\n\n$$\\frac{dz}{dx}$$\n")
    #expect(l.blocks.map(\.kind) == [.paragraph([.text("Text "), .math(0), .text(" inline.")]), .displayMath(1)])
    #expect(l.math.map(\.display) == [false, true])
}

@Test func snakeCaseAndProductsStayPlainText() {
    let l = lesson("snake_case_name and 5 * 3 * 2\n")
    #expect(l.blocks.map(\.kind) == [.paragraph([.text("snake_case_name and 5 * 3 * 2")])])
}

@Test func gfmTableIsParsedWithAlignments() {
    let l = lesson("| a | b |\n|:--|--:|\n| 1 | $x$ |\n")
    #expect(l.blocks.map(\.kind) == [.table(Table(alignments: [.left, .right], header: [[.text("a")], [.text("b")]],
                                                  rows: [[[.text("1")], [.math(0)]]]))])
}

@Test func strikethroughAndAutolink() {
    let l = lesson("~~old~~ see https://example.org\n")
    #expect(l.blocks.map(\.kind) == [.paragraph([
        .strikethrough([.text("old")]), .text(" see "),
        .link(url: "https://example.org", title: "", content: [.text("https://example.org")]),
    ])])
}

@Test func kramdownTOCListBecomesTableOfContents() {
    let l = lesson("* TOC\n{:toc}\n\nintro\n\n## One\n\n### Two\n\n#### Deep\n")
    #expect(l.blocks.first?.kind == .tableOfContents)
    #expect(l.toc.map(\.id) == ["one", "two"])
}

@Test func attributeLineAddsClassesToThePrecedingBlock() {
    let l = lesson("![Net](net.png)\n{: .center.middle}\n")
    #expect(l.blocks.first?.classes == ["center", "middle"])
}

@Test func undefinedReferenceLinkBecomesItsText() {
    let l = lesson("See [Derivative rules][rapidtables/derivative] and [defined][d].\n\n[d]: https://d.org\n")
    #expect(l.blocks.first?.kind == .paragraph([
        .text("See Derivative rules and "), .link(url: "https://d.org", title: "", content: [.text("defined")]), .text("."),
    ]))
}

@Test func imageKeepsItsPosition() {
    let l = lesson("Some $x$ text ![XOR](/img/xor.png)\n")
    guard case .paragraph(let content) = l.blocks.first?.kind, case .image(let image)? = content.last else {
        Issue.record("no image"); return
    }
    #expect(image.position == SourcePosition(line: 1, column: 15))
    #expect(image.alt == "XOR")
}

@Test func headingIDsAreUniqueAndUnicodeSafe() {
    let l = lesson("## 计算图\n\n## Intro\n\n## Intro\n")
    #expect(l.toc.map(\.id) == ["计算图", "intro", "intro-2"])
}

@Test func codeSpanContentIsVerbatim() {
    let l = lesson(#"Use `\frac{a}{b}` and `$x$`."#)
    #expect(l.blocks.first?.kind == .paragraph([.text("Use "), .code(#"\frac{a}{b}"#), .text(" and "), .code("$x$"), .text(".")]))
}

@Test func deepNestingIsAnErrorNotACrash() {
    let text = String(repeating: "> ", count: 20_000) + "deep\n"
    let (_, diags) = LessonParser.parse(bytes: Array(text.utf8), path: "a.md", relativePath: "a.md")
    #expect(diags.map(\.description).first?.contains("nested too deeply") == true)
}

@Test func slugsComeFromFileNames() {
    #expect(Slug.forLesson(relativePath: "2018-09-04-backpropagation.md") == "backpropagation")
    #expect(Slug.forLesson(relativePath: "zh/计算图 入门.md") == "zh-计算图-入门")
    #expect(Slug.forLesson(relativePath: "XOR From Scratch.md") == "xor-from-scratch")
}

@Test func rawHTMLImagesAreFoundWithTheirPositions() {
    let l = lesson("intro\n\n<figure class=\"small\">\n  <img src=\"/images/xor.png\" alt=\"XOR\" >\n  <figcaption>$x$</figcaption>\n</figure>\n")
    #expect(l.images.map(\.url) == ["/images/xor.png"])
    #expect(l.images.first?.position == SourcePosition(line: 4, column: 3))
    #expect(l.images.first?.alt == "XOR")
}
