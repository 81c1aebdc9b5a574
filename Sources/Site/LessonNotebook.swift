import Foundation
import LessonModel

/// A lesson as a Jupyter notebook, `<slug>/<name>.ipynb` next to its page: the prose as Markdown
/// cells (a new cell at each section heading), and each graph or model block as its NumPy program
/// split into cells at its top-level definitions (inputs, forward, backward, printing), the last
/// one holding what the build computed it prints; then the PyTorch program as one optional cell
/// that a kernel without torch skips.
package enum LessonNotebook {
    /// The notebook's file name: the last part of the lesson's slug, `.ipynb`.
    package static func fileName(slug: String) -> String {
        String(slug.split(separator: "/").last ?? Substring(slug)) + ".ipynb"
    }

    /// The notebook's bytes.
    package static func file(_ lesson: Lesson, context: PageContext) -> [UInt8] {
        Array(render(lesson, context: context).json.utf8)
    }

    static func render(_ lesson: Lesson, context: PageContext) -> Notebook {
        let phrases = Phrases(lang: lesson.frontMatter.lang)
        let markdown = NotebookMarkdown(lesson: lesson, context: context, phrases: phrases)
        var notebook = Notebook()
        var prose: [String] = []
        func flush() {
            notebook.markdown(prose.filter { !$0.isEmpty }.joined(separator: "\n\n"))
            prose = []
        }
        var blocks = lesson.blocks[...]
        if case .heading(1, _, _)? = blocks.first?.kind, let first = blocks.popFirst() {
            prose.append(markdown.block(first))
        } else {
            prose.append("# " + NotebookMarkdown.escaped(lesson.title))
        }
        if let summary = lesson.frontMatter.summary { prose.append("*" + NotebookMarkdown.escaped(summary) + "*") }
        prose.append(phrases.notebook.about.replacingOccurrences(of: "{0}", with: NotebookMarkdown.escaped(context.courseTitle)))
        flush()
        for block in NotebookMarkdown.withoutInteractive(Array(blocks), html: NotebookMarkdown.html) {
            if case .heading(let level, _, _) = block.kind, level <= 2 { flush() }
            guard case .lesson(let b) = block.kind, let code = context.widgets[b.fenceLine]?.code ?? context.models[b.fenceLine]?.graph.code
            else {
                prose.append(markdown.block(block))
                continue
            }
            // The block as written, shortened as the page shows it when it is long (the programs stay whole).
            let source = code.tabs.first { $0.label == CodeTabs.lessonLabel }.map(CodeTabsHTML.shortened) ?? b.source
            prose.append(NotebookMarkdown.fenced(source, language: ""))
            flush()
            programs(code, into: &notebook, phrases: phrases)
        }
        prose.append(markdown.references())
        flush()
        return notebook
    }

    /// A block's NumPy cells and its optional PyTorch cell.
    private static func programs(_ code: CodeTabs, into notebook: inout Notebook, phrases: Phrases) {
        // The programs read their files from beside themselves; the notebook reads them from its own `code/`
        // folder (which its first cell fills), wherever the page's copies are (`../shared/` when the editions share them).
        func relocated(_ source: String) -> String {
            code.files.reduce(source) { text, file in
                text.replacingOccurrences(of: "\"\(fileName(file.href))\"", with: "\"\(local(file.href))\"")
            }
        }
        if !code.files.isEmpty {
            let links = code.files.map { "[\(local($0.href))](\($0.href)) (\(NotebookMarkdown.escaped($0.purpose)))" }.joined(separator: ", ")
            notebook.markdown(phrases.notebook.reads.replacingOccurrences(of: "{0}", with: links))
            if let cell = missingFilesCell(code.files) { notebook.code(cell, program: code.tabs.first { $0.label == "NumPy" }?.download.map(local)) }
        }
        if let numpy = code.tabs.first(where: { $0.label == "NumPy" }) {
            let cells = cells(relocated(numpy.notebook ?? numpy.source))
            // A stored output as long as a listing the page would shorten is left out: running the cell shows it.
            let printed = code.printed.flatMap { $0.utf8.count <= CodeTabsHTML.maxListingBytes ? $0 : nil } ?? ""
            for (k, cell) in cells.enumerated() {
                notebook.code(cell, printed: k == cells.count - 1 ? printed : "", program: numpy.download.map(local))
            }
        }
        if let torch = code.tabs.first(where: { $0.label == "PyTorch" }) {
            notebook.markdown("*" + NotebookMarkdown.escaped(phrases.notebook.optionalTorch) + "*")
            let body = relocated(torch.notebook ?? torch.source).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
            notebook.code("try:\n    import torch\nexcept ImportError:\n    print(" + pythonString(phrases.notebook.noTorch)
                          + ")\nelse:\n" + body, program: torch.download.map(local))
        }
    }

    /// A file's name, without the folder the page links it in.
    private static func fileName(_ href: String) -> String { String(href.split(separator: "/").last ?? "") }

    /// Where the notebook keeps a file the programs read, or a program: `code/` beside itself,
    /// whatever folder the page links (`../shared/xor/code/xor.py`, SharedCode).
    static func local(_ href: String) -> String { "code/" + fileName(href) }

    /// A cell that writes the files the programs read into `code/` beside the notebook, if they
    /// are not there: a notebook downloaded on its own must run. Files over `packedSize` ride
    /// gzip-compressed in Base64 (a data set of numbers shrinks to a fifth or less).
    static func missingFilesCell(_ files: [CodeTabs.File]) -> String? {
        var plain: [String] = [], packed: [String] = []
        for file in files {
            guard let text = file.text else { continue }
            let name = pythonString(local(file.href))
            if text.utf8.count > packedSize, let gzip = Gzip.compress(Array(text.utf8)) {
                packed.append("    \(name): \(pythonBase64(gzip)),")
            } else {
                plain.append("    \(name): \(pythonText(text)),")
            }
        }
        guard !plain.isEmpty || !packed.isEmpty else { return nil }
        var cell = """
            # The files this block's programs read, written to code/ beside the notebook unless
            # they are there already: a notebook downloaded on its own still runs.
            import os
            _files = {
            \(plain.joined(separator: "\n"))
            }

            """
        if !packed.isEmpty {
            cell += """
                # (the larger ones gzip-compressed, in Base64)
                import base64, gzip
                _packed = {
                \(packed.joined(separator: "\n"))
                }
                for _path, _data in _packed.items():
                    _files[_path] = gzip.decompress(base64.b64decode(_data)).decode("utf-8")

                """
        }
        return cell + """
            for _path, _text in _files.items():
                if not os.path.exists(_path):
                    os.makedirs(os.path.dirname(_path), exist_ok=True)
                    with open(_path, "w", encoding="utf-8") as _file:
                        _file.write(_text)
            """
    }

    /// Files above this many bytes are embedded compressed.
    static let packedSize = 8_192

    /// Bytes as a Python string of Base64 in lines of 76 characters (joined by implicit concatenation).
    private static func pythonBase64(_ bytes: [UInt8]) -> String {
        let text = Data(bytes).base64EncodedString()
        var lines: [String] = []
        var start = text.startIndex
        while start < text.endIndex {
            let end = text.index(start, offsetBy: 76, limitedBy: text.endIndex) ?? text.endIndex
            lines.append("\"" + text[start..<end] + "\"")
            start = end
        }
        return "(" + lines.joined(separator: "\n        ") + ")"
    }

    /// A file's text as a triple-quoted Python literal, line breaks kept (quotes escaped, so no
    /// text can end the literal early).
    private static func pythonText(_ text: String) -> String {
        "\"\"\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"\"\""
    }

    /// A program split where a top-level statement follows two blank lines (PEP 8's gap around
    /// definitions): the inputs, each function, and the lines that run them.
    static func cells(_ program: String) -> [String] {
        var cells: [[Substring]] = [[]]
        var blanks = 0
        for line in program.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { blanks += 1; continue }
            if blanks >= 2, let first = line.first, !first.isWhitespace, !(cells.last ?? []).isEmpty {
                cells.append([])
            } else if !(cells.last ?? []).isEmpty {
                cells[cells.count - 1] += Array(repeating: "", count: blanks)
            }
            blanks = 0
            cells[cells.count - 1].append(line)
        }
        return cells.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }
    }

    /// A Python string literal (the note a kernel without torch prints).
    private static func pythonString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
