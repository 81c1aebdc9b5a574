/// A structural error (unbalanced braces, a missing argument, `\left` without `\right`, ...):
/// the conversion stops and the whole formula is shown as its source.
struct TeXError: Error {
    var problem: TeXProblem
}

/// Where an operator's scripts go: beside it, or under and over it.
enum Limits: Sendable {
    case beside
    /// Under and over in display style, beside otherwise (`\sum`, `\lim`).
    case display
    /// Always under and over (`\underbrace`, `\limits`).
    case always
}

/// A parsed piece of a formula with what its neighbours and scripts need to know.
struct Atom: Sendable {
    var element: Element
    var atomClass: AtomClass
    var limits: Limits = .beside
}

/// What ends a list of atoms, besides the end of the formula.
enum ListContext {
    case top, group, leftRight, environment
}

/// A recursive-descent parser over the tokens; every level of nesting passes `enter`, which bounds
/// the depth so that deep input gives a warning instead of overflowing the stack.
struct Parser {
    static let maxDepth = 40

    let tokens: [Token]
    let source: [Unicode.Scalar]
    var index = 0
    var problems: [TeXProblem] = []
    /// Display style: big operators take their limits under and over.
    var display: Bool
    /// The math font (`\mathbf`, `\boldsymbol`, ...) that letters and digits are set in.
    var font: MathFont?
    var depth = 0

    init(tokens: [Token], source: [Unicode.Scalar], display: Bool) {
        self.tokens = tokens
        self.source = source
        self.display = display
    }

    mutating func parseFormula() throws(TeXError) -> [Element] {
        Parser.elements(try parseList(.top))
    }

    // MARK: Tokens

    var peek: Token { index < tokens.count ? tokens[index] : Token(kind: .end, offset: source.count) }

    mutating func skipSpaces() {
        while index < tokens.count, tokens[index].kind == .space { index += 1 }
    }

    func error(_ offset: Int, _ message: String) -> TeXError {
        TeXError(problem: TeXProblem(offset: offset, message: message))
    }

    mutating func warn(_ offset: Int, _ message: String) {
        problems.append(TeXProblem(offset: offset, message: message))
    }

    mutating func enter(_ offset: Int) throws(TeXError) {
        depth += 1
        if depth > Self.maxDepth {
            throw error(offset, "formula nested more than \(Self.maxDepth) levels deep")
        }
    }

    // MARK: Lists

    /// Atoms up to what ends `context` (left for the caller to check), or the end of the formula.
    mutating func parseList(_ context: ListContext) throws(TeXError) -> [Atom] {
        var atoms: [Atom] = []
        while true {
            skipSpaces()
            let t = peek
            switch t.kind {
            case .end:
                return atoms
            case .close:
                if context == .top { throw error(t.offset, "unbalanced braces: this '}' closes nothing") }
                return atoms
            case .alignment:
                if context == .environment { return atoms }
                throw error(t.offset, "'&' is only allowed inside an environment such as matrix, cases or aligned")
            case .command(let name) where name == "\\" || name == "cr":
                if context == .environment { return atoms }
                warn(t.offset, "line break '\\\(name)' outside an environment is ignored")
                index += 1
                continue
            case .command("end"):
                if context == .environment { return atoms }
                throw error(t.offset, "'\\end' without a matching '\\begin'")
            case .command(let name) where name == "right" || name == "middle":
                if context == .leftRight { return atoms }
                throw error(t.offset, "'\\\(name)' without a matching '\\left'")
            case .command(let name) where Self.styles[name] != nil:
                // A style switch applies to the rest of the list.
                index += 1
                try enter(t.offset)
                let saved = display
                display = name == "displaystyle"
                let rest = try parseList(context)
                display = saved
                depth -= 1
                let attributes = Self.styles[name] ?? []
                atoms.append(Atom(element: Element("mstyle", attributes, children: Parser.elements(rest)), atomClass: .ord))
                return atoms
            default:
                atoms.append(try parseScripted())
            }
        }
    }

    static let styles: [String: [(name: String, value: String)]] = [
        "displaystyle": [("displaystyle", "true"), ("scriptlevel", "0")],
        "textstyle": [("displaystyle", "false"), ("scriptlevel", "0")],
        "scriptstyle": [("displaystyle", "false"), ("scriptlevel", "1")],
        "scriptscriptstyle": [("displaystyle", "false"), ("scriptlevel", "2")],
    ]

    /// The elements of a list, with TeX's spacing where MathML's operator dictionary has none: a
    /// thin space around a function name next to an ordinary atom, and no space after a sign that
    /// is unary (`= -x`: a binary operator after a relation, an opening or another operator).
    static func elements(_ atoms: [Atom]) -> [Element] {
        var out: [Element] = []
        out.reserveCapacity(atoms.count)
        for (i, atom) in atoms.enumerated() {
            let previous = i > 0 ? atoms[i - 1].atomClass : nil
            if atom.atomClass == .function, let p = previous, p == .ord || p == .close {
                out.append(.space("0.1667em"))
            }
            if atom.atomClass == .function && atom.element.name == "mrow" {
                out.append(contentsOf: atom.element.children)
            } else if atom.atomClass == .bin, atom.element.name == "mo",
                      previous.map({ [.rel, .open, .punct, .bin, .op].contains($0) }) ?? true {
                // First in a list, it may still follow a `\left(` in the same row.
                out.append(atom.element.with("form", "prefix"))
            } else {
                out.append(atom.element)
            }
            if atom.atomClass == .function, i + 1 < atoms.count,
               [.ord, .function, .op].contains(atoms[i + 1].atomClass) {
                out.append(.space("0.1667em"))
            }
        }
        return out
    }

