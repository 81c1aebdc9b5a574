/// Collects the lines of a Python program: indentation by blocks, comments after two spaces
/// (PEP 8), no runs of blank lines.
struct PythonWriter {
    private(set) var lines: [String] = []
    private var indent = 0

    /// Lines longer than this get their comment on a line of its own, or are broken after a bracket.
    static let width = 100

    private var pad: String { String(repeating: "    ", count: indent) }

    /// One line of code at the current indentation, with an optional trailing comment (which
    /// goes on the line above when the whole would be too long).
    mutating func line(_ code: String, comment: String? = nil) {
        guard let comment = comment.map(PythonLiteral.inert) else { return lines.append(pad + code) }
        let whole = pad + code + "  # " + comment
        if whole.count <= Self.width { return lines.append(whole) }
        self.comment(comment)
        lines.append(pad + code)
    }

    /// `before + items + after` on one line if it fits; else, when `bare` (a tuple that needs no
    /// brackets on one line), `before + "(" + items + ")" + after` broken after the bracket,
    /// and otherwise broken after the bracket that ends `before`.
    mutating func sequence(_ before: String, _ items: [String], _ after: String, bare: Bool = false) {
        let one = before + items.joined(separator: ", ") + after
        if pad.count + one.count <= Self.width || items.count < 2 { return lines.append(pad + one) }
        let open = bare ? before + "(" : before
        let close = bare ? ")" + after : after
        for line in PythonLiteral.wrapped(items, first: open, indent: open.count, last: close, width: Self.width - pad.count) {
            lines.append(pad + line)
        }
    }

    /// Several lines, each at the current indentation (an array literal broken over lines).
    mutating func lines(_ codes: [String]) {
        for code in codes { line(code) }
    }

    /// A whole-line comment, wrapped at word boundaries.
    mutating func comment(_ text: String) {
        var current = ""
        for word in PythonLiteral.inert(text).split(separator: " ", omittingEmptySubsequences: false) {
            if !current.isEmpty, pad.count + 2 + current.count + 1 + word.count > Self.width {
                lines.append(pad + "# " + current)
                current = String(word)
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        lines.append(pad + "# " + current)
    }

    /// `count` blank lines, unless the program already ends with as many (or is empty).
    mutating func blank(_ count: Int = 1) {
        guard !lines.isEmpty else { return }
        let trailing = lines.reversed().prefix { $0.isEmpty }.count
        for _ in trailing..<max(count, trailing) { lines.append("") }
    }

    /// `header` (ending in ":") and an indented body.
    mutating func block(_ header: String, _ body: (inout PythonWriter) -> Void) {
        line(header)
        indent += 1
        body(&self)
        indent -= 1
    }

    /// An indented body under header lines written just before (a header broken over lines).
    mutating func indented(_ body: (inout PythonWriter) -> Void) {
        indent += 1
        body(&self)
        indent -= 1
    }

    /// The program, ending in one newline.
    var text: String {
        var end = lines.count
        while end > 0 && lines[end - 1].isEmpty { end -= 1 }
        return lines[..<end].joined(separator: "\n") + "\n"
    }
}
