/// Python syntax highlighting at build time: a small tokenizer (keywords, builtins, strings with
/// their prefixes, f-string fields, triple quotes, numbers, comments, decorators, operators) whose
/// tokens become `<span class="k">`. All text goes through `HTML.text`; colours are in the
/// stylesheet, for light and dark themes.
package enum PythonHighlighter {
    /// The token kinds, named as their CSS classes: Pygments' short names, since the course has
    /// some fifteen thousand of them (an operator's `tok-operator` cost 59 KB across the site).
    enum Kind: String {
        case keyword = "k", constant = "kc", builtin = "nb", definition = "nf", string = "s", interpolation = "si"
        case number = "m", comment = "c", decorator = "nd", `operator` = "o"
    }

    static let keywords: Set<String> = [
        "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except",
        "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
        "raise", "return", "try", "while", "with", "yield",
    ]
    static let constants: Set<String> = ["True", "False", "None"]
    static let builtins: Set<String> = [
        "abs", "all", "any", "bool", "dict", "divmod", "enumerate", "filter", "float", "format", "int", "isinstance",
        "iter", "len", "list", "map", "max", "min", "next", "object", "open", "print", "range", "repr", "reversed",
        "round", "set", "sorted", "str", "sum", "super", "tuple", "type", "zip", "self",
    ]

    /// The source as HTML for a `<code>` element.
    package static func html(_ source: String) -> Markup {
        // Every token went through `span`, which escapes it.
        Markup(raw: html(source, depth: 0))
    }

    /// f-string fields are highlighted recursively; beyond this depth (only contrived input
    /// nests so deep) a field is plain text, so the stack stays small.
    static let maxFieldDepth = 8

    static func html(_ source: String, depth: Int) -> String {
        var out = ""
        var scanner = Scanner(Array(source), depth: depth)
        while let piece = scanner.next() { out += piece }
        return out
    }

    static func span(_ text: String, _ kind: Kind?) -> String {
        guard let kind else { return HTML.text(text) }
        return "<span class=\"\(kind.rawValue)\">\(HTML.text(text))</span>"
    }

    /// Reads one token at a time and returns it as HTML.
    struct Scanner {
        let chars: [Character]
        var i = 0
        /// True until something other than spaces appears on the current line (decorators).
        var lineStart = true
        /// The last word or symbol, to tell `def name` and `x.sum` from other names.
        var previous = ""

        /// How many f-string fields this text sits inside.
        let depth: Int

        init(_ chars: [Character], depth: Int) {
            self.chars = chars
            self.depth = depth
        }

        /// The next token as HTML, or nil at the end.
        mutating func next() -> String? {
            guard let c = peek() else { return nil }
            if c == "\n" {
                i += 1
                lineStart = true
                return HTML.text("\n")
            }
            if c == " " || c == "\t" || c == "\r" {
                return HTML.text(take { $0 == " " || $0 == "\t" || $0 == "\r" })
            }
            defer { lineStart = false }
            if c == "#" { return PythonHighlighter.span(take { $0 != "\n" }, .comment) }
            if let string = stringLiteral() { return string }
            if c.isLetter || c == "_" {
                let word = take { $0.isLetter || $0.isNumber || $0 == "_" }
                defer { previous = word }
                return PythonHighlighter.span(word, classify(word))
            }
            if (c.isASCII && c.isNumber) || (c == "." && peek(1).map { $0.isASCII && $0.isNumber } == true) {
                previous = "0"
                return PythonHighlighter.span(number(), .number)
            }
            if c == "@", lineStart, peek(1).map({ $0.isLetter || $0 == "_" }) == true {
                i += 1
                return PythonHighlighter.span("@" + take { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }, .decorator)
            }
            if Self.operators.contains(c) {
                let op = take { Self.operators.contains($0) }
                previous = op
                return PythonHighlighter.span(op, .operator)
            }
            i += 1
            previous = String(c)
            return HTML.text(String(c))
        }

        static let operators: Set<Character> = ["+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "=", "!"]

        private func peek(_ k: Int = 0) -> Character? { i + k < chars.count ? chars[i + k] : nil }

        private mutating func take(while test: (Character) -> Bool) -> String {
            let start = i
            while i < chars.count, test(chars[i]) { i += 1 }
            return String(chars[start..<i])
        }

        private func classify(_ word: String) -> Kind? {
            if previous == "def" || previous == "class" { return .definition }
            if previous == "." { return nil }  // an attribute: np.sum is not the builtin sum
            if PythonHighlighter.keywords.contains(word) { return .keyword }
            if PythonHighlighter.constants.contains(word) { return .constant }
            if PythonHighlighter.builtins.contains(word) { return .builtin }
            return nil
        }

        /// 12, 1_000, 0x1F, 3.5e-08, .5, 2j.
        private mutating func number() -> String {
            let start = i
            if peek() == "0", let x = peek(1), "xXoObB".contains(x) {
                i += 2
                _ = take { $0.isHexDigit || $0 == "_" }
                return String(chars[start..<i])
            }
            _ = take { $0.isASCII && $0.isNumber || $0 == "_" }
            if peek() == "." { i += 1; _ = take { $0.isASCII && $0.isNumber || $0 == "_" } }
            if let e = peek(), e == "e" || e == "E",
               let d = peek(1), d.isNumber || ((d == "+" || d == "-") && peek(2)?.isNumber == true) {
                i += 2
                _ = take { $0.isASCII && $0.isNumber || $0 == "_" }
            }
            if let j = peek(), j == "j" || j == "J" { i += 1 }
            return String(chars[start..<i])
        }

        /// A string with its prefix (`r`, `b`, `f`, `rb`, ...), single or triple quoted, as HTML;
        /// nil when no string starts here.
        private mutating func stringLiteral() -> String? {
            var k = 0
            while k < 2, let p = peek(k), "rRbBuUfF".contains(p) { k += 1 }
            guard let q = peek(k), q == "\"" || q == "'" else { return nil }
            if k > 0, let before = i > 0 ? chars[i - 1] : nil, before.isLetter || before.isNumber || before == "_" { return nil }
            let prefix = String(chars[i..<(i + k)]).lowercased()
            let isF = prefix.contains("f")  // raw strings need nothing special: \" never ends one
            let triple = peek(k + 1) == q && peek(k + 2) == q
            let quote = triple ? String(repeating: String(q), count: 3) : String(q)
            var html = ""
            var literal = String(chars[i..<(i + k)]) + quote
            i += k + quote.count
            func flush() {
                if !literal.isEmpty { html += PythonHighlighter.span(literal, .string) }
                literal = ""
            }
            while let c = peek() {
                if c == "\\" && i + 1 < chars.count {
                    literal += String(chars[i...(i + 1)])
                    i += 2
                    continue
                }
                if !triple && c == "\n" { break }  // unterminated: stop at the end of the line
                if c == q && (!triple || (peek(1) == q && peek(2) == q)) {
                    literal += quote
                    i += quote.count
                    flush()
                    previous = "\""
                    return html
                }
                if isF && (c == "{" || c == "}") {
                    if peek(1) == c {  // {{ and }} are literal braces
                        literal += String(c) + String(c)
                        i += 2
                        continue
                    }
                    if c == "{" {
                        flush()
                        html += field(quote: q)
                        continue
                    }
                }
                literal.append(c)
                i += 1
            }
            flush()
            previous = "\""
            return html
        }

        /// An f-string's `{expression!r:spec}` field: the braces marked, the expression highlighted.
        private mutating func field(quote: Character) -> String {
            i += 1  // {
            let start = i
            var nesting = 0
            var specStart: Int?
            while let c = peek() {
                if c == quote && nesting == 0 { break }
                if "([{".contains(c) { nesting += 1 }
                if ")]}".contains(c) {
                    if nesting == 0 { break }
                    nesting -= 1
                }
                if c == ":" && nesting == 0 && specStart == nil { specStart = i }
                i += 1
            }
            let end = specStart ?? i
            let expression = String(chars[start..<end])
            var html = PythonHighlighter.span("{", .interpolation)
                + (depth < PythonHighlighter.maxFieldDepth ? PythonHighlighter.html(expression, depth: depth + 1) : HTML.text(expression))
            if let s = specStart { html += PythonHighlighter.span(String(chars[s..<i]), .string) }
            if peek() == "}" {
                html += PythonHighlighter.span("}", .interpolation)
                i += 1
            }
            return html
        }
    }
}
