import Foundation
import Testing
@testable import LessonsKit
@testable import Codegen
import LessonModel

/// Titles that are hard to write down: `lessons new` makes a lesson that checks clean or
/// refuses the title, and control characters in a title never break the generated programs.
@Suite(.serialized) struct HostileTitleTests {
    static let hardTitles = [
        "Line1\n---\nLine3", "Line1\r\n---\r\n", "a: b", "key: value # comment", "\"double\" and 'single'", "- item",
        "*alias &anchor !tag %x @y `z` #c | > ? [ ] { } ,", "---", "...", "null", "true", "~", "123", "0x1F", "-1",
        "é 中文 🙂 عربي", "\u{FEFF}bom", "zero\u{200B}width", "back\\slash\\", "\\n is not a newline", "tab\there",
        "   spaced   ", "assets", "Assets", "shared", "2020-01-01-intro", "{{ first.w.grad }}", "$x$", "<script>alert(1)</script>",
        "line\u{2028}separator", "next\u{85}line", String(repeating: "long ", count: 59), "\u{FFFE}nonchar", "\u{10FFFF}",
        "%YAML 1.2", "? complex", "a\u{0301}",
    ]

    /// Either a clear refusal or a lesson that `lessons check` passes with the title it was given.
    @Test(arguments: hardTitles)
    func newMakesALessonThatChecksCleanForAnyTitle(_ title: String) throws {
        let w = try Workspace()
        do {
            let path = try Scaffold.create(title: title, in: w.lessons)
            var options = BuildOptions(lessonsDirectory: w.lessons, outputDirectory: w.output, jobs: 1, useCache: false)
            options.checkOnly = true
            let report = Builder.build(options)
            #expect(report.diagnostics.isEmpty, "\(title.debugDescription): \(report.diagnostics)")
            let (lesson, _) = LessonParser.parse(bytes: [UInt8](FileManager.default.contents(atPath: path) ?? Data()),
                                                 path: path, relativePath: "x.md")
            let scalars = title.unicodeScalars.filter { $0 != "\u{FEFF}" }
            let expected = scalars.split(whereSeparator: { "\n\r\t\u{2028}\u{85}".unicodeScalars.contains($0) })
                .map { String(String.UnicodeScalarView($0)).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .joined(separator: " ")
            #expect(lesson?.title == expected, "\(title.debugDescription)")
        } catch let error as ScaffoldError {
            Issue.record("refused \(title.debugDescription): \(error)")
        }
    }

    @Test(arguments: [
        ("", "the title is empty; give the lesson a title, e.g. lessons new \"Backpropagation\""),
        (" \n\t ", "the title is empty; give the lesson a title, e.g. lessons new \"Backpropagation\""),
        ("nul\u{0}byte", "the title contains the control character U+0000; a title is plain text on one line"),
        ("\u{1B}[31mred", "the title contains the control character U+001B; a title is plain text on one line"),
        ("del\u{7F}", "the title contains the control character U+007F; a title is plain text on one line"),
        (String(repeating: "x", count: 301), "the title is 301 characters long; the limit is 300: put the rest in the lesson"),
    ])
    func unusableTitlesAreRefusedClearly(_ title: String, _ message: String) throws {
        let w = try Workspace()
        #expect(throws: ScaffoldError.self) { try Scaffold.create(title: title, in: w.lessons) }
        do { _ = try Scaffold.create(title: title, in: w.lessons) } catch { #expect("\(error)" == message) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: w.lessons).isEmpty)
    }

    /// `a/missing/../b` means `a/b`, as for `--output`: no stray `missing` folder is made.
    @Test func newThroughAMissingFolderAndBackMakesNoStrayFolder() throws {
        let w = try Workspace()
        let r = try lessons(["new", "T", "--lessons", "course/missing/../lessons2"], in: w.root)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "lessons: created course/missing/../lessons2/t.md\n")
        #expect(FileManager.default.fileExists(atPath: w.root.path + "/course/lessons2/t.md"))
        #expect(!FileManager.default.fileExists(atPath: w.root.path + "/course/missing"))
    }

    @Test func newRefusesATitleWhosePageIsTaken() throws {
        let w = try Workspace()
        try w.write("2020-01-01-intro.md", "# Intro\n")
        #expect(throws: ScaffoldError.self) { try Scaffold.create(title: "Intro", in: w.lessons) }
        #expect(!FileManager.default.fileExists(atPath: w.lessons + "/intro.md"))
    }

    @Test func newWithAMultiLineTitleThroughTheBinaryChecksClean() throws {
        let w = try Workspace()
        let r = try lessons(["new", "Line1\n---\nsummary: injected"], in: w.root)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "lessons: created lessons/line1-summary-injected.md\n")
        let check = try lessons(["check"], in: w.root)
        #expect(check.stderr == "lessons: 0 errors, 0 warnings\n")
    }

    /// A NUL, an escape and line separators in a title (YAML escapes allow them) reach the
    /// programs' docstrings.
    @Test func controlCharactersInATitleLeaveTheProgramsValidPython() throws {
        let w = try Workspace()
        try w.write("t.md", """
            ---
            title: "Nul\\0here\\e[0m and\\u2028sep\\x85\\r\\nend\\ttab\\\\"
            ---

            ```graph g
            x = 2
            param w = 3
            y = x * w
            ```

            ```model m
            data xor
            layers 2 -> 1
            loss = mean((out - y)^2)
            train sgd(lr: 0.1) epochs 2
            ```

            """)
        let report = w.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let programs = w.outputTree().filter { $0.key.hasSuffix(".py") }
        #expect(programs.count >= 2)
        for (name, data) in programs {
            let text = String(decoding: data, as: UTF8.self)
            let controls = text.unicodeScalars.filter { $0 != "\n" && PythonLiteral.isUnsafe($0) }
            #expect(controls.isEmpty, "\(name) holds \(controls.map { String($0.value, radix: 16) })")
            if let python = Python.numpy ?? Python.find(["python3"], importing: "ast") {
                let file = w.output + "/" + name
                let r = try Python.run(python, ["-c", "import ast, sys; ast.parse(open(sys.argv[1], encoding='utf-8').read())", file],
                                       in: NSTemporaryDirectory())
                #expect(r.status == 0, "\(name): \(r.err)")
            }
        }
    }
}
