import Testing
@testable import LessonModel

private func warnings(_ markdown: String) -> [String] {
    LessonParser.parse(bytes: Array(markdown.utf8), path: "m.md", relativePath: "m.md").1.map(\.description)
}

@Test func brokenFormulaIsAWarningAtTheOffendingCommand() {
    #expect(warnings("Text $a + \\frac{1}$ end.\n") == ["m.md:1:11: warning: in formula: '\\frac' is missing its argument"])
}

@Test func unsupportedCommandOnALaterLineOfAFormulaInAQuote() {
    #expect(warnings("> $$a +\n> \\foo$$\n") == ["m.md:2:3: warning: in formula: unsupported command '\\foo'; it is shown as TeX source"])
}

@Test func everyFormulaGetsItsMathML() {
    let lesson = LessonParser.parse(bytes: Array("$x$\n\n$$y$$\n".utf8), path: "m.md", relativePath: "m.md").0
    #expect(lesson?.math.map { $0.mathML.hasPrefix("<math") } == [true, true])
    #expect(lesson?.math[1].mathML.hasPrefix("<math display=\"block\"") == true)
}

/// Thousands of problems on one long later line of a formula (a fuzzing find): each position
/// is right, and finding them takes one pass over the line (it took one pass per problem).
@Test func thousandsOfProblemsOnALaterLineAreEachLocated() {
    let count = 20_000
    let line = String(repeating: "\\[", count: count)
    let all = LessonParser.parse(bytes: Array("$$a\n\(line)$$\n".utf8), path: "m.md", relativePath: "m.md").1
        .filter { $0.message.contains("unsupported command") }
    #expect(!all.isEmpty)
    #expect(all.first?.description.hasPrefix("m.md:2:1: warning: in formula: unsupported command '\\['") == true)
    #expect(all.allSatisfy { $0.position?.line == 2 })
    #expect(all.map { $0.position?.column ?? 0 } == all.indices.map { 2 * $0 + 1 })
}

/// A formula's warning is located on its own line under LF, CRLF and lone-CR (old Mac) line ends
/// alike. A fuzzing find: in a quoted formula, a line holding only the quote marker (`>`) gave the
/// formula nothing, and was dropped from the formula's lines, so every problem after it was
/// placed a line too early, past the end of that shorter line ("position 3:22 is outside the file").
@Test(arguments: ["\n", "\r\n", "\r"])
func formulaWarningsAreLocatedUnderEveryLineEnding(_ end: String) {
    let lesson = ["# Title", "", "Some text $a + \\frac{1}$ end.", "", "$$a +", "\\foo + b$$", "",
                  "> $$x +", "> y \\qux$$", "", "> $$u +", ">", "> v \\frac{1}$$ and more text", ""].joined(separator: end)
    #expect(warnings(lesson) == [
        "m.md:3:16: warning: in formula: '\\frac' is missing its argument",
        "m.md:6:1: warning: in formula: unsupported command '\\foo'; it is shown as TeX source",
        "m.md:9:5: warning: in formula: unsupported command '\\qux'; it is shown as TeX source",
        "m.md:13:5: warning: in formula: '\\frac' is missing its argument",
    ])
}