    // MARK: Atoms and scripts

    /// An atom with its subscript, superscript and primes.
    mutating func parseScripted() throws(TeXError) -> Atom {
        let start = peek.offset
        try enter(start)
        defer { depth -= 1 }
        var atom = try parseAtom()
        var sub: Element?
        var sup: Element?
        var primes: [Element] = []
        scripts: while true {
            skipSpaces()
            let t = peek
            switch t.kind {
            case .superscript:
                if sup != nil { throw error(t.offset, "double superscript: use braces, as in x^{a^b}") }
                index += 1
                sup = try parseArgument("^", at: t.offset)
            case .subscript:
                if sub != nil { throw error(t.offset, "double subscript: use braces, as in x_{a_b}") }
                index += 1
                sub = try parseArgument("_", at: t.offset)
            case .prime:
                if sup != nil || !primes.isEmpty { throw error(t.offset, "double superscript: use braces, as in x^{a'}") }
                while peek.kind == .prime {
                    primes.append(.token("mo", "′", [("lspace", "0em"), ("rspace", "0em")]))
                    index += 1
                }
            case .command("limits"):
                index += 1
                if atom.atomClass == .op || atom.atomClass == .function { atom.limits = .always }
                else { warn(t.offset, "'\\limits' must follow an operator such as \\sum") }
            case .command("nolimits"):
                index += 1
                if atom.atomClass == .op || atom.atomClass == .function { atom.limits = .beside }
                else { warn(t.offset, "'\\nolimits' must follow an operator such as \\sum") }
            default:
                break scripts
            }
        }
        if !primes.isEmpty {
            // A prime glyph already sits high: set as a superscript it would float above the letter
            // (browsers do not apply the fonts' script variant), so it keeps its size and is lowered.
            let raised = Element("mstyle", [("scriptlevel", "0")], children: [
                Element("mpadded", [("voffset", "-0.45em"), ("height", "0.3em")], children: primes),
            ])
            sup = Element.row([raised] + (sup.map { [$0] } ?? []))
        }
        guard sub != nil || sup != nil else { return atom }
        let under = atom.limits == .always || (atom.limits == .display && display)
        let base = atom.element
        let element: Element
        switch (sub, sup) {
        case let (b?, p?): element = Element(under ? "munderover" : "msubsup", children: [base, b, p])
        case let (b?, nil): element = Element(under ? "munder" : "msub", children: [base, b])
        case let (nil, p?): element = Element(under ? "mover" : "msup", children: [base, p])
        case (nil, nil): element = base
        }
        return Atom(element: element, atomClass: atom.atomClass == .space ? .ord : atom.atomClass)
    }

    /// One atom: a group, a character (digits run together into one number) or a command.
    mutating func parseAtom() throws(TeXError) -> Atom {
        skipSpaces()
        let t = peek
        switch t.kind {
        case .open:
            return Atom(element: try group(), atomClass: .ord)
        case .char(let c):
            index += 1
            return character(c, mergeDigits: true)
        case .command(let name):
            index += 1
            return try command(name, at: t.offset)
        case .superscript, .subscript, .prime:
            return Atom(element: Element("mrow"), atomClass: .ord)  // a script with nothing before it
        case .close, .alignment, .end, .space:
            throw error(t.offset, "expected a formula here")
        }
    }

    /// `{...}`, the current token being `{`.
    mutating func group() throws(TeXError) -> Element {
        let open = peek.offset
        index += 1
        let list = try parseList(.group)
        guard peek.kind == .close else { throw error(open, "unbalanced braces: this '{' is never closed") }
        index += 1
        let elements = Parser.elements(list)
        return elements.isEmpty ? Element("mrow") : Element.row(elements)
    }

    /// A command's argument or a script: a group, one character, or one command with its own arguments.
    mutating func parseArgument(_ command: String, at offset: Int) throws(TeXError) -> Element {
        skipSpaces()
        let t = peek
        let what = command == "^" ? "superscript '^'" : command == "_" ? "subscript '_'" : "'\\\(command)'"
        switch t.kind {
        case .open:
            return try group()
        case .char(let c):
            index += 1
            return character(c, mergeDigits: false).element
        case .command(let name) where !["right", "middle", "end", "\\", "cr"].contains(name):
            index += 1
            try enter(t.offset)
            defer { depth -= 1 }
            return try self.command(name, at: t.offset).element
        default:
            throw error(offset, "\(what) is missing its argument")
        }
    }
}
