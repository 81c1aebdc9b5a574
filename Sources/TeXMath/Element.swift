/// A MathML element under construction: a token (text) or a layout element (children).
struct Element: Sendable {
    var name: String
    /// In output order, so the same TeX always gives the same bytes.
    var attributes: [(name: String, value: String)]
    var children: [Element]
    var text: String?

    init(_ name: String, _ attributes: [(name: String, value: String)] = [], children: [Element] = [], text: String? = nil) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    static func token(_ name: String, _ text: String, _ attributes: [(name: String, value: String)] = []) -> Element {
        Element(name, attributes, text: text)
    }

    /// One element stays itself; several (or none) are grouped in an `<mrow>`.
    static func row(_ elements: [Element]) -> Element {
        elements.count == 1 ? elements[0] : Element("mrow", children: elements)
    }

    static func space(_ width: String) -> Element {
        Element("mspace", [("width", width)])
    }

    func with(_ name: String, _ value: String) -> Element {
        var copy = self
        copy.attributes.removeAll { $0.name == name }
        copy.attributes.append((name, value))
        return copy
    }

    /// The element's text and its descendants', in order.
    var allText: String {
        text ?? children.map(\.allText).joined()
    }
}

/// Writes elements as MathML markup; all escaping of formula text happens here.
enum MathMarkup {
    static func math(_ body: Element, tex: String, display: Bool) -> String {
        var out = "<math"
        if display { out += " display=\"block\"" }
        out += " alttext=\"\(escape(tex, quotes: true))\"><semantics>"
        write(body.name == "mrow" ? body : Element("mrow", children: [body]), into: &out)
        out += "<annotation encoding=\"application/x-tex\">\(escape(tex, quotes: false))</annotation></semantics></math>"
        return out
    }

    /// Recursion depth is bounded by the parser's nesting limit.
    static func write(_ e: Element, into out: inout String) {
        out += "<" + e.name
        for a in e.attributes { out += " \(a.name)=\"\(escape(a.value, quotes: true))\"" }
        if e.name == "mspace" && e.children.isEmpty && e.text == nil { out += "/>"; return }
        out += ">"
        if let text = e.text { out += escape(text, quotes: false) }
        for child in e.children { write(child, into: &out) }
        out += "</" + e.name + ">"
    }

    static func escape(_ s: String, quotes: Bool) -> String {
        MarkupEscaping.escape(s, quotes: quotes ? .double : .none)
    }
}
