/// `\begin{...} ... \end{...}`: matrices, `array`, `cases` and `aligned`, as `<mtable>`.
extension Parser {
    /// How an environment lays out its cells and what fences it.
    struct Layout {
        var open: String?
        var close: String?
        var alignments: [Character] = []
        /// Alternating right/left columns with no gap (`aligned`).
        var aligned = false
        var displayCells = false
    }

    static func layout(_ name: String) -> Layout? {
        switch name {
        case "matrix", "smallmatrix": return Layout()
        case "pmatrix": return Layout(open: "(", close: ")")
        case "bmatrix": return Layout(open: "[", close: "]")
        case "Bmatrix": return Layout(open: "{", close: "}")
        case "vmatrix": return Layout(open: "|", close: "|")
        case "Vmatrix": return Layout(open: "‖", close: "‖")
        case "cases": return Layout(open: "{", alignments: ["l", "l"])
        case "dcases": return Layout(open: "{", alignments: ["l", "l"], displayCells: true)
        case "array", "subarray": return Layout()
        case "aligned", "align", "align*", "split", "alignedat": return Layout(aligned: true, displayCells: true)
        case "gathered", "gather", "gather*": return Layout(displayCells: true)
        default: return nil
        }
    }

    /// The text of a `{name}` group after `\begin`/`\end` (or an array's column spec).
    mutating func name(after command: String, at offset: Int) throws(TeXError) -> String {
        skipSpaces()
        guard peek.kind == .open else { throw error(offset, "'\\\(command)' must be followed by {name}") }
        let open = peek.offset
        index += 1
        var text = ""
        while true {
            switch peek.kind {
            case .close: index += 1; return text
            case .char(let c): text.unicodeScalars.append(c)
            case .space: break
            case .command(let name): text += "\\" + name
            case .end: throw error(open, "unbalanced braces: this '{' is never closed")
            default: throw error(peek.offset, "unexpected character in '\\\(command){...}'")
            }
            index += 1
        }
    }

    mutating func environment(at offset: Int) throws(TeXError) -> Atom {
        let name = try name(after: "begin", at: offset)
        guard var layout = Self.layout(name) else { throw error(offset, "unsupported environment '\(name)'") }
        var lines: [Int] = []  // columns followed by a `|` in an array's spec
        if name == "array" || name == "subarray" || name == "alignedat" {
            let spec = try self.name(after: "begin{\(name)}", at: offset)
            for c in spec {
                if c == "|" { lines.append(layout.alignments.count - 1) } else if "lcr".contains(c) { layout.alignments.append(c) }
            }
        }
        let saved = display
        display = layout.displayCells
        var rows: [[[Atom]]] = [[]]
        while true {
            let cell = try parseList(.environment)
            rows[rows.count - 1].append(cell)
            let t = peek
            switch t.kind {
            case .alignment:
                index += 1
            case .command(let c) where c == "\\" || c == "cr":
                index += 1
                skipOptionalSize()
                rows.append([])
            case .command("end"):
                index += 1
                let end = try self.name(after: "end", at: t.offset)
                guard end == name else { throw error(t.offset, "'\\end{\(end)}' does not match '\\begin{\(name)}'") }
                display = saved
                if let last = rows.last, last.count == 1, last[0].isEmpty, rows.count > 1 { rows.removeLast() }
                return Atom(element: table(rows, layout: layout, lines: lines), atomClass: .inner)
            default:
                throw error(offset, "'\\begin{\(name)}' has no matching '\\end{\(name)}'")
            }
        }
    }

    /// `\\[4pt]`: the optional row spacing is accepted and ignored.
    mutating func skipOptionalSize() {
        skipSpaces()
        guard case .char("[") = peek.kind else { return }
        var i = index
        while i < tokens.count {
            if case .char("]") = tokens[i].kind { index = i + 1; return }
            i += 1
        }
    }

    func table(_ rows: [[[Atom]]], layout: Layout, lines: [Int]) -> Element {
        var trs: [Element] = []
        for row in rows {
            var tds: [Element] = []
            for (column, cell) in row.enumerated() {
                var elements = Parser.elements(cell)
                // In `aligned`, `&=` starts a cell with a relation that must keep its spacing.
                if layout.aligned, column % 2 == 1, let first = elements.first, first.name == "mo" {
                    elements[0] = first.with("form", "infix")
                }
                var styles: [String] = []
                let align: Character = layout.aligned ? (column % 2 == 0 ? "r" : "l")
                    : column < layout.alignments.count ? layout.alignments[column] : "c"
                if align == "l" { styles.append("text-align: left") }
                if align == "r" { styles.append("text-align: right") }
                if layout.aligned { styles.append(column % 2 == 0 ? "padding-right: 0" : "padding-left: 0") }
                if lines.contains(column) { styles.append("border-right: 0.06em solid") }
                let attributes: [(name: String, value: String)] = styles.isEmpty ? [] : [("style", styles.joined(separator: "; "))]
                tds.append(Element("mtd", attributes, children: [Element.row(elements)]))
            }
            trs.append(Element("mtr", children: tds))
        }
        var attributes: [(name: String, value: String)] = []
        let alignments = layout.aligned ? ["right", "left"] : layout.alignments.map { $0 == "l" ? "left" : $0 == "r" ? "right" : "center" }
        if !alignments.isEmpty { attributes.append(("columnalign", alignments.joined(separator: " "))) }
        if layout.displayCells { attributes.append(("displaystyle", "true")) }
        let table = Element("mtable", attributes, children: trs)
        guard layout.open != nil || layout.close != nil else { return table }
        var children: [Element] = []
        if let open = layout.open { children.append(Self.fence(open, form: "prefix")) }
        children.append(table)
        if let close = layout.close { children.append(Self.fence(close, form: "postfix")) }
        return Element("mrow", children: children)
    }
}
