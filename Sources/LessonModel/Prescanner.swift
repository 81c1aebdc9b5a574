/// A kramdown attribute line such as `{: .center}` or `{:toc}`, removed before parsing.
public struct AttributeLine: Sendable, Equatable {
    public var line: Int
    /// The text between `{:` and `}`, trimmed.
    public var content: String
}

/// Cuts out of the Markdown what cmark must not see: formulas, Liquid tags and kramdown attribute
/// lines. Everything keeps its line and column, so cmark's positions stay true to the lesson file.
public struct Prescanner {
    public struct Output: Sendable {
        public var text: String
        public var math: [MathSpan]
        public var attributes: [AttributeLine]
        public var references: [Reference]
        public var citations: [Citation] = []
    }

    private var lines: [[Unicode.Scalar]]
    private var math: [MathSpan] = []
    private var attributes: [AttributeLine] = []
    private var references: [Reference] = []
    private var citations: [Citation] = []
    /// The line where a `[@` found no `]` after it: a later `[@` on it would search the same
    /// text again, so a long line of them stays linear.
    private var unclosedCitationLine: Int?
    /// Closers already searched for to the end of the current run and not found. A later opener
    /// would search a subset of the same text, so it is skipped: this keeps long lines linear.
    private var exhausted: Set<String> = []

    /// Scans `text` (the whole file, front matter lines already blanked).
    public static func scan(_ text: String, into diagnostics: inout Diagnostics) -> Output {
        var scanner = Prescanner(lines: text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { Array($0.unicodeScalars) })
        scanner.run(&diagnostics)
        let out = scanner.lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
        return Output(text: out, math: scanner.math, attributes: scanner.attributes, references: scanner.references,
                      citations: scanner.citations)
    }

    private mutating func run(_ diagnostics: inout Diagnostics) {
        var fence: (char: Unicode.Scalar, length: Int)?
        var runStart: Int?
        for i in lines.indices {
            let line = lines[i]
            if let open = fence {
                if let f = Self.fenceRun(line), f.char == open.char, f.length >= open.length,
                   line.dropFirst(f.indent + f.length).allSatisfy({ $0 == " " || $0 == "\t" }) {
                    fence = nil
                }
                continue
            }
            if let f = Self.fenceRun(line) {
                scanRun(from: runStart, to: i, &diagnostics)
                runStart = nil
                fence = (f.char, f.length)
                continue
            }
            if let content = Self.attributeContent(line) {
                scanRun(from: runStart, to: i, &diagnostics)
                runStart = nil
                attributes.append(AttributeLine(line: i + 1, content: content))
                lines[i] = []
                continue
            }
            if Self.isBlank(line) || Self.startsBlock(line) {
                scanRun(from: runStart, to: i, &diagnostics)
                runStart = Self.isBlank(line) ? nil : i
            } else if runStart == nil {
                runStart = i
            }
        }
        scanRun(from: runStart, to: lines.count, &diagnostics)
    }

    // MARK: Line classification

    static func isBlank(_ line: [Unicode.Scalar]) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// A line that begins a new block (heading, list item, rule), so formulas never run into it.
    static func startsBlock(_ line: [Unicode.Scalar]) -> Bool {
        let rest = line.drop { $0 == " " || $0 == "\t" }
        guard let first = rest.first else { return false }
        if first == "#" { return true }
        if first == "-" || first == "*" || first == "+" {
            return rest.dropFirst().first.map { $0 == " " || $0 == "\t" } ?? true
        }
        let digits = rest.prefix(while: isASCIIDigit)
        if !digits.isEmpty, digits.count <= 9 {
            let after = rest.dropFirst(digits.count)
            if let d = after.first, d == "." || d == ")" {
                return after.dropFirst().first.map { $0 == " " || $0 == "\t" } ?? true
            }
        }
        return false
    }

