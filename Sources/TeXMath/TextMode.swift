/// `\text{...}` and `\operatorname{...}`: words inside a formula.
extension Parser {
    /// Text-mode escapes and the few symbols people use in `\text`.
    static let textCommands: [String: String] = [
        "%": "%", "&": "&", "#": "#", "_": "_", "$": "$", "{": "{", "}": "}", " ": " ", ",": " ", ";": " ",
        "quad": "  ", "qquad": "    ", "ldots": "…", "dots": "…", "textbackslash": "\\", "textendash": "–",
        "textemdash": "—", "~": "~", "-": "", "'": "'",
    ]

    static let textFonts: [String: MathFont] = ["textbf": .bold, "textit": .italic, "textsf": .sansSerif, "texttt": .monospace]

    /// The text of `\text{...}`: white space becomes no-break spaces, which MathML keeps at the ends.
    mutating func text(_ name: String, at offset: Int) throws(TeXError) -> Atom {
        skipSpaces()
        var text = ""
        switch peek.kind {
        case .open:
            let open = peek.offset
            index += 1
            var level = 0
            loop: while true {
                let t = peek
                switch t.kind {
                case .end: throw error(open, "unbalanced braces: this '{' is never closed")
                case .open: level += 1
                case .close:
                    if level == 0 { index += 1; break loop }
                    level -= 1
                case .char(let c): text.unicodeScalars.append(c)
                case .space: text += "\u{A0}"
                case .prime: text += "’"
                case .superscript: text += "^"
                case .subscript: text += "_"
                case .alignment: text += "&"
                case .command(let command):
                    if let s = Self.textCommands[command] {
                        text += s.replacingSpaces
                    } else if Self.textFonts[command] != nil || command == "text" || command == "textrm" {
                        break  // nested styles: their group's text is kept, in the outer style
                    } else {
                        warn(t.offset, "unsupported command '\\\(command)' in text; it is shown as written")
                        text += "\\" + command
                    }
                    if index + 1 < tokens.count, tokens[index + 1].kind == .space, command.unicodeScalars.allSatisfy(Lexer.isLetter) {
                        index += 1  // TeX drops the space after a control word
                    }
                }
                index += 1
            }
        case .char(let c):
            index += 1
            text = String(c)
        default:
            throw error(offset, "'\\\(name)' is missing its argument")
        }
        if let font = Self.textFonts[name], font != .italic {
            var styled = ""
            for c in text.unicodeScalars { styled.unicodeScalars.append(Alphanumerics.styled(c, font) ?? c) }
            text = styled
        }
        return Atom(element: .token("mtext", text), atomClass: .ord)
    }

    /// `\operatorname{ReLU}` (a function name) and `\operatorname*{arg\,max}` (with limits).
    mutating func operatorName(at offset: Int) throws(TeXError) -> Atom {
        var limits = false
        if case .char("*") = peek.kind {
            limits = true
            index += 1
        }
        let saved = font
        font = .roman
        let body = try parseArgument("operatorname", at: offset)
        font = saved
        // Letters, digits and spaces become one identifier, as for \log.
        let parts = body.name == "mrow" ? body.children : [body]
        var name = ""
        for part in parts {
            switch part.name {
            case "mi", "mn", "mo": name += part.text ?? ""
            case "mspace": name += "\u{2009}"
            default: return function(body, limits: limits)
            }
        }
        let attributes: [(name: String, value: String)] = name.unicodeScalars.count == 1 ? [("mathvariant", "normal")] : []
        return function(.token("mi", name, attributes), limits: limits)
    }
}

extension String {
    var replacingSpaces: String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == " " ? "\u{A0}" : $0 }))
    }
}
