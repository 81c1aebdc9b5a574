import Foundation
import Testing
import LessonModel
@testable import LessonsKit
import TestSupport

/// One malformed lesson: its bytes, and every diagnostic the build must give (exact text).
struct HostileLesson: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    var messages: [String]
    var succeeds: Bool
    var testDescription: String { name }

    init(_ name: String, _ bytes: [UInt8], succeeds: Bool = false, _ messages: [String]) {
        self.name = name
        self.bytes = bytes
        self.messages = messages
        self.succeeds = succeeds
    }

    init(_ name: String, _ text: String, succeeds: Bool = false, _ messages: [String]) {
        self.init(name, Array(text.utf8), succeeds: succeeds, messages)
    }
}

/// A graph block of `source` on line 1 (its first line is line 2).
private func graph(_ source: String) -> String { "```graph\n" + source + "```\n" }

private func repeated(_ s: String, _ n: Int) -> String { String(repeating: s, count: n) }

private let tooDeepMarkdown = "error: Markdown nested too deeply (more than 64 levels of lists, quotes or emphasis)"

/// Bytes, encodings and file shapes: every one is a located error or a documented warning.
private let encodingCases: [HostileLesson] = [
    HostileLesson("elf.md", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00], [
        "lessons/elf.md:1:8: error: binary file: NUL byte at byte offset 7; expected UTF-8 text"]),
    HostileLesson("nul.md", "# T\n\nText\u{0}more\n", [
        "lessons/nul.md:3:5: error: binary file: NUL byte at byte offset 9; expected UTF-8 text"]),
    HostileLesson("continuation.md", Array("ok\n".utf8) + [0x80], [
        "lessons/continuation.md:2:1: error: invalid UTF-8 at byte offset 3; lessons must be UTF-8 text"]),
    HostileLesson("overlong.md", Array("a".utf8) + [0xC0, 0x80], [
        "lessons/overlong.md:1:2: error: invalid UTF-8 at byte offset 1; lessons must be UTF-8 text"]),
    HostileLesson("surrogate.md", [0xED, 0xA0, 0x80], [
        "lessons/surrogate.md:1:1: error: invalid UTF-8 at byte offset 0; lessons must be UTF-8 text"]),
    HostileLesson("beyond-unicode.md", [0xF4, 0x90, 0x80, 0x80], [
        "lessons/beyond-unicode.md:1:1: error: invalid UTF-8 at byte offset 0; lessons must be UTF-8 text"]),
    HostileLesson("truncated.md", Array("é".utf8) + [0xE2, 0x82], [
        "lessons/truncated.md:1:2: error: invalid UTF-8 at byte offset 2; lessons must be UTF-8 text"]),
    // Lines end at LF, CRLF or a lone CR, as the decoder folds them (found by `make fuzz`).
    HostileLesson("crlf-invalid.md", Array("a\r\nb\r\n".utf8) + [0xFF], [
        "lessons/crlf-invalid.md:3:1: error: invalid UTF-8 at byte offset 6; lessons must be UTF-8 text"]),
    HostileLesson("cr-invalid.md", Array("\r6".utf8) + [0x80], [
        "lessons/cr-invalid.md:2:2: error: invalid UTF-8 at byte offset 2; lessons must be UTF-8 text"]),
    // A CR before a combining mark is still a line end (found by `make fuzz`: the string search
    // that folded CRs saw one composed character, and everything after was located a line off).
    HostileLesson("cr-combining.md", Array("a\r".utf8) + [0xCC, 0x81] + Array("b\n![x](missing.png)\n".utf8), succeeds: true, [
        "lessons/cr-combining.md:3:1: warning: image 'missing.png' not found (looked for lessons/missing.png); showing its alt text instead"]),
    HostileLesson("bom-invalid.md", [0xEF, 0xBB, 0xBF] + Array("ab".utf8) + [0xFF], [
        "lessons/bom-invalid.md:1:3: error: invalid UTF-8 at byte offset 5; lessons must be UTF-8 text"]),
    HostileLesson("empty.md", "", succeeds: true, []),
    HostileLesson("front-matter-only.md", "---\ntitle: Only a header\n---\n", succeeds: true, []),
    HostileLesson("crlf.md", "---\r\ntitle: T\r\n---\r\n\r\n```graph\r\ny = sigmod(2)\r\n```\r\n", [
        "lessons/crlf.md:6:5: error: unknown function 'sigmod'; did you mean 'sigmoid'?"]),
    HostileLesson("bom.md", "\u{FEFF}![x](missing.png)\n", succeeds: true, [
        "lessons/bom.md:1:1: warning: image 'missing.png' not found (looked for lessons/missing.png); showing its alt text instead"]),
]