    static func isASCIIDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }

    /// A code fence opener or closer: ``` or ~~~ (three or more), at any indentation.
    static func fenceRun(_ line: [Unicode.Scalar]) -> (char: Unicode.Scalar, length: Int, indent: Int)? {
        let indent = line.prefix { $0 == " " || $0 == "\t" }.count
        guard indent < line.count else { return nil }
        let c = line[indent]
        guard c == "`" || c == "~" else { return nil }
        let length = line[indent...].prefix { $0 == c }.count
        guard length >= 3 else { return nil }
        if c == "`" && line[(indent + length)...].contains("`") { return nil }
        return (c, length, indent)
    }

    /// The content of a kramdown attribute line `{: ...}`, or nil.
    static func attributeContent(_ line: [Unicode.Scalar]) -> String? {
        // Most lines are not attribute lines: look at the first two scalars before building a
        // string of the whole line (a 10 MB line must stay cheap).
        let rest = line.drop { $0 == " " || $0 == "\t" }
        guard rest.starts(with: ["{", ":"] as [Unicode.Scalar]) else { return nil }
        let text = String(String.UnicodeScalarView(line)).trimmingWhitespace
        guard text.hasPrefix("{:"), text.hasSuffix("}"), text.count >= 3 else { return nil }
        let inner = text.dropFirst(2).dropLast()
        guard !inner.contains("{"), !inner.contains("}") else { return nil }
        return inner.trimmingWhitespace
    }

    // MARK: Scanning a run of lines (a paragraph, roughly)

    private struct Cursor: Comparable {
        var line: Int, column: Int
        static func < (a: Cursor, b: Cursor) -> Bool { (a.line, a.column) < (b.line, b.column) }
    }

    private func scalar(at c: Cursor) -> Unicode.Scalar? {
        c.line < lines.count && c.column < lines[c.line].count ? lines[c.line][c.column] : nil
    }

    /// The next position, moving to the start of the next line (skipping blockquote markers) at a line end.
    private func advance(_ c: Cursor, end: Int) -> Cursor? {
        if c.column + 1 < lines[c.line].count { return Cursor(line: c.line, column: c.column + 1) }
        var next = c.line + 1
        while next < end {
            let start = Self.continuationPrefix(lines[next])
            if start < lines[next].count { return Cursor(line: next, column: start) }
            next += 1
        }
        return nil
    }

    /// Length of a continuation line's container prefix (indentation and `>` markers), kept out of formulas.
    static func continuationPrefix(_ line: [Unicode.Scalar]) -> Int {
        var i = 0
        while i < line.count {
            if line[i] == " " || line[i] == "\t" { i += 1 } else if line[i] == ">" { i += 1 } else { break }
        }
        return i
    }

    private mutating func scanRun(from start: Int?, to end: Int, _ diagnostics: inout Diagnostics) {
        guard let start, start < end else { return }
        exhausted = []
        var c: Cursor? = Cursor(line: start, column: 0)
        if lines[start].isEmpty { c = advance(Cursor(line: start, column: 0), end: end) }
        while let here = c {
            guard let s = scalar(at: here) else { c = advance(here, end: end); continue }
            switch s {
            case "\\":
                guard let next = advance(here, end: end), next.line == here.line else { c = advance(here, end: end); continue }
                let n = scalar(at: next)
                if n == "(" || n == "[" {
                    let close: [Unicode.Scalar] = n == "(" ? ["\\", ")"] : ["\\", "]"]
                    if let stop = find(close, after: next, end: end) {
                        c = cut(here, through: stop, delimiter: n == "(" ? .parenthesis : .bracket, diagnostics: &diagnostics, end: end)
                        continue
                    }
                }
                c = advance(next, end: end)  // an escaped character is never a delimiter
            case "`":
                let length = lines[here.line][here.column...].prefix { $0 == "`" }.count
                let after = Cursor(line: here.line, column: here.column + length - 1)
                c = advance(closingBackticks(length, after: after, end: end) ?? after, end: end)
            case "$":
                c = dollar(at: here, end: end, &diagnostics)
            case "[":
                c = citation(at: here, &diagnostics) ?? advance(here, end: end)
            case "{":
                if let next = advance(here, end: end), next.line == here.line, scalar(at: next) == "%",
                   let stop = find(["%", "}"], after: next, end: end) {
                    dropLiquid(here, through: stop, &diagnostics)
                    c = advance(stop, end: end)
                } else if let next = advance(here, end: end), next.line == here.line, scalar(at: next) == "{",
                          let stop = find(["}", "}"], after: next, end: end), stop.line == here.line {
                    cutReference(here, through: stop, &diagnostics)
                    c = advance(stop, end: end)
                } else {
                    c = advance(here, end: end)
                }
            default:
                c = advance(lastPlain(from: here), end: end)
            }
        }
    }

    /// The end of the run of scalars starting at `c` on its line that start nothing, so long
    /// lines of prose are skipped in one tight loop (the same as advancing one by one).
    private func lastPlain(from c: Cursor) -> Cursor {
        lines[c.line].withUnsafeBufferPointer { line in
            var k = c.column
            while k + 1 < line.count {
                let s = line[k + 1]
                if s == "\\" || s == "`" || s == "$" || s == "{" || s == "[" { break }
                k += 1
            }
            return Cursor(line: c.line, column: k)
        }
    }

    private mutating func dollar(at here: Cursor, end: Int, _ diagnostics: inout Diagnostics) -> Cursor? {
        let line = lines[here.line]
        if here.column + 1 < line.count, line[here.column + 1] == "$" {
            let second = Cursor(line: here.line, column: here.column + 1)
            if let stop = find(["$", "$"], after: second, end: end) {
                return cut(here, through: stop, delimiter: .doubleDollar, diagnostics: &diagnostics, end: end)
            }
            // Unlike a lone `$` (prices), an unclosed `$$` is almost always a formula gone wrong.
            diagnostics.warning(SourcePosition(line: here.line + 1, column: here.column + 1),
                                "'$$' opens a formula that is never closed in this paragraph; it is shown as text")
            return advance(second, end: end)
        }
        // Pandoc's rule: `$` opens only before a non-space, closes only after a non-space and not before a digit.
        guard let first = advance(here, end: end), first.line == here.line,
              let f = scalar(at: first), f != " ", f != "\t" else { return advance(here, end: end) }
        guard !exhausted.contains("$") else { return advance(here, end: end) }
        var c: Cursor? = first
        var previous: Unicode.Scalar = "$"
        var previousLine = here.line
        while let p = c, let s = scalar(at: p) {
            if p.line != previousLine { previous = " " }  // a line break counts as white space
            previousLine = p.line
            if s == "\\" {
                previous = "\\"
                c = advance(p, end: end).flatMap { advance($0, end: end) }
                continue
            }
            if s == "$" && p != first && previous != " " && previous != "\t" {
                let next = p.column + 1 < lines[p.line].count ? lines[p.line][p.column + 1] : nil
                if !(next.map(Self.isASCIIDigit) ?? false) {
                    return cut(here, through: p, delimiter: .dollar, diagnostics: &diagnostics, end: end)
                }
            }
            previous = s
            c = advance(p, end: end)
        }
        exhausted.insert("$")
        return advance(here, end: end)
    }

    /// The position of the last scalar of the next occurrence of `pattern` after `start`, skipping escapes.
    private mutating func find(_ pattern: [Unicode.Scalar], after start: Cursor, end: Int) -> Cursor? {
        let key = String(String.UnicodeScalarView(pattern))
        guard !exhausted.contains(key) else { return nil }
        var result: Cursor?
        defer { if result == nil { exhausted.insert(key) } }
        var c = advance(start, end: end)
        while let p = c {
            let line = lines[p.line]
            if line[p.column] == "\\" && pattern[0] != "\\" {
                c = advance(p, end: end).flatMap { advance($0, end: end) }
                continue
            }
            // Compared in place: a copy per position was most of the time spent on long runs.
            if p.column + pattern.count <= line.count,
               pattern.indices.allSatisfy({ line[p.column + $0] == pattern[$0] }) {
                result = Cursor(line: p.line, column: p.column + pattern.count - 1)
                return result
            }
            c = advance(p, end: end)
        }
        return nil
    }

    private mutating func closingBackticks(_ length: Int, after start: Cursor, end: Int) -> Cursor? {
        let key = "`\(length)"
        guard !exhausted.contains(key) else { return nil }
        var c = advance(start, end: end)
        while let p = c {
            let line = lines[p.line]
            if line[p.column] == "`" {
                let run = line[p.column...].prefix { $0 == "`" }.count
                let last = Cursor(line: p.line, column: p.column + run - 1)
                if run == length { return last }
                c = advance(last, end: end)
            } else {
                c = advance(p, end: end)
            }
        }
        exhausted.insert(key)
        return nil
    }

    /// Replaces a formula by its marker and fillers, and records it.
    private mutating func cut(_ from: Cursor, through to: Cursor, delimiter: MathSpan.Delimiter,
                              diagnostics: inout Diagnostics, end: Int) -> Cursor? {
        guard math.count < Placeholder.maxFormulas else {
            diagnostics.error(SourcePosition(line: from.line + 1, column: from.column + 1),
                              "too many formulas in one lesson (the limit is \(Placeholder.maxFormulas))")
            return advance(to, end: end)
        }
        var portions: [String] = []
        var source: [String] = []
        var tex = String.UnicodeScalarView()
        let open = delimiter.rawValue.unicodeScalars.count
        for l in from.line...to.line {
            let first = l == from.line ? from.column : Self.continuationPrefix(lines[l])
            let last = l == to.line ? to.column : lines[l].count - 1
            if l != from.line { tex.append("\n") }
            // A line that gives the formula nothing (only a quote marker, `>`) still counts: the
            // formula's lines map one to one onto the file's, or every problem after it would be
            // placed a line too early (and past the end of a shorter line).
            guard first <= last else {
                portions.append("")
                source.append(String(String.UnicodeScalarView(lines[l])))
                continue
            }
            let original = Array(lines[l][first...last])
            portions.append(String(String.UnicodeScalarView(original)))
            source.append(String(String.UnicodeScalarView(l == from.line ? original : Array(lines[l][0...last]))))
            let lo = l == from.line ? open : 0
            let hi = original.count - (l == to.line ? open : 0)
            if lo < hi { tex.append(contentsOf: original[lo..<hi]) }
            for k in first...last { lines[l][k] = Placeholder.filler }
        }
        lines[from.line][from.column] = Placeholder.marker(math.count)
        math.append(MathSpan(delimiter: delimiter, tex: String(tex),
                             position: SourcePosition(line: from.line + 1, column: from.column + 1),
                             source: source.joined(separator: "\n"), portions: portions,
                             display: delimiter == .bracket))
        return advance(to, end: end)
    }

    /// Replaces `{{ block.name }}` by a reference marker (and fillers), and records it.
    private mutating func cutReference(_ from: Cursor, through to: Cursor, _ diagnostics: inout Diagnostics) {
        let line = lines[from.line]
        let source = String(String.UnicodeScalarView(line[from.column...to.column]))
        let inner = String(String.UnicodeScalarView(line[(from.column + 2)..<(to.column - 1)]))
        let position = SourcePosition(line: from.line + 1, column: from.column + 1)
        guard let (block, path) = ReferenceMarker.parse(inner) else {
            diagnostics.error(position, "'\(source)' is not a reference; expected a block name and what to quote, like '{{ xor.loss }}' or '{{ colah.b.grad }}'")
            return
        }
        guard references.count < ReferenceMarker.max else {
            diagnostics.error(position, "too many references in one lesson (the limit is \(ReferenceMarker.max))")
            return
        }
        for k in from.column...to.column { lines[from.line][k] = Placeholder.filler }
        lines[from.line][from.column] = ReferenceMarker.marker(references.count)
        references.append(Reference(block: block, path: path, source: source, position: position))
    }

    /// Replaces `[@key, locator; @other]` by a citation marker (and fillers) and records it; nil
    /// when the `[` opens no citation. A citation stays on its line, like `{{ }}`; before `(` or
    /// `[` it is a link's text, as in pandoc.
    private mutating func citation(at here: Cursor, _ diagnostics: inout Diagnostics) -> Cursor? {
        let line = lines[here.line]
        guard here.column + 1 < line.count, line[here.column + 1] == "@" else { return nil }
        let position = SourcePosition(line: here.line + 1, column: here.column + 1)
        let close = unclosedCitationLine == here.line ? nil : line[(here.column + 1)...].firstIndex { $0 == "]" || $0 == "[" }
        guard let close, line[close] == "]" else {
            if close == nil { unclosedCitationLine = here.line }
            diagnostics.error(position, "'[@' opens a citation that is not closed on its line; expected ']' after the key, like '[@goodfellow2016]'")
            return nil
        }
        if close + 1 < line.count, line[close + 1] == "(" || line[close + 1] == "[" { return nil }
        let source = String(String.UnicodeScalarView(line[here.column...close]))
        let stop = Cursor(line: here.line, column: close)
        switch CitationMarker.parse(Array(line[(here.column + 1)..<close]), line: here.line + 1, column: here.column + 1) {
        case .failure(let expected):
            diagnostics.error(position, "'\(source)' is not a citation: \(expected.message), like '[@goodfellow2016]' or '[@goodfellow2016, section 6.5; @olah2015]'")
        case .success(let items):
            guard citations.count < CitationMarker.max else {
                diagnostics.error(position, "too many citations in one lesson (the limit is \(CitationMarker.max))")
                return stop
            }
            for k in here.column...close { lines[here.line][k] = Placeholder.filler }
            lines[here.line][here.column] = CitationMarker.marker(citations.count)
            citations.append(Citation(items: items, source: source, position: position))
        }
        return stop
    }

    private mutating func dropLiquid(_ from: Cursor, through to: Cursor, _ diagnostics: inout Diagnostics) {
        var tag = ""
        for l in from.line...to.line {
            let first = l == from.line ? from.column : 0
            let last = l == to.line ? to.column : lines[l].count - 1
            guard first <= last else { continue }
            tag += (l == from.line ? "" : " ") + String(String.UnicodeScalarView(lines[l][first...last]))
            for k in first...last { lines[l][k] = " " }
        }
        diagnostics.warning(SourcePosition(line: from.line + 1, column: from.column + 1),
                            "Liquid tag '\(tag)' is not supported and was dropped")
    }
}
