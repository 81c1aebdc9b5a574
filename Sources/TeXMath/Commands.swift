/// Commands: symbols from the tables, then the commands that take arguments.
extension Parser {
    mutating func command(_ name: String, at offset: Int) throws(TeXError) -> Atom {
        if let s = Symbols.lookup(name) { return symbol(s) }
        if let op = Symbols.bigOperators[name] {
            return Atom(element: .token("mo", op.text), atomClass: .op, limits: op.limits ? .display : .beside)
        }
        if let f = Symbols.functions[name] { return function(.token("mi", f.text), limits: f.limits) }
        if let width = Self.spaces[name] { return Atom(element: .space(width), atomClass: .space) }
        if let font = Self.fonts[name] { return try styled(font, name, at: offset) }
        if let accent = Self.accents[name] { return try self.accent(accent, name, at: offset) }
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac", "binom", "dbinom", "tbinom":
            return try fraction(name, at: offset)
        case "sqrt":
            return try root(at: offset)
        case "left":
            return try fenced(at: offset)
        case "big", "Big", "bigg", "Bigg", "bigl", "Bigl", "biggl", "Biggl", "bigr", "Bigr", "biggr", "Biggr",
             "bigm", "Bigm", "biggm", "Biggm":
            return try big(name, at: offset)
        case "begin":
            return try environment(at: offset)
        case "text", "textrm", "textnormal", "mbox", "textup", "textit", "textbf", "textsf", "texttt", "hbox":
            return try text(name, at: offset)
        case "operatorname":
            return try operatorName(at: offset)
        case "mathop":
            let body = try parseArgument(name, at: offset)
            return Atom(element: body, atomClass: .op, limits: .display)
        case "underbrace", "overbrace":
            let body = try parseArgument(name, at: offset)
            let under = name == "underbrace"
            let brace = Element.token("mo", under ? "⏟" : "⏞", [("stretchy", "true")])
            return Atom(element: Element(under ? "munder" : "mover", children: [body, brace]), atomClass: .ord, limits: .always)
        case "overset", "stackrel", "underset":
            let mark = try parseArgument(name, at: offset)
            let base = try parseAtomArgument(name, at: offset)
            let over = name != "underset"
            return Atom(element: Element(over ? "mover" : "munder", children: [base.element, mark]), atomClass: base.atomClass)
        case "not":
            return try negated(at: offset)
        case "pmod":
            let body = try parseArgument(name, at: offset)
            return Atom(element: Element("mrow", children: [.space("1em"), .token("mo", "(", [("stretchy", "false")])]
                        + Self.mod + [.space("0.3333em"), body, .token("mo", ")", [("stretchy", "false")])]), atomClass: .ord)
        case "bmod", "mod":
            return Atom(element: Element("mrow", children: [.space(name == "mod" ? "1em" : "0.2222em")] + Self.mod
                        + [.space(name == "mod" ? "0.3333em" : "0.2222em")]), atomClass: .space)
        case "phantom":
            return Atom(element: Element("mphantom", children: [try parseArgument(name, at: offset)]), atomClass: .ord)
        case "hline", "nonumber", "notag", "relax", "limits", "nolimits":
            if name == "limits" || name == "nolimits" { warn(offset, "'\\\(name)' must follow an operator such as \\sum") }
            return Atom(element: Element("mrow"), atomClass: .space)
        case "":
            throw error(offset, "a lone '\\' ends the formula")
        default:
            return unsupported(name, at: offset)
        }
    }

    static let mod: [Element] = ["m", "o", "d"].map { Element.token("mi", $0, [("mathvariant", "normal")]) }

    /// An argument that keeps its atom class (the base of `\overset{!}{=}` stays a relation).
    mutating func parseAtomArgument(_ command: String, at offset: Int) throws(TeXError) -> Atom {
        skipSpaces()
        if case .command(let name) = peek.kind, let s = Symbols.lookup(name) {
            index += 1
            return symbol(s)
        }
        if case .char(let c) = peek.kind {
            index += 1
            return character(c, mergeDigits: false)
        }
        return Atom(element: try parseArgument(command, at: offset), atomClass: .ord)
    }

    func symbol(_ s: Symbol) -> Atom {
        var element: Element
        if s.token == "mi", let c = s.text.unicodeScalars.first, s.text.unicodeScalars.count == 1 {
            element = letter(c, upright: s.upright)
        } else {
            element = .token(s.token, s.text)
        }
        if s.atomClass == .open || s.atomClass == .close { element = element.with("stretchy", "false") }
        return Atom(element: element, atomClass: s.atomClass)
    }

    /// A function name: upright, then an invisible function application for screen readers.
    func function(_ name: Element, limits: Bool) -> Atom {
        Atom(element: Element("mrow", children: [name, .token("mo", "\u{2061}")]), atomClass: .function,
             limits: limits ? .display : .beside)
    }

    static let spaces: [String: String] = [
        ",": "0.1667em", "thinspace": "0.1667em", ":": "0.2222em", ">": "0.2222em", "medspace": "0.2222em",
        ";": "0.2778em", "thickspace": "0.2778em", "!": "-0.1667em", "negthinspace": "-0.1667em",
        "quad": "1em", "qquad": "2em", " ": "0.3333em", "enspace": "0.5em",
    ]

    static let fonts: [String: MathFont] = [
        "mathbf": .bold, "boldsymbol": .boldItalic, "bm": .boldItalic, "pmb": .boldItalic, "mathrm": .roman,
        "mathit": .italic, "mathbb": .doubleStruck, "mathcal": .script, "mathscr": .script, "mathfrak": .fraktur,
        "mathsf": .sansSerif, "mathtt": .monospace, "mathnormal": .italic, "Bbb": .doubleStruck,
    ]

    mutating func styled(_ font: MathFont, _ name: String, at offset: Int) throws(TeXError) -> Atom {
        let saved = self.font
        self.font = font
        let body = try parseArgument(name, at: offset)
        self.font = saved
        return Atom(element: body, atomClass: .ord)
    }

    /// The wide accents' marks are the characters a math font can stretch: KaTeX's U+203E and
    /// U+005E stay one glyph wide in Chromium (measured with DejaVu Math TeX Gyre), so
    /// `\overline{x'^2}` read as the square of a mean; the combining low line U+0332 and
    /// circumflex U+0302 have horizontal constructions and span their base.
    static let accents: [String: (mark: String, wide: Bool)] = [
        "hat": ("^", false), "widehat": ("\u{0302}", true), "tilde": ("~", false), "widetilde": ("~", true),
        "bar": ("ˉ", false), "overline": ("\u{0332}", true), "vec": ("→", false), "dot": ("˙", false), "ddot": ("¨", false),
        "check": ("ˇ", false), "breve": ("˘", false), "acute": ("ˊ", false), "grave": ("ˋ", false),
        "mathring": ("˚", false), "overrightarrow": ("→", true), "overleftarrow": ("←", true),
        "underline": ("\u{0332}", true),
    ]

    mutating func accent(_ accent: (mark: String, wide: Bool), _ name: String, at offset: Int) throws(TeXError) -> Atom {
        let base = try parseArgument(name, at: offset)
        let mark = Element.token("mo", accent.mark, [("stretchy", accent.wide ? "true" : "false")])
        if name == "underline" {
            return Atom(element: Element("munder", [("accentunder", "true")], children: [base, mark]), atomClass: .ord)
        }
        return Atom(element: Element("mover", [("accent", "true")], children: [base, mark]), atomClass: .ord)
    }

    mutating func fraction(_ name: String, at offset: Int) throws(TeXError) -> Atom {
        let numerator = try parseArgument(name, at: offset)
        let denominator = try parseArgument(name, at: offset)
        let binomial = name.hasSuffix("binom")
        var fraction = Element("mfrac", binomial ? [("linethickness", "0")] : [], children: [numerator, denominator])
        if name.hasPrefix("d") || name == "cfrac" {
            fraction = Element("mstyle", Self.styles["displaystyle"] ?? [], children: [fraction])
        } else if name.hasPrefix("t") {
            fraction = Element("mstyle", Self.styles["textstyle"] ?? [], children: [fraction])
        }
        if binomial {
            fraction = Element("mrow", children: [Self.fence("(", form: "prefix"), fraction, Self.fence(")", form: "postfix")])
        }
        return Atom(element: fraction, atomClass: .ord)
    }

    /// `\sqrt{x}` or `\sqrt[n]{x}`.
    mutating func root(at offset: Int) throws(TeXError) -> Atom {
        skipSpaces()
        var index: [Atom]?
        if case .char("[") = peek.kind {
            let open = peek.offset
            self.index += 1
            var atoms: [Atom] = []
            while true {
                skipSpaces()
                if case .char("]") = peek.kind { self.index += 1; break }
                if case .end = peek.kind { throw error(open, "'\\sqrt[' is missing its ']'") }
                if case .close = peek.kind { throw error(open, "'\\sqrt[' is missing its ']'") }
                atoms.append(try parseScripted())
            }
            index = atoms
        }
        let body = try parseArgument("sqrt", at: offset)
        guard let index else { return Atom(element: Element("msqrt", children: [body]), atomClass: .ord) }
        return Atom(element: Element("mroot", children: [body, Element.row(Parser.elements(index))]), atomClass: .ord)
    }

    /// `\not` before a relation: the negated relation, precomposed where Unicode has it.
    mutating func negated(at offset: Int) throws(TeXError) -> Atom {
        let next = try parseAtomArgument("not", at: offset)
        guard next.element.name == "mo" || next.element.name == "mi", let text = next.element.text else {
            return Atom(element: Element("mrow", children: [.token("mo", "\u{338}"), next.element]), atomClass: .rel)
        }
        let negations: [String: String] = [
            "=": "≠", "∈": "∉", "⊂": "⊄", "⊃": "⊅", "⊆": "⊈", "⊇": "⊉", "≡": "≢", "∼": "≁", "≈": "≉", "≤": "≰",
            "≥": "≱", "∣": "∤", "∥": "∦", "≅": "≇", "<": "≮", ">": "≯", "∋": "∌", "∃": "∄", "≃": "≄",
        ]
        return Atom(element: .token("mo", negations[text] ?? text + "\u{338}"), atomClass: .rel)
    }

    /// An unknown command: a warning, and the command with its braced arguments shown as source.
    mutating func unsupported(_ name: String, at offset: Int) -> Atom {
        warn(offset, "unsupported command '\\\(name)'; it is shown as TeX source")
        var end = index < tokens.count ? tokens[index].offset : source.count
        var i = index
        var level = 0
        // Swallow the braced arguments that follow, so they show as source too (no recursion: a counter).
        while i < tokens.count {
            switch tokens[i].kind {
            case .open: level += 1
            case .close:
                if level == 0 { i = tokens.count; continue }
                level -= 1
                if level == 0 { end = tokens[i].offset + 1; index = i + 1 }
            case .space: break
            default:
                if level == 0 { i = tokens.count; continue }
            }
            i += 1
        }
        let text = String(String.UnicodeScalarView(source[offset..<max(offset, min(end, source.count))]))
        return Atom(element: Element("merror", children: [.token("mtext", text)]), atomClass: .ord)
    }
}