/// Unclosed constructs and hostile nesting: Markdown, the block language and TeX.
private let structureCases: [HostileLesson] = [
    HostileLesson("open-fence.md", "# F\n\n```graph\nx = 2\ny = x * x\n", succeeds: true, [
        "lessons/open-fence.md:3:1: warning: code block opened with ``` is never closed; it runs to the end of the file (or of the list or quote it is in)"]),
    HostileLesson("open-math.md", "Cost $$ x + 1\n\nmore\n", succeeds: true, [
        "lessons/open-math.md:1:6: warning: '$$' opens a formula that is never closed in this paragraph; it is shown as text"]),
    HostileLesson("dollars.md", "Costs $5 and $10, a lone $ too.\n", succeeds: true, []),
    HostileLesson("open-front-matter.md", "---\ntitle: x\n", [
        "lessons/open-front-matter.md:1:1: error: front matter opened with '---' is never closed; expected a '---' line after it"]),
    HostileLesson("quotes.md", repeated("> ", 20_000) + "x\n", ["lessons/quotes.md:1:131: " + tooDeepMarkdown]),
    HostileLesson("lists.md", repeated("- ", 20_000) + "x\n", ["lessons/lists.md:1:131: " + tooDeepMarkdown]),
    HostileLesson("emphasis.md", repeated("*", 20_000) + "x" + repeated("*", 20_000) + "\n", ["lessons/emphasis.md:1:1: " + tooDeepMarkdown]),
    HostileLesson("brackets.md", repeated("[", 20_000) + "x" + repeated("](u)", 20_000) + "\n", succeeds: true, []),
    // Found by `make fuzz`: every inline tag's column was counted from the line start.
    HostileLesson("inline-html.md", "é " + repeated("<b>", 20_000) + "\n", succeeds: true, []),
    // Found by `make fuzz`: each repeated heading's id was searched from "-2" up.
    HostileLesson("headings.md", repeated("## Same\n\n", 20_000), succeeds: true, []),
    HostileLesson("parens.md", graph("y = " + repeated("(", 20_000) + "1" + repeated(")", 20_000) + "\n"), [
        "lessons/parens.md:2:261: error: expression nested too deeply (the limit is 256 levels)"]),
    HostileLesson("calls.md", graph("y = " + repeated("exp(", 20_000) + "1" + repeated(")", 20_000) + "\n"), [
        "lessons/calls.md:2:1032: error: expression nested too deeply (the limit is 256 levels)"]),
    HostileLesson("tex-braces.md", "$" + repeated("{", 20_000) + "x" + repeated("}", 20_000) + "$\n", succeeds: true, [
        "lessons/tex-braces.md:1:42: warning: in formula: formula nested more than 40 levels deep"]),
    HostileLesson("tex-frac.md", "$$" + repeated("\\frac{", 20_000) + "$$\n", succeeds: true, [
        "lessons/tex-frac.md:1:243: warning: in formula: formula nested more than 40 levels deep"]),
    HostileLesson("tex-left.md", "$" + repeated("\\left(", 20_000) + "x" + repeated("\\right)", 20_000) + "$\n", succeeds: true, [
        "lessons/tex-left.md:1:242: warning: in formula: formula nested more than 40 levels deep"]),
    HostileLesson("yaml-deep.md", "---\na: " + repeated("[", 20_000) + "\n---\n", [
        "lessons/yaml-deep.md:2:5: error: invalid YAML front matter: Maximum nesting level reached, set with yaml_set_max_nest_level()) (while parsing)"]),
    HostileLesson("yaml-aliases.md", "---\na: &a [1, 2]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\n"
        + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d]\n---\n", succeeds: true, []),
    HostileLesson("order.md", "---\norder: 99999999999999999999\n---\n", [
        "lessons/order.md:2:8: error: 'order' must be a whole number, like 'order: 3'"]),
]

