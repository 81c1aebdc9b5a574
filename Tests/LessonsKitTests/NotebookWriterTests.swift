import Foundation
import Testing
@testable import Codegen
@testable import Site

/// The parts of the notebook writer that need no built course: numbers as Python prints them,
/// programs split into cells, and the JSON.
@Suite struct NotebookWriterTests {
    /// Python's own `repr` of each number (printed by /usr/bin/python3), which the stored outputs must match.
    @Test func floatsPrintAsPythonPrintsThem() {
        let python: [(Double, String)] = [
            (0.5, "0.5"), (2.0, "2.0"), (1e-05, "1e-05"), (-0.0, "-0.0"), (123.0, "123.0"), (0.0001, "0.0001"),
            (1.5e-07, "1.5e-07"), (1e+16, "1e+16"), (9100000000000000.0, "9100000000000000.0"),
            (1234567890123456.8, "1234567890123456.8"), (-2.4171288283624666, "-2.4171288283624666"),
            (0.00028307029701018865, "0.00028307029701018865"), (1e+22, "1e+22"), (Double.leastNonzeroMagnitude, "5e-324"),
            (1.7976931348623157e+308, "1.7976931348623157e+308"), (100.0, "100.0"), (0.1, "0.1"),
            (.nan, "nan"), (-.infinity, "-inf"),
        ]
        for (x, text) in python { #expect(PythonLiteral.repr(x) == text, "\(x)") }
    }

    @Test func programsSplitWherePEP8PutsTwoBlankLines() {
        let program = "import numpy as np\n\nx = 1.0\n\n\ndef f(x):\n    y = x\n\n\n    return y\n\n\nprint(f(x))\n"
        #expect(LessonNotebook.cells(program) == ["import numpy as np\n\nx = 1.0", "def f(x):\n    y = x\n\n\n    return y", "print(f(x))"])
    }

    @Test func theJSONIsNbformatWithSortedKeysAndOneStringPerSource() throws {
        var notebook = Notebook()
        notebook.markdown("\n# Title\n\n$x^2$\n")
        notebook.code("print(1)\nprint(2)", printed: "1\n2\n", program: "code/a.py")
        let json = notebook.json
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["nbformat"] as? Int == 4 && object["nbformat_minor"] as? Int == 5)
        let cells = try #require(object["cells"] as? [[String: Any]])
        #expect(cells[0]["source"] as? String == "# Title\n\n$x^2$")
        #expect(cells[1]["source"] as? String == "print(1)\nprint(2)")
        #expect(json.contains("\"outputs\": [\n    {\n     \"name\": \"stdout\",\n     \"output_type\": \"stream\",\n     \"text\": \"1\\n2\\n\"\n    }"))
        #expect(json.contains("\"metadata\": {\n    \"lessons\": {\n     \"program\": \"code/a.py\""))
        // Sorted keys at the top: cells, metadata, nbformat, nbformat_minor.
        let keys = json.matches(of: #/\n "(?<key>[a-z_]+)":/#).map { String($0.output.key) }
        #expect(keys == ["cells", "metadata", "nbformat", "nbformat_minor"])
    }

    @Test func proseKeepsTeXAndEscapesMarkdown() {
        #expect(NotebookMarkdown.escaped("a*b_c $5 [x] <y>") == "a\\*b\\_c \\$5 \\[x\\] \\<y\\>")
        #expect(NotebookMarkdown.code("a`b") == "``a`b``")
        #expect(NotebookMarkdown.fenced("```\nx\n", language: "python") == "````python\n```\nx\n````")
    }

    /// What the page hides without JavaScript (sentences about pressing and dragging) the notebook leaves out.
    @Test func interactiveSentencesAreLeftOut() {
        let items = ["a", "<span class=\"interactive\">", "drag", "<span>", "x", "</span>", "more", "</span>", "b",
                     "<div class=\"interactive\">press</div>", "c"]
        let kept = NotebookMarkdown.withoutInteractive(items) { $0.hasPrefix("<") ? $0 : nil }
        #expect(kept == ["a", "b", "c"])
    }
}
