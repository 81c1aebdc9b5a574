/// One TeX token, with the offset (in Unicode scalars) where it starts in the formula.
struct Token: Sendable {
    enum Kind: Equatable, Sendable {
        /// `\name` (letters) or `\c` (one other scalar); `\` at the very end gives an empty name.
        case command(String)
        case char(Unicode.Scalar)
        case open, close, superscript, `subscript`, alignment, prime
        /// A run of white space (math mode ignores it; `\text` keeps one space).
        case space
        case end
    }

    var kind: Kind
    var offset: Int
}

/// Splits TeX into tokens. TeX's `%` comments run to the end of the line and are dropped.
enum Lexer {
    static func tokens(of tex: String) -> [Token] {
        let s = Array(tex.unicodeScalars)
        var out: [Token] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            let c = s[i]
            switch c {
            case "\\":
                var j = i + 1
                if j < s.count, isLetter(s[j]) {
                    while j < s.count, isLetter(s[j]) { j += 1 }
                } else if j < s.count {
                    j += 1
                }
                out.append(Token(kind: .command(String(String.UnicodeScalarView(s[(i + 1)..<j]))), offset: i))
                i = j
                continue
            case "%":
                while i < s.count, s[i] != "\n" { i += 1 }
                continue
            case " ", "\t", "\n", "\r":
                let start = i
                while i < s.count, s[i] == " " || s[i] == "\t" || s[i] == "\n" || s[i] == "\r" { i += 1 }
                out.append(Token(kind: .space, offset: start))
                continue
            case "{": out.append(Token(kind: .open, offset: i))
            case "}": out.append(Token(kind: .close, offset: i))
            case "^": out.append(Token(kind: .superscript, offset: i))
            case "_": out.append(Token(kind: .subscript, offset: i))
            case "&": out.append(Token(kind: .alignment, offset: i))
            case "'": out.append(Token(kind: .prime, offset: i))
            default: out.append(Token(kind: .char(c), offset: i))
            }
            i += 1
        }
        out.append(Token(kind: .end, offset: s.count))
        return out
    }

    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z")
    }
}
