import Testing
@testable import LessonModel
import TestSupport

private func parse(_ text: String) -> (Bibliography, [String]) {
    var d = Diagnostics(path: "lessons/bibliography.yml")
    let b = BibliographyParser.parse(text, into: &d)
    return (b, d.all.map(\.description))
}

@Suite struct BibliographyParserTests {
    @Test func entriesFieldsQuotesCommentsAndLanguages() throws {
        let (b, d) = parse("""
        # The course's works
        goodfellow2016:
          author: Ian Goodfellow, Yoshua Bengio and Aaron Courville   # three
          title: Deep Learning
          publisher: MIT Press
          year: 2016
          url: https://www.deeplearningbook.org/
          title_zh: 深度学习

        olah2015:
            title: "Calculus on Computational Graphs: Backpropagation"
            in: 'colah''s blog'
            note: "a \\"quoted\\" word \\u00e9"
        """)
        #expect(d.isEmpty, "\(d)")
        #expect(b.keys == ["goodfellow2016", "olah2015"])
        let g = try #require(b["goodfellow2016"])
        #expect(g.value(.author, lang: nil) == "Ian Goodfellow, Yoshua Bengio and Aaron Courville")
        #expect(g.value(.title, lang: "zh-CN") == "深度学习")
        #expect(g.value(.title, lang: "en") == "Deep Learning")
        #expect(g.line == 2)
        let o = try #require(b["olah2015"])
        #expect(o.value(.title, lang: nil) == "Calculus on Computational Graphs: Backpropagation")
        #expect(o.value(.in, lang: nil) == "colah's blog")
        #expect(o.value(.note, lang: nil) == "a \"quoted\" word é")
    }

    @Test func everyMalformedLineIsLocated() {
        let cases: [(String, String)] = [
            ("a:\n  title: T\n  titel: U\n", "3:3: error: unknown field 'titel'; expected one of author, title, in, publisher, year, url, note, optionally with '_' and a language (like 'title_zh'); did you mean 'title'?"),
            ("a:\n  title: T\na:\n  title: U\n", "3:1: error: 'a' is already an entry (line 1); every key must be unique"),
            ("a:\n  author: X\n", "1:1: error: entry 'a' has no title; expected a 'title:' line among its fields"),
            ("a:\n  title: T\n  title: U\n", "3:3: error: 'title' is given twice in 'a'; expected each field once"),
            ("a:\n  title: A: B\n", "2:11: error: a ': ' inside a plain value would start a mapping; expected the value in quotes"),
            ("a:\n  title: \"open\n", "2:15: error: expected a closing \" on this line"),
            ("a:\n  title: T\n   year: 1\n", "3:4: error: expected this field indented like the first field of 'a' (2 spaces)"),
            ("a:\n  title: T\n  continued line\n", "3:3: error: expected 'key: value' (a name, ':' and a space), found no ':'; a value must stay on its key's line (quote it if it is long)"),
            ("  title: T\n", "1:3: error: expected a citation key at the start of the line, like 'goodfellow2016:'"),
            ("a: x\n  title: T\n", "1:4: error: expected nothing after 'a:' at the start of an entry; its fields go on the lines below, indented"),
            ("a:\n  title: |\n", "2:10: error: block scalars ('|', '>') are not supported; expected the value on this line (in quotes if it holds ': ' or ' #')"),
            ("a:\n  title:\n", "2:9: error: expected a value after 'title:' on the same line"),
            ("a:\n  title: T\n  url: javascript:x\n", "3:8: error: expected a web address starting with 'https://' or 'http://' for 'url'"),
            ("a:\n  title_ZH: T\n", "2:9: error: 'ZH' in 'title_ZH' is not a language; expected a primary language subtag in lower case, like 'zh' or 'de'"),
            ("a:\n\ttitle: T\n", "2:1: error: a tab in the indentation; YAML indents with spaces only"),
            ("a b:\n  title: T\n", "1:1: error: expected a name of letters, digits, '_', '-', ':', '.' or '/' before ':', found 'a b'"),
            ("a:\n  - title: T\n", "2:3: error: lists are not supported; expected 'field: value' (several authors go on one line, like 'author: A, B and C')"),
        ]
        for (text, expected) in cases {
            let (_, d) = parse(text)
            #expect(d.first == "lessons/bibliography.yml:" + expected, "\(text)")
        }
    }

    @Test func garbageNeverTraps() {
        var generator = SplitMix64(seed: 18)
        let pieces = ["a:", "  title: ", "\"", "'", "\\u12", "#", ": ", "\n", " ", "-", "x", "é", "\t", "[", "|"]
        for _ in 0..<2000 {
            let text = (0..<Int(generator.next() % 20)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            _ = parse(text)
        }
    }
}
