/// Plain characters in math mode: letters are identifiers, digits numbers, the rest operators,
/// written with the characters KaTeX (our reference) uses, e.g. U+2212 for `-`.
extension Parser {
    mutating func character(_ c: Unicode.Scalar, mergeDigits: Bool) -> Atom {
        if Lexer.isLetter(c) { return Atom(element: letter(c), atomClass: .ord) }
        if isDigit(c) || (c == "." && mergeDigits && index < tokens.count && isDigitToken(tokens[index])) {
            var text = String(c)
            while mergeDigits, index < tokens.count, case .char(let d) = tokens[index].kind, isDigit(d) || d == "." {
                // As in TeX, a script binds to the last digit only: `10^{-3}` is 1 then 0^{-3}.
                if index + 1 < tokens.count, [.superscript, .subscript].contains(tokens[index + 1].kind) { break }
                text.unicodeScalars.append(d)
                index += 1
            }
            return Atom(element: number(text), atomClass: .ord)
        }
        switch c {
        case "+": return Atom(element: .token("mo", "+"), atomClass: .bin)
        case "-": return Atom(element: .token("mo", "−"), atomClass: .bin)
        case "*": return Atom(element: .token("mo", "∗"), atomClass: .bin)
        case "=", "<", ">", ":": return Atom(element: .token("mo", String(c)), atomClass: .rel)
        case ",", ";": return Atom(element: .token("mo", String(c)), atomClass: .punct)
        case ".": return Atom(element: .token("mo", "."), atomClass: .punct)
        case "!", "?": return Atom(element: .token("mo", String(c)), atomClass: .close)
        case "(", "[": return Atom(element: .token("mo", String(c), [("stretchy", "false")]), atomClass: .open)
        case ")", "]": return Atom(element: .token("mo", String(c), [("stretchy", "false")]), atomClass: .close)
        case "|": return Atom(element: .token("mi", "∣"), atomClass: .ord)
        case "~": return Atom(element: .space("0.3333em"), atomClass: .space)
        default:
            if c.value < 0x80 { return Atom(element: .token("mi", String(c)), atomClass: .ord) }
            if c.properties.isAlphabetic { return Atom(element: letter(c), atomClass: .ord) }
            if c.properties.numericType != nil { return Atom(element: number(String(c)), atomClass: .ord) }
            return Atom(element: .token("mo", String(c)), atomClass: .rel)
        }
    }

    func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    func isDigitToken(_ t: Token) -> Bool {
        if case .char(let c) = t.kind { return isDigit(c) }
        return false
    }

    /// A letter (or a Greek letter from a command) in the current font.
    func letter(_ c: Unicode.Scalar, upright: Bool = false) -> Element {
        guard let font else {
            return upright ? .token("mi", String(c), [("mathvariant", "normal")]) : .token("mi", String(c))
        }
        switch font {
        case .roman:
            return .token("mi", String(c), [("mathvariant", "normal")])
        case .italic:
            return .token("mi", String(c))  // single-letter identifiers are italic already
        case .boldItalic where Alphanumerics.isUpperGreek(c):
            // TeX keeps capital Greek upright, also in bold.
            return .token("mi", String(Alphanumerics.styled(c, .bold) ?? c))
        default:
            if let styled = Alphanumerics.styled(c, font) { return .token("mi", String(styled)) }
            return upright ? .token("mi", String(c), [("mathvariant", "normal")]) : .token("mi", String(c))
        }
    }

    func number(_ text: String) -> Element {
        guard let font, font != .roman, font != .italic else { return .token("mn", text) }
        var styled = ""
        for c in text.unicodeScalars { styled.unicodeScalars.append(Alphanumerics.styled(c, font) ?? c) }
        return .token("mn", styled)
    }
}
