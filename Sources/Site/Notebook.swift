import LessonModel

/// A Jupyter notebook (nbformat 4.5): Markdown and Python cells, code cells with the output the
/// build computed. Its JSON is written by hand with the keys in sorted order, so a build writes
/// the same bytes every time.
package struct Notebook: Sendable, Equatable {
    package enum Cell: Sendable, Equatable {
        case markdown(String)
        /// A code cell, what it printed (empty when nothing is stored), and the program of the
        /// site it comes from (`code/xor.py`: cell metadata `lessons.program`, which the tests read).
        case code(String, printed: String, program: String?)
    }

    package var cells: [Cell] = []

    /// Appends a Markdown cell, unless `text` is blank.
    mutating func markdown(_ text: String) {
        let trimmed = text.trimmingBlankLines
        if !trimmed.isEmpty { cells.append(.markdown(trimmed)) }
    }

    mutating func code(_ text: String, printed: String = "", program: String? = nil) {
        let trimmed = text.trimmingBlankLines
        if !trimmed.isEmpty { cells.append(.code(trimmed, printed: printed, program: program)) }
    }

    /// The `.ipynb` file: one-space indentation and sorted keys, as Jupyter writes it; each source
    /// and output as one string (nbformat's `multiline_string` is a string or a list of lines:
    /// Jupyter saves lists, but one string is a fifth smaller for a course's programs).
    package var json: String {
        var out = "{\n \"cells\": ["
        for (i, cell) in cells.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            let id = JSONString.quoted("cell-\(i + 1)")
            switch cell {
            case .markdown(let text):
                out += "  {\n   \"cell_type\": \"markdown\",\n   \"id\": \(id),\n   \"metadata\": {},\n"
                out += "   \"source\": \(JSONString.quoted(text))\n  }"
            case .code(let text, let printed, let program):
                out += "  {\n   \"cell_type\": \"code\",\n   \"execution_count\": null,\n   \"id\": \(id),\n"
                out += program.map { "   \"metadata\": {\n    \"lessons\": {\n     \"program\": \(JSONString.quoted($0))\n    }\n   },\n" }
                    ?? "   \"metadata\": {},\n"
                if printed.isEmpty {
                    out += "   \"outputs\": [],\n"
                } else {
                    out += "   \"outputs\": [\n    {\n     \"name\": \"stdout\",\n     \"output_type\": \"stream\",\n"
                    out += "     \"text\": \(JSONString.quoted(printed))\n    }\n   ],\n"
                }
                out += "   \"source\": \(JSONString.quoted(text))\n  }"
            }
        }
        out += cells.isEmpty ? "],\n" : "\n ],\n"
        out += """
             "metadata": {
              "kernelspec": {
               "display_name": "Python 3",
               "language": "python",
               "name": "python3"
              },
              "language_info": {
               "name": "python"
              }
             },
             "nbformat": 4,
             "nbformat_minor": 5
            }

            """
        return out
    }

}

extension String {
    /// Without blank lines at the start or the end (a cell's first and last lines carry text).
    var trimmingBlankLines: String {
        var lines = split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