/// Numbers and the limits of one block and one lesson.
private let numberCases: [HostileLesson] = [
    HostileLesson("overflow.md", graph("x = 1e308\ny = x * 10\n"), [
        "lessons/overflow.md:3:7: error: the value of 'y' is infinite; check the inputs of this node"]),
    HostileLesson("nan.md", graph("x = -1\ny = log(x)\n"), [
        "lessons/nan.md:3:5: error: the value of 'y' is NaN (not a number); log needs positive inputs"]),
    HostileLesson("zero-over-zero.md", graph("x = 0\ny = x / x\n"), [
        "lessons/zero-over-zero.md:3:7: error: the value of 'y' is NaN (not a number); check for a division by zero"]),
    HostileLesson("out-of-range.md", graph("x = 1e400\n"), ["lessons/out-of-range.md:2:5: error: number '1e400' is out of range"]),
    HostileLesson("too-many-nodes.md", graph("x = 1\ny = x" + repeated(" + x", 1_500) + "\n"), [
        "lessons/too-many-nodes.md:3:\(7 + 4 * 999): error: this block has 1501 nodes (counting constants and intermediate results); "
            + "the limit is 1000 per block, so split it into smaller blocks"]),
    HostileLesson("too-many-blocks.md", repeated("```graph\nx = 1\n```\n\n", 101), [
        "lessons/too-many-blocks.md:401:1: error: this lesson has 101 graph and model blocks; the limit is 100 per lesson, so split the lesson"]),
    HostileLesson("too-many-formulas.md", repeated("$x$ ", 65_534) + "\n", [
        "lessons/too-many-formulas.md:1:262133: error: too many formulas in one lesson (the limit is 65533)"]),
]

@Suite(.serialized) struct HostileLessonTests {
    @Test(arguments: encodingCases + structureCases + numberCases)
    func hostileLesson(_ lesson: HostileLesson) throws {
        let course = try HostileCourse()
        let messages = try course.build(lesson.name, lesson.bytes, succeeds: lesson.succeeds)
        #expect(messages == lesson.messages)
    }

