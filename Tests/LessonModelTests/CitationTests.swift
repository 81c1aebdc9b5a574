import Testing
@testable import LessonModel

private func scan(_ text: String) -> (Prescanner.Output, [Diagnostic]) {
    var d = Diagnostics(path: "t.md")
    let out = Prescanner.scan(text, into: &d)
    return (out, d.all)
}

private func parse(_ text: String) -> (Lesson?, [Diagnostic]) {
    LessonParser.parse(bytes: Array(text.utf8), path: "t.md", relativePath: "t.md")
}

@Suite struct CitationTests {
    @Test func aCitationIsCutOutWithItsPositionAndKeepsColumns() {
        let text = "As shown [@goodfellow2016] here.\nNext line."
        let (out, d) = scan(text)
        #expect(d.isEmpty)
        #expect(out.citations.count == 1)
        #expect(out.citations[0].position == SourcePosition(line: 1, column: 10))
        #expect(out.citations[0].source == "[@goodfellow2016]")
        #expect(out.citations[0].items == [Citation.Item(key: "goodfellow2016", position: SourcePosition(line: 1, column: 11))])
        #expect(out.text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.unicodeScalars.count }
                == text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.unicodeScalars.count })
    }

    @Test func locatorsAndSeveralKeys() {
        let (out, d) = scan("See [@goodfellow2016, section 6.5] and [@olah2015; @nielsen2015, chapter 2].")
        #expect(d.isEmpty)
        #expect(out.citations.map { $0.items.map(\.key) } == [["goodfellow2016"], ["olah2015", "nielsen2015"]])
        #expect(out.citations.map { $0.items.map(\.locator) } == [["section 6.5"], [nil, "chapter 2"]])
        #expect(out.citations[1].items[1].position == SourcePosition(line: 1, column: 52))
    }

    @Test func citationsAreNotRecognisedInCodeOrLinks() {
        #expect(scan("run `[@a]` and ``x [@b] y``").0.citations.isEmpty)
        #expect(scan("```\n[@a]\n```\n").0.citations.isEmpty)
        #expect(scan("[@me](https://example.org) and [@ref][x]").0.citations.isEmpty)
        #expect(scan(#"an escaped \[@a] bracket"#).0.citations.isEmpty)
        #expect(scan("[text] and [see](x.md)").0.citations.isEmpty)
    }

    @Test func badSyntaxIsALocatedError() {
        let cases: [(String, String)] = [
            ("x [@] y", "1:3: error: '[@]' is not a citation: expected a key after '@'"),
            ("x [@a b] y", "1:3: error: '[@a b]' is not a citation: expected ',' and a locator, ';' and another key, or ']' after '@a'"),
            ("x [@a;] y", "1:3: error: '[@a;]' is not a citation: expected '@' and a key after ';'"),
            ("x [@a,] y", "1:3: error: '[@a,]' is not a citation: expected a locator after '@a,' (like 'section 6.5')"),
            ("x [@a y", "1:3: error: '[@' opens a citation that is not closed on its line; expected ']' after the key, like '[@goodfellow2016]'"),
        ]
        for (text, expected) in cases {
            let (out, d) = scan(text)
            #expect(out.citations.isEmpty)
            #expect(d.map(\.description).first?.hasPrefix("t.md:" + expected) == true, "\(text): \(d)")
        }
    }

    @Test func theLessonNumbersWorksByFirstCitationAndKeepsThemInline() throws {
        let (lesson, d) = parse("# T\n\nA [@b] and [@a; @b].\n\n## References\n\nMore [@c, p. 3].\n")
        let l = try #require(lesson)
        #expect(d.isEmpty)
        #expect(l.citedKeys == ["b", "a", "c"])
        #expect(l.referencesID == "references-2")  // a heading took "references"
        guard case .paragraph(let inlines) = l.blocks[1].kind else { Issue.record("no paragraph"); return }
        #expect(inlines.contains(.citation(0)) && inlines.contains(.citation(1)))
    }

    @Test func codeKeepsTheCitationAsWritten() throws {
        let l = try #require(parse("Code `[@a]` and\n\n    [@b] indented\n").0)
        #expect(l.citations.count == 1)  // the indented block is code to cmark, but the prescan saw prose
        guard case .code(_, let text) = l.blocks.last?.kind else { Issue.record("no code"); return }
        #expect(text == "[@b] indented\n")
    }
}
