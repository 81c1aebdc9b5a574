/// One YAML scalar on one line: plain, 'single quoted' ('' is a quote) or "double quoted"
/// (with \" \\ \n \t \/ and \uXXXX), followed only by spaces and an optional `# comment`.
/// What YAML would read as something other than text (a list, a mapping, a block scalar, an
/// anchor or tag) is refused with what was expected, never read as something else.
enum ScalarValue {
    struct Problem: Error {
        /// 0-based column of the line.
        var column: Int
        var message: String
    }

    /// `text`'s indices are 0-based columns of the line.
    static func parse(_ text: ArraySlice<Unicode.Scalar>) -> Result<String, Problem> {
        guard let first = text.first else { return .failure(Problem(column: text.startIndex, message: "expected a value")) }
        let start = text.startIndex
        switch first {
        case "\"": return doubleQuoted(text)
        case "'": return singleQuoted(text)
        case "|", ">":
            return .failure(Problem(column: start, message: "block scalars ('|', '>') are not supported; expected the value on this line (in quotes if it holds ': ' or ' #')"))
        case "[", "{":
            return .failure(Problem(column: start, message: "lists and mappings are not supported as values; expected text (in quotes if it starts with '\(Character(first))')"))
        case "&", "*", "!", "%", "@", "`":
            return .failure(Problem(column: start, message: "a plain value cannot start with '\(Character(first))'; expected text, in quotes if it starts with '\(Character(first))'"))
        default: return plain(text)
        }
    }

    /// A plain scalar ends at ` #` (a comment); `: ` inside it would start a mapping.
    private static func plain(_ text: ArraySlice<Unicode.Scalar>) -> Result<String, Problem> {
        var end = text.endIndex
        for i in text.indices where text[i] == "#" && i > text.startIndex && (text[i - 1] == " " || text[i - 1] == "\t") {
            end = i
            break
        }
        let body = text[..<end]
        if let colon = body.indices.first(where: { body[$0] == ":" && ($0 + 1 == end || body[$0 + 1] == " " || body[$0 + 1] == "\t") }) {
            return .failure(Problem(column: colon, message: "a ': ' inside a plain value would start a mapping; expected the value in quotes"))
        }
        return .success(String(String.UnicodeScalarView(body)).trimmingWhitespace)
    }

    private static func singleQuoted(_ text: ArraySlice<Unicode.Scalar>) -> Result<String, Problem> {
        var out = String.UnicodeScalarView()
        var i = text.startIndex + 1
        while i < text.endIndex {
            if text[i] == "'" {
                if i + 1 < text.endIndex, text[i + 1] == "'" { out.append("'"); i += 2; continue }
                return rest(text, after: i).map { String(out) }
            }
            out.append(text[i])
            i += 1
        }
        return .failure(Problem(column: text.endIndex, message: "expected a closing ' on this line"))
    }

    private static func doubleQuoted(_ text: ArraySlice<Unicode.Scalar>) -> Result<String, Problem> {
        var out = String.UnicodeScalarView()
        var i = text.startIndex + 1
        while i < text.endIndex {
            let s = text[i]
            if s == "\"" { return rest(text, after: i).map { String(out) } }
            guard s == "\\" else { out.append(s); i += 1; continue }
            guard i + 1 < text.endIndex else { break }
            switch text[i + 1] {
            case "\"": out.append("\"")
            case "\\": out.append("\\")
            case "/": out.append("/")
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "u":
                let digits = text[(i + 2)...].prefix(4)
                guard digits.count == 4, let value = UInt32(String(String.UnicodeScalarView(digits)), radix: 16),
                      let scalar = Unicode.Scalar(value) else {
                    return .failure(Problem(column: i, message: "expected four hexadecimal digits of a character after '\\u'"))
                }
                out.append(scalar)
                i += 6
                continue
            default:
                return .failure(Problem(column: i, message: "unknown escape '\\\(Character(text[i + 1]))'; expected one of \\\" \\\\ \\/ \\n \\t \\uXXXX"))
            }
            i += 2
        }
        return .failure(Problem(column: text.endIndex, message: "expected a closing \" on this line"))
    }

    /// After a closing quote: only spaces and a comment.
    private static func rest(_ text: ArraySlice<Unicode.Scalar>, after quote: Int) -> Result<Void, Problem> {
        var i = quote + 1
        while i < text.endIndex, text[i] == " " || text[i] == "\t" { i += 1 }
        guard i == text.endIndex || (text[i] == "#" && i > quote + 1) else {
            return .failure(Problem(column: i, message: "expected the end of the line or a '# comment' after the closing quote"))
        }
        return .success(())
    }
}
