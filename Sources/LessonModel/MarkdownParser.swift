import CMark

/// Parses prescanned Markdown with cmark-gfm (CommonMark + GFM tables, strikethrough, autolinks)
/// into the lesson AST. Recursion is bounded by `maxDepth`, so hostile nesting gets an error, not a crash.
struct MarkdownParser {
    static let maxDepth = 64

    let columns: ColumnMap
    var math: [MathSpan]
    let references: [Reference]
    let citations: [Citation]
    var diagnostics: Diagnostics
    /// Every image of the lesson, Markdown and raw HTML, in document order.
    var images: [Image] = []
    private var depthExceeded = false

    init(text: String, math: [MathSpan], references: [Reference] = [], citations: [Citation] = [], diagnostics: Diagnostics) {
        self.columns = ColumnMap(text)
        self.math = math
        self.references = references
        self.citations = citations
        self.diagnostics = diagnostics
    }

    /// Parses `text` into top-level blocks.
    mutating func parse(_ text: String) -> [Block] {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_UNSAFE) else { return [] }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink"] {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parser_feed(parser, $0, buffer.count)
                }
            }
        }
        guard let root = cmark_parser_finish(parser) else { return [] }
        defer { cmark_node_free(root) }
        return blocks(under: root, depth: 0)
    }

    // MARK: Blocks

    private mutating func blocks(under parent: OpaquePointer, depth: Int) -> [Block] {
        var result: [Block] = []
        var child = cmark_node_first_child(parent)
        while let node = child {
            if let block = block(node, depth: depth) { result.append(block) }
            child = cmark_node_next(node)
        }
        return result
    }

    private mutating func block(_ node: OpaquePointer, depth: Int) -> Block? {
        let start = Int(cmark_node_get_start_line(node)), end = Int(cmark_node_get_end_line(node))
        if depth > Self.maxDepth {
            tooDeep(SourcePosition(line: start, column: columns.column(line: start, byte: Int(cmark_node_get_start_column(node)))))
            return nil
        }
        let kind: BlockKind
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            let content = inlines(under: node, depth: depth + 1)
            kind = displayMath(content).map { .displayMath($0) } ?? .paragraph(content)
        case CMARK_NODE_HEADING:
            kind = .heading(level: Int(cmark_node_get_heading_level(node)),
                            content: inlines(under: node, depth: depth + 1), id: "")
        case CMARK_NODE_CODE_BLOCK:
            warnIfUnclosed(node, start: start, end: end)
            let info = string(cmark_node_get_fence_info(node))
            let text = Placeholders.restore(string(cmark_node_get_literal(node)), math: math, references: references, citations: citations)
            let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if words.first == "exercise" {
                let column = columns.column(line: start, byte: Int(cmark_node_get_start_column(node)))
                kind = ExerciseParser.parse(name: words.dropFirst().first, source: text, fenceLine: start,
                                            fenceColumn: column, diagnostics: &diagnostics)
                    .map { .exercise($0) } ?? .code(language: "exercise", text: text)
            } else if let first = words.first, let lessonKind = LessonBlock.Kind(rawValue: first) {
                kind = .lesson(LessonBlock(kind: lessonKind, name: words.dropFirst().first,
                                           source: text, fenceLine: start))
            } else {
                kind = .code(language: words.first, text: text)
            }
        case CMARK_NODE_HTML_BLOCK:
            let html = string(cmark_node_get_literal(node))
            collectImages(inHTML: html, line: start, column: 1)
            kind = .html(html)
        case CMARK_NODE_BLOCK_QUOTE:
            kind = .quote(blocks(under: node, depth: depth + 1))
        case CMARK_NODE_LIST:
            var items: [[Block]] = []
            var item = cmark_node_first_child(node)
            while let i = item {
                items.append(blocks(under: i, depth: depth + 1))
                item = cmark_node_next(i)
            }
            kind = .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                         start: Int(cmark_node_get_list_start(node)),
                         tight: cmark_node_get_list_tight(node) != 0, items: items)
        case CMARK_NODE_THEMATIC_BREAK:
            kind = .thematicBreak
        default:
            guard string(cmark_node_get_type_string(node)) == "table" else { return nil }
            kind = .table(table(node, depth: depth))
        }
        return Block(kind, startLine: start, endLine: max(start, end))
    }

    private mutating func table(_ node: OpaquePointer, depth: Int) -> Table {
        let count = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [Alignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for i in 0..<count {
                switch raw[i] {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "c"): alignments.append(.center)
                case UInt8(ascii: "r"): alignments.append(.right)
                default: alignments.append(.none)
                }
            }
        }
        var header: [[Inline]] = []
        var rows: [[[Inline]]] = []
        var row = cmark_node_first_child(node)
        while let r = row {
            var cells: [[Inline]] = []
            var cell = cmark_node_first_child(r)
            while let c = cell {
                cells.append(inlines(under: c, depth: depth + 2))
                cell = cmark_node_next(c)
            }
            if cmark_gfm_extensions_get_table_row_is_header(r) != 0 { header = cells } else { rows.append(cells) }
            row = cmark_node_next(r)
        }
        return Table(alignments: alignments, header: header, rows: rows)
    }

    /// The formula index when a paragraph holds one `$$`/`\[` formula and nothing else (kramdown's rule).
    private mutating func displayMath(_ content: [Inline]) -> Int? {
        var found: Int?
        for inline in content {
            switch inline {
            case .math(let i) where found == nil: found = i
            case .softBreak, .lineBreak: continue
            case .text(let t) where t.allSatisfy({ $0.isWhitespace }): continue
            default: return nil
            }
        }
        guard let i = found, math[i].delimiter == .doubleDollar || math[i].delimiter == .bracket else { return nil }
        math[i].display = true
        return i
    }

    // MARK: Inlines

    private mutating func inlines(under parent: OpaquePointer, depth: Int) -> [Inline] {
        var result: [Inline] = []
        var child = cmark_node_first_child(parent)
        while let node = child {
            append(inline(node, depth: depth), to: &result)
            child = cmark_node_next(node)
        }
        return UndefinedReferences.unwrap(result)
    }

    private mutating func inline(_ node: OpaquePointer, depth: Int) -> [Inline] {
        if depth > Self.maxDepth {
            let line = Int(cmark_node_get_start_line(node))
            tooDeep(SourcePosition(line: line, column: columns.column(line: line, byte: Int(cmark_node_get_start_column(node)))))
            return []
        }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return Placeholders.split(string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: return [.softBreak]
        case CMARK_NODE_LINEBREAK: return [.lineBreak]
        case CMARK_NODE_CODE: return [.code(Placeholders.restore(string(cmark_node_get_literal(node)), math: math, references: references, citations: citations))]
        case CMARK_NODE_HTML_INLINE:
            let html = string(cmark_node_get_literal(node))
            let line = Int(cmark_node_get_start_line(node))
            collectImages(inHTML: html, line: line,
                          column: columns.column(line: line, byte: Int(cmark_node_get_start_column(node))))
            return [.html(html)]
        case CMARK_NODE_EMPH: return [.emphasis(inlines(under: node, depth: depth + 1))]
        case CMARK_NODE_STRONG: return [.strong(inlines(under: node, depth: depth + 1))]
        case CMARK_NODE_LINK:
            return [.link(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
                          content: inlines(under: node, depth: depth + 1))]
        case CMARK_NODE_IMAGE:
            let line = Int(cmark_node_get_start_line(node))
            let alt = inlines(under: node, depth: depth + 1)
            let image = Image(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
                              alt: PlainText.of(alt, math: math),
                              position: SourcePosition(line: line, column: columns.column(
                                line: line, byte: Int(cmark_node_get_start_column(node)))))
            images.append(image)
            return [.image(image)]
        default:
            if string(cmark_node_get_type_string(node)) == "strikethrough" {
                return [.strikethrough(inlines(under: node, depth: depth + 1))]
            }
            return inlines(under: node, depth: depth + 1)
        }
    }

    /// Records the `<img>` tags of raw HTML that starts at `line`:`column`.
    private mutating func collectImages(inHTML html: String, line: Int, column: Int) {
        for tag in HTMLImageTags.tags(in: html) {
            let (dl, c) = HTMLImageTags.lineAndColumn(of: tag.range.lowerBound, in: html)
            let alt = PlainText.of(Placeholders.split(tag.attribute("alt") ?? ""), math: math)
            images.append(Image(url: tag.attribute("src") ?? "", title: tag.attribute("title") ?? "", alt: alt,
                                position: SourcePosition(line: line + dl, column: dl == 0 ? column + c - 1 : c)))
        }
    }

    /// Appends, merging neighbouring text so patterns split by cmark (like `[a][b]`) are seen whole.
    private func append(_ new: [Inline], to result: inout [Inline]) {
        for inline in new {
            if case .text(let b) = inline, case .text(let a)? = result.last {
                result[result.count - 1] = .text(a + b)
            } else {
                result.append(inline)
            }
        }
    }

    /// CommonMark lets an unclosed fence run to the end of its container (the file, a list, a
    /// quote): legal, but almost always a mistake that swallows the rest of the lesson.
    private mutating func warnIfUnclosed(_ node: OpaquePointer, start: Int, end: Int) {
        var length: Int32 = 0, offset: Int32 = 0, character: CChar = 0
        guard cmark_node_get_fenced(node, &length, &offset, &character) != 0, length > 0 else { return }
        let fence = UInt8(bitPattern: character)
        if end > start, columns.closesFence(line: end, character: fence, length: Int(length)) { return }
        let opener = String(repeating: Character(Unicode.Scalar(fence)), count: Int(length))
        diagnostics.warning(SourcePosition(line: start, column: columns.column(line: start, byte: Int(cmark_node_get_start_column(node)))),
                            "code block opened with \(opener) is never closed; it runs to the end of the file (or of the list or quote it is in)")
    }

    private mutating func tooDeep(_ position: SourcePosition) {
        guard !depthExceeded else { return }
        depthExceeded = true
        diagnostics.error(position, "Markdown nested too deeply (more than \(Self.maxDepth) levels of lists, quotes or emphasis)")
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}

