/// Splits a block's source into tokens, dropping spaces and `#` comments. Never fails: text that
/// is not part of the language becomes an invalid token, which the parser reports in context.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var i = 0
    private var line: Int
    /// Offset of the current line's first scalar; columns count scalars from it.
    private var lineStart = 0
    /// The column just after the current line's last token, or nil while the line has none.
    private var lastEnd: Int?
    private var tokens: [Token] = []

    /// Whether strings, `:` and `->` are tokens (model blocks) or invalid characters (graph blocks).
    private let modelSyntax: Bool

    /// The tokens of `source`, whose first line is `firstLine` of the lesson file. A line that
    /// starts with one of `keywords`, or with `name =`, starts a statement even inside brackets.
    static func tokens(of source: [Unicode.Scalar], firstLine: Int, keywords: Set<String>,
                       modelSyntax: Bool = false) -> [Token] {
        var lexer = Lexer(scalars: source, line: firstLine, modelSyntax: modelSyntax)
        lexer.run()
        lexer.markStatementEnds(keywords: keywords)
        return lexer.tokens
    }

    private init(scalars: [Unicode.Scalar], line: Int, modelSyntax: Bool) {
        self.scalars = scalars
        self.line = line
        self.modelSyntax = modelSyntax
    }

    private mutating func run() {
        while i < scalars.count {
            switch scalars[i] {
            case " ", "\t", "\r":
                i += 1
            case "\n":
                endLine()
                i += 1
                line += 1
                lineStart = i
            case "#":
                while i < scalars.count, scalars[i] != "\n" { i += 1 }
            default:
                lexToken()
            }
        }
        endLine()
        tokens.append(Token(kind: .end, position: position(of: i), offsets: i..<i))
    }

    private func position(of offset: Int) -> SourcePosition {
        SourcePosition(line: line, column: offset - lineStart + 1)
    }

    /// Blank and comment-only lines give no token at all, so statements are separated by exactly one newline.
    private mutating func endLine() {
        guard let column = lastEnd else { return }
        tokens.append(Token(kind: .newline, position: SourcePosition(line: line, column: column), offsets: i..<i))
        lastEnd = nil
    }

    private mutating func add(_ kind: Token.Kind, from start: Int, value: Double = 0, nameStart: Int = 0) {
        tokens.append(Token(kind: kind, position: position(of: start), offsets: start..<i, value: value,
                            nameStart: nameStart))
        lastEnd = i - lineStart + 1
    }

    private mutating func lexToken() {
        let start = i
        let c = scalars[i]
        if Self.startsName(c) {
            while i < scalars.count, Self.continuesName(scalars[i]) { i += 1 }
            add(.name, from: start)
        } else if Self.isDigit(c) || (c == "." && i + 1 < scalars.count && Self.isDigit(scalars[i + 1])) {
            lexNumber()
        } else if c == "\"", modelSyntax {
            lexString()
        } else {
            i += 1
            switch c {
            case "." where i < scalars.count && scalars[i] == ".":
                while i < scalars.count, scalars[i] == "." { i += 1 }
                add(.ellipsis, from: start)
            case "-" where modelSyntax && i < scalars.count && scalars[i] == ">":
                i += 1
                add(.arrow, from: start)
            // Both dialects: named options (`sum(x, axis: 1)`) and `group` lines.
            case ":": add(.colon, from: start)
            case "+": add(.plus, from: start)
            case "-": add(.minus, from: start)
            case "*" where i < scalars.count && scalars[i] == "*":
                i += 1
                add(.doubleStar, from: start)
            case "*": add(.star, from: start)
            case "/": add(.slash, from: start)
            case "@": add(.at, from: start)
            case "^": add(.caret, from: start)
            // `==` and `!=` before `=`: a comparison is one token, never an assignment.
            case "=" where i < scalars.count && scalars[i] == "=":
                i += 1
                add(.equalEqual, from: start)
            case "!" where i < scalars.count && scalars[i] == "=":
                i += 1
                add(.notEqual, from: start)
            case ">", "<":
                let orEqual = i < scalars.count && scalars[i] == "="
                if orEqual { i += 1 }
                add(c == ">" ? (orEqual ? .greaterEqual : .greater) : (orEqual ? .lessEqual : .less), from: start)
            case "=": add(.equals, from: start)
            case ",": add(.comma, from: start)
            case "(": add(.leftParen, from: start)
            case ")": add(.rightParen, from: start)
            case "[": add(.leftBracket, from: start)
            case "]": add(.rightBracket, from: start)
            default: add(.invalidCharacter, from: start)
            }
        }
    }

    /// `1`, `0.5`, `.5`, `1.`, `1e-3`, `2.5E+4`. Letters glued to a number (`2x`, `1e`) are an error.
    private mutating func lexNumber() {
        let start = i
        skipDigits()
        // `1...4` is a range: the dots are not the number's.
        if i < scalars.count, scalars[i] == ".", !(i + 1 < scalars.count && scalars[i + 1] == ".") {
            i += 1
            skipDigits()
        }
        if i < scalars.count, scalars[i] == "e" || scalars[i] == "E" {
            var j = i + 1
            if j < scalars.count, scalars[j] == "+" || scalars[j] == "-" { j += 1 }
            if j < scalars.count, Self.isDigit(scalars[j]) {
                i = j
                skipDigits()
            }
        }
        let numberEnd = i
        guard i < scalars.count, Self.continuesName(scalars[i]) else {
            let text = String(String.UnicodeScalarView(scalars[start..<i]))
            add(.number, from: start, value: Double(text) ?? .infinity)
            return
        }
        while i < scalars.count, Self.continuesName(scalars[i]) { i += 1 }
        let exponentWithoutDigits = scalars[numberEnd] == "e" || scalars[numberEnd] == "E"
        add(exponentWithoutDigits ? .malformedExponent : .numberGluedToName, from: start, nameStart: numberEnd)
    }

    /// `"text"` with no escapes, ending on the same line; a `#` inside is part of the string.
    private mutating func lexString() {
        let start = i
        i += 1
        while i < scalars.count, scalars[i] != "\"", scalars[i] != "\n" { i += 1 }
        guard i < scalars.count, scalars[i] == "\"" else {
            add(.unterminatedString, from: start)
            return
        }
        i += 1
        add(.string, from: start)
    }

    private mutating func skipDigits() {
        while i < scalars.count, Self.isDigit(scalars[i]) { i += 1 }
    }

    /// Marks the newlines that end a statement even inside brackets (see `Token.endsStatement`):
    /// a line that starts like a statement cannot continue an expression, and reporting the
    /// unclosed bracket there keeps one typo from swallowing the rest of the block.
    private mutating func markStatementEnds(keywords: Set<String>) {
        for k in tokens.indices where tokens[k].kind == .newline && k + 1 < tokens.count {
            let next = tokens[k + 1]
            let startsStatement = next.kind == .name
                && ((k + 2 < tokens.count && tokens[k + 2].kind == .equals) || keywords.contains(text(next)))
            tokens[k].endsStatement = next.kind == .end || startsStatement
        }
    }

    private func text(_ token: Token) -> String {
        String(String.UnicodeScalarView(scalars[token.offsets]))
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    static func startsName(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_"
    }

    static func continuesName(_ c: Unicode.Scalar) -> Bool { startsName(c) || isDigit(c) }

    /// The message for an invalid token of `source`.
    static func message(for token: Token, in source: [Unicode.Scalar]) -> String {
        let offsets = token.offsets.clamped(to: 0..<source.count)
        let text = String(String.UnicodeScalarView(source[offsets]))
        switch token.kind {
        case .doubleStar:
            return "'**' is not an operator; use '^' for powers, like 'x^2'"
        case .unterminatedString:
            return "unterminated string \(Quote.text(text)); end it with '\"' on the same line"
        case .malformedExponent:
            return "malformed number \(Quote.text(text)); an exponent needs digits, like '1e-3'"
        case .numberGluedToName:
            let split = min(max(token.nameStart, offsets.lowerBound), offsets.upperBound)
            let number = String(String.UnicodeScalarView(source[offsets.lowerBound..<split]))
            let name = String(String.UnicodeScalarView(source[split..<offsets.upperBound]))
            return "\(Quote.text(text)) is not a number; write '\(number) * \(name)' to multiply"
        default:
            if offsets.isEmpty { return "unexpected end of line" }
            if let method = methodCall(at: offsets.lowerBound, in: source) { return method }
            return unexpectedCharacter(source[offsets.lowerBound])
        }
    }

    /// `z.relu()`: a method call on a name, where the block language has functions. Nil unless
    /// the `.` at `dot` sits between a name and one of the functions followed by `(`.
    static func methodCall(at dot: Int, in source: [Unicode.Scalar]) -> String? {
        guard source[dot] == "." else { return nil }
        // Only short names are looked at: the hint quotes them whole.
        let longest = 64
        var start = dot
        while start > 0, dot - start < longest, continuesName(source[start - 1]) { start -= 1 }
        var end = dot + 1
        while end < source.count, end - dot < longest, continuesName(source[end]) { end += 1 }
        guard start < dot, startsName(source[start]), end > dot + 1, end < source.count, source[end] == "(" else { return nil }
        let receiver = String(String.UnicodeScalarView(source[start..<dot]))
        let function = String(String.UnicodeScalarView(source[(dot + 1)..<end]))
        guard Builtins.function(named: function) != nil else { return nil }
        return "functions are called as '\(function)(\(receiver))', not as methods like '\(receiver).\(function)()'"
    }

    /// Lookalikes pasted from prose or slides get a hint; invisible characters are shown by code point.
    static func unexpectedCharacter(_ c: Unicode.Scalar) -> String {
        let lookalikes: [Unicode.Scalar: String] = ["−": "-", "–": "-", "×": "*", "·": "*", "⋅": "*", "÷": "/"]
        let shown: String
        switch c.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .surrogate,
             .privateUse, .unassigned, .nonspacingMark, .spacingMark, .enclosingMark:
            let hex = String(c.value, radix: 16, uppercase: true)
            shown = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        default:
            shown = "'\(c)'"
        }
        if let ascii = lookalikes[c] { return "unexpected character \(shown); did you mean '\(ascii)'?" }
        if c.properties.isAlphabetic { return "unexpected character \(shown); names use ASCII letters, digits and '_'" }
        return "unexpected character \(shown)"
    }
}
