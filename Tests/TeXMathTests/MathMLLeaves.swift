/// Reads back what the corpus comparison looks at in our MathML: the leaf tokens (`mi mn mo
/// mtext`, as `tag:text`) in order, and the nesting of the layout elements, written as
/// `mfrac(msub()msup())`. Our output is well-formed and escapes only `& < > "`, so a small scanner does.
enum MathMLLeaves {
    static let leaves: Set<String> = ["mi", "mn", "mo", "mtext"]
    static let layout: Set<String> = ["mfrac", "msub", "msup", "msubsup", "munder", "mover", "munderover", "msqrt", "mroot", "mtable"]

    static func read(_ mathML: String) -> (tokens: [String], structure: String) {
        var tokens: [String] = []
        var structure = ""
        var stack: [String] = []
        var text = ""
        // Scalars, not Characters: a combining accent (U+20D7) would merge with the `>` before it.
        var rest = Substring.UnicodeScalarView(mathML.unicodeScalars)
        while let lt = rest.firstIndex(of: "<") {
            text += String(String.UnicodeScalarView(rest[..<lt]))
            guard let gt = rest[lt...].firstIndex(of: ">") else { break }
            let tag = String(String.UnicodeScalarView(rest[rest.index(after: lt)..<gt]))
            rest = rest[rest.index(after: gt)...]
            if tag.hasPrefix("/") {
                let name = String(tag.dropFirst())
                if leaves.contains(name), !stack.contains("annotation") {
                    var t = unescape(text)
                    if name == "mtext" { t = t.replacingOccurrences(of: "\u{A0}", with: " ") }
                    tokens.append("\(name):\(t)")
                }
                if layout.contains(name) { structure += ")" }
                stack.removeLast()
                text = ""
                continue
            }
            let name = String(tag.prefix { $0 != " " && $0 != "/" })
            if tag.hasSuffix("/") { continue }
            if layout.contains(name) { structure += name + "(" }
            stack.append(name)
            text = ""
        }
        return (tokens, structure)
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }
}