/// Converts cmark's byte columns on the prescanned text to the lesson's scalar columns.
struct ColumnMap {
    private let lines: [[UInt8]]
    /// Per line, the number of scalars before every 64th byte, so a column costs at most 64
    /// steps however long the line (found by `make fuzz`: counting from the line start made a
    /// long line of inline HTML quadratic). Empty for ASCII lines, where columns are bytes.
    private let checkpoints: [[Int]]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        checkpoints = lines.map { line in
            guard line.contains(where: { $0 >= 0x80 }) else { return [] }
            var marks = [0]
            var count = 0
            for (i, byte) in line.enumerated() {
                if byte & 0xC0 != 0x80 { count += 1 }
                if (i + 1) % 64 == 0 { marks.append(count) }
            }
            return marks
        }
    }

    /// Whether 1-based `line` is a closing code fence: after indentation and quote markers, at
    /// least `length` of `character` and nothing but blanks.
    func closesFence(line: Int, character: UInt8, length: Int) -> Bool {
        guard line >= 1, line <= lines.count else { return false }
        let rest = lines[line - 1].drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: ">") }
        let run = rest.prefix { $0 == character }.count
        return run >= length && rest.dropFirst(run).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// The 1-based scalar column of 1-based byte column `byte` on 1-based `line`.
    func column(line: Int, byte: Int) -> Int {
        guard line >= 1, line <= lines.count, byte >= 1 else { return max(byte, 1) }
        let bytes = lines[line - 1]
        let end = min(byte - 1, bytes.count)
        let marks = checkpoints[line - 1]
        guard !marks.isEmpty else { return end + 1 }
        var count = marks[end / 64]
        for i in (end / 64 * 64)..<end where bytes[i] & 0xC0 != 0x80 { count += 1 }
        return count + 1
    }
}
