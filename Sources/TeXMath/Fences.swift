/// `\left ... \middle ... \right` and the `\big` family: delimiters that stretch, or have a fixed size.
extension Parser {
    /// A stretchy fence; `|` and `‖` are written as the characters fonts can stretch.
    static func fence(_ text: String, form: String) -> Element {
        .token("mo", stretchable(text), [("fence", "true"), ("form", form), ("stretchy", "true")])
    }

    static func stretchable(_ text: String) -> String {
        text == "∣" ? "|" : text == "∥" ? "‖" : text
    }

    /// The delimiter after `\left`, `\right`, `\middle` or `\big`; "" for the invisible `.`.
    mutating func delimiter(after command: String, at offset: Int) throws(TeXError) -> String {
        skipSpaces()
        let t = peek
        switch t.kind {
        case .char(let c):
            if let d = Symbols.delimiter(char: c) { index += 1; return d }
        case .command(let name):
            if let d = Symbols.delimiter(command: name) { index += 1; return d }
        default:
            break
        }
        throw error(t.kind == .end ? offset : t.offset, "'\\\(command)' must be followed by a delimiter such as ( [ \\{ | or .")
    }

    mutating func fenced(at offset: Int) throws(TeXError) -> Atom {
        let open = try delimiter(after: "left", at: offset)
        var children: [Element] = open.isEmpty ? [] : [Self.fence(open, form: "prefix")]
        while true {
            children += Parser.elements(try parseList(.leftRight))
            guard case .command(let name) = peek.kind, name == "right" || name == "middle" else {
                throw error(offset, "'\\left' has no matching '\\right'")
            }
            let at = peek.offset
            index += 1
            let d = try delimiter(after: name, at: at)
            if name == "right" {
                if !d.isEmpty { children.append(Self.fence(d, form: "postfix")) }
                return Atom(element: Element("mrow", children: children), atomClass: .inner)
            }
            if !d.isEmpty {
                children.append(.token("mo", Self.stretchable(d), [("fence", "true"), ("lspace", "0.05em"),
                                                                     ("rspace", "0.05em"), ("stretchy", "true")]))
            }
        }
    }

    /// `\big(` and friends: 1.2em, 1.8em, 2.4em, 3em, as in TeX at 10pt.
    mutating func big(_ name: String, at offset: Int) throws(TeXError) -> Atom {
        let d = try delimiter(after: name, at: offset)
        let size = name.hasPrefix("Bigg") ? "3em" : name.hasPrefix("bigg") ? "2.4em" : name.hasPrefix("Big") ? "1.8em" : "1.2em"
        let atomClass: AtomClass = name.hasSuffix("l") ? .open : name.hasSuffix("r") ? .close : name.hasSuffix("m") ? .rel : .ord
        guard !d.isEmpty else { return Atom(element: .space("0em"), atomClass: .space) }
        let element = Element.token("mo", Self.stretchable(d), [("fence", "false"), ("stretchy", "true"),
                                                                ("minsize", size), ("maxsize", size),
                                                                ("lspace", "0em"), ("rspace", "0em")])
        return Atom(element: element, atomClass: atomClass)
    }
}