    @Test func binaryGarbageIsOneLocatedError() throws {
        var random = SplitMix64(seed: 42)
        let bytes = (0..<4096).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let messages = try HostileCourse().build("garbage.md", bytes, succeeds: false)
        #expect(messages.count == 1)
        #expect(messages.first?.range(of: #"^lessons/garbage\.md:\d+:\d+: error: (binary file|invalid UTF-8)"#,
                                      options: .regularExpression) != nil)
    }

    @Test func tenMegabyteLineAtTheSizeLimitBuilds() throws {
        let course = try HostileCourse()
        let line = repeated("a", SourceFile.maxBytes - 1) + "\n"
        #expect(try course.build("long.md", line, succeeds: true) == [])
    }

    @Test func fileOverTheSizeLimitIsAnErrorAtLineOneWithoutReadingIt() throws {
        let course = try HostileCourse()
        // A sparse 3 GB file: reading it whole would take gigabytes; the size is checked first.
        let messages = try course.build(succeeds: false) { w in
            try w.write("huge.md", "# Huge\n")
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: w.lessons + "/huge.md"))
            try handle.truncate(atOffset: 3_000_000_000)
            try handle.close()
        }
        #expect(messages == ["lessons/huge.md:1:1: error: file is too large (3000000000 bytes); the limit is 10485760 bytes (10 MiB) per file"])
    }

    @Test func fileOneByteOverTheLimitIsAnError() throws {
        let course = try HostileCourse()
        let messages = try course.build("big.md", repeated("a", SourceFile.maxBytes) + "\n", succeeds: false)
        #expect(messages == ["lessons/big.md:1:1: error: file is too large (10485761 bytes); the limit is 10485760 bytes (10 MiB) per file"])
    }

    @Test func aFloodOfErrorsIsCutShortPerFile() throws {
        let course = try HostileCourse()
        let text = "# A\n\n" + (0..<300).map { "{{ nope.x\($0) }}\n\n" }.joined()
        let messages = try course.build("flood.md", text, succeeds: false)
        #expect(messages.count == 201)
        #expect(messages[199] == "lessons/flood.md:401:1: error: no block named 'nope' in this lesson; this lesson has no named blocks")
        #expect(messages.last == "lessons/flood.md: error: too many problems in this file: 100 more errors not shown; fix the ones above first")
    }

    @Test func hiddenWarningsDoNotFailTheBuild() {
        let warnings = (1...250).map { Diagnostic(.warning, "a.md", SourcePosition(line: $0, column: 1), "w") }
        let shown = Builder.capped(warnings, path: "a.md")
        #expect(shown.count == 201 && shown.allSatisfy { $0.severity == .warning })
        #expect(shown.last?.message == "too many problems in this file: 50 more warnings not shown; fix the ones above first")
    }

    @Test func aChainOfAThousandNodesIsDrawn() throws {
        // The longest graph a block may hold: its diagram is about 260,000 px wide (the page
        // scrolls it), one SVG for light and dark.
        let course = try HostileCourse()
        let chain = "x0 = 0.5\n" + (1..<1_000).map { "x\($0) = tanh(x\($0 - 1))\n" }.joined()
        #expect(try course.build("chain.md", graph(chain), succeeds: true) == [])
        let svg = try #require(FileManager.default.contents(atPath: course.w.output + "/chain/figures/graph-1.svg"))
        #expect(String(decoding: svg, as: UTF8.self).contains("@media (prefers-color-scheme: dark)"))
    }

    @Test func tooManyReferencesIsALocatedError() throws {
        let course = try HostileCourse()
        let text = "```graph g\ny = 2\n```\n\n" + repeated("{{ g.y }} ", 65_534) + "\n"
        #expect(try course.build("refs.md", text, succeeds: false) == [
            "lessons/refs.md:5:655331: error: too many references in one lesson (the limit is 65533)"])
    }

    /// Found by `make fuzz`: each problem's position was found by rescanning the formula, so a
    /// formula of 20,000 lines with a problem on each took minutes; now one pass.
    @Test func formulaWithTwentyThousandProblemsIsLocatedInOnePass() throws {
        let text = "$$\\begin{aligned}\n" + repeated("\\x\n", 20_000) + "$$\n"
        let messages = try HostileCourse().build("problems.md", text, succeeds: true)
        // All 20,001 are found; the first 200 are shown.
        #expect(messages.count == 201)
        #expect(messages[1] == "lessons/problems.md:2:1: warning: in formula: unsupported command '\\x'; it is shown as TeX source")
        #expect(messages[199].hasPrefix("lessons/problems.md:200:1: warning: in formula: "))
        #expect(messages[200] == "lessons/problems.md: warning: too many problems in this file: 19801 more warnings not shown; fix the ones above first")
    }

    @Test func blockOfGarbageStopsAfterAHundredErrors() throws {
        let garbage = repeated("= ) ] @\n", 500)
        let messages = try HostileCourse().build("garbage-block.md", graph(garbage), succeeds: false)
        #expect(messages.count == 101)
        #expect(messages.last == "lessons/garbage-block.md:102:1: error: too many errors in this block; stopping after 100")
    }

    @Test func lessonThatIsAFolderIsAWarningAndItsLessonsBuild() throws {
        let course = try HostileCourse()
        let messages = try course.build(succeeds: true) { w in try w.write("unit.md/inside.md", "# Inside\n") }
        #expect(messages == ["lessons/unit.md: warning: is a folder, not a lesson file; the lessons inside it are built as a subfolder"])
        #expect(FileManager.default.fileExists(atPath: course.w.output + "/unit-md-inside/index.html"))
    }

    @Test func fifoLessonIsAnErrorNotAHang() throws {
        let course = try HostileCourse()
        let messages = try course.build(succeeds: false) { w in
            #expect(mkfifo(w.lessons + "/pipe.md", 0o644) == 0)
        }
        #expect(messages == ["lessons/pipe.md: error: is not a regular file; expected a text file"])
    }
}
