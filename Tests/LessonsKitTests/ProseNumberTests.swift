import Foundation
import Testing

/// Numbers in the shipped lessons' prose are either quoted from a run (`{{ block.node }}`) or
/// listed in the lesson's `<!-- typed on purpose: ... -->` comment: block inputs, textbook
/// constants, values worked out by hand or read off a chart. A decimal typed into the prose
/// without being listed is a number that may have drifted from the run it describes.
@Suite struct ProseNumberTests {
    private let root = shippedLessons

    private func replacing(_ pattern: String, in text: String, options: NSRegularExpression.Options = []) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: options) else { return text }
        return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "")
    }

    private func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            let range = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
            return Range(range, in: text).map { String(text[$0]) }
        }
    }

    /// Decimals in prose and formulas, outside front matter, code, quoted results, citations and the list.
    func typedNumbers(_ source: String) -> Set<String> {
        var text = replacing(#"\A---\n.*?\n---\n"#, in: source, options: .dotMatchesLineSeparators)
        text = replacing(#"<!-- typed on purpose:.*?-->"#, in: text, options: .dotMatchesLineSeparators)
        text = replacing("```.*?```", in: text, options: .dotMatchesLineSeparators)
        text = replacing("`[^`\\n]*`", in: text)
        text = replacing(#"\{\{.*?\}\}"#, in: text)
        text = replacing(#"\[@[^\]\n]*\]"#, in: text)  // a citation's locator (section 6.5) is no result
        return Set(matches(#"(?<![A-Za-z0-9_.])\d+\.\d+(?![A-Za-z0-9_.])"#, in: text))
    }

    /// The numbers a lesson declares as typed on purpose.
    func declared(_ source: String) -> Set<String> {
        let lists = matches(#"<!-- typed on purpose:(.*?)\("#, in: source)
        return Set(lists.flatMap { $0.split(separator: " ").map(String.init) })
    }

    @Test func everyTypedNumberIsDeclared() throws {
        for folder in ["", "zh/"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: root + "/" + folder).filter { $0.hasSuffix(".md") }
            for name in names.sorted() {
                let source = try String(contentsOfFile: root + "/" + folder + name, encoding: .utf8)
                let typed = typedNumbers(source), listed = declared(source)
                #expect(typed.subtracting(listed).isEmpty,
                        "lessons/\(folder)\(name): typed into the prose but not declared: \(typed.subtracting(listed).sorted())")
                #expect(listed.subtracting(typed).isEmpty,
                        "lessons/\(folder)\(name): declared but no longer in the prose: \(listed.subtracting(typed).sorted())")
            }
        }
    }

    @Test func theCheckSeesTypedNumbersAndIgnoresQuotedOnes() {
        let source = "---\ntitle: t\n---\n\nThe loss is {{ m.loss }}, about 0.2217 by hand [@book, section 6.5]; `lr: 0.5`.\n\n```graph g\nx = 1.25\n```\n"
        #expect(typedNumbers(source) == ["0.2217"])
        #expect(declared("<!-- typed on purpose: 0.2217 9.35 (why) -->") == ["0.2217", "9.35"])
    }
}
