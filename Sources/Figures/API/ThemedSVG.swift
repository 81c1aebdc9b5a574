/// One SVG file that draws itself in the reader's colour scheme.
///
/// A figure is drawn twice, with its light and its dark theme and the same id prefix; the two
/// documents then differ only in paint values (`fill:`, `stroke:`, their opacities). Every pair
/// of values that differs becomes a CSS custom property of the figure's root element, set by a
/// `<style>` inside the file and switched by `@media (prefers-color-scheme: dark)`. That works
/// where the file is an `<img>` (the browser passes the page's scheme into the image) and where
/// it is inlined (the properties are scoped to the root's class, so figures never mix).
package enum ThemedSVG {
    /// The properties whose values may differ between the themes.
    static let paintProperties: [String] = ["fill", "stroke", "fill-opacity", "stroke-opacity", "opacity", "stop-color",
                                            "stop-opacity", "flood-color"]

    /// One SVG for both colour schemes from a figure's light and dark drawings (the light one
    /// alone when they differ in more than colours). Drawings that differ only in colours are
    /// rendered once (`ThemePairing`); the result is the bytes `combine` gives for the two.
    package static func render(light: Drawing, dark: Drawing, scope: String) throws(FigureError) -> [UInt8] {
        if let documents = try renderedOnce(light, dark) {
            let lightDocument = try light.finish(documents.light)
            return combine(light: lightDocument, dark: try dark.finish(documents.dark), scope: scope) ?? lightDocument
        }
        let lightDocument = try light.render()
        return combine(light: lightDocument, dark: try dark.render(), scope: scope) ?? lightDocument
    }

    /// Both documents from one rendering, or nil when the drawings cannot share one.
    private static func renderedOnce(_ light: Drawing, _ dark: Drawing) throws(FigureError) -> (light: [UInt8], dark: [UInt8])? {
        let a = light.canvas, b = dark.canvas
        guard a.format == .svg, b.format == .svg, a.size == b.size, a.idPrefix == b.idPrefix,
              a.firstError == nil, b.firstError == nil,
              let pairing = ThemePairing(light: a.commands, dark: b.commands) else { return nil }
        let marked = try a.svg(replaying: pairing.commands)
        return pairing.pairs.isEmpty ? (marked, marked) : try pairing.documents(from: marked)
    }

    /// The combined document, or nil when the two drawings differ in anything but paint values
    /// (then the caller keeps the light one). `scope` must be the figure's id prefix.
    package static func combine(light: [UInt8], dark: [UInt8], scope: String) -> [UInt8]? {
        let a = split(light), b = split(dark)
        guard a.literals == b.literals, a.values.count == b.values.count,
              let rootEnd = a.literals.first?.firstRange(of: Array("<svg".utf8))?.upperBound else { return nil }
        let scope = IDPrefix.sanitize(scope)
        var names: [Pair: Int] = [:]
        var order: [Pair] = []
        var out: [UInt8] = []
        out.reserveCapacity(light.count + 512)
        for (i, literal) in a.literals.enumerated() {
            if i == 0 {
                out += literal[..<rootEnd] + Array(" class=\"\(scope)\"".utf8) + literal[rootEnd...]
            } else {
                out += literal
            }
            guard i < a.values.count else { continue }
            let pair = Pair(light: a.values[i], dark: b.values[i])
            if pair.light == pair.dark {
                out += pair.light
                continue
            }
            let index: Int
            if let known = names[pair] { index = known } else {
                index = order.count
                names[pair] = index
                order.append(pair)
            }
            out += Array("var(--c\(index))".utf8)
        }
        guard !order.isEmpty else { return light }
        let classes = SVGStyleClasses.apply(out, scope: scope)
        return insertStyle(style(order, scope: scope, rules: classes.css), into: SVGSharedPaths.apply(classes.document, scope: scope))
    }

    private struct Pair: Hashable {
        var light: [UInt8]
        var dark: [UInt8]
    }

    /// The colour properties for both schemes, then `rules`.
    private static func style(_ pairs: [Pair], scope: String, rules: String) -> [UInt8] {
        func declarations(_ value: (Pair) -> [UInt8]) -> String {
            pairs.enumerated().map { "--c\($0.offset):" + String(decoding: value($0.element), as: UTF8.self) + ";" }.joined()
        }
        let colours = ".\(scope){\(declarations(\.light))}@media (prefers-color-scheme: dark){.\(scope){\(declarations(\.dark))}}"
        return Array("<style>\(colours)\(rules)</style>\n".utf8)
    }

    /// The style goes right after the root element's start tag, before anything that uses it.
    private static func insertStyle(_ style: [UInt8], into document: [UInt8]) -> [UInt8]? {
        guard let root = document.firstRange(of: Array("<svg".utf8)),
              let close = document[root.upperBound...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        var end = close + 1
        if document.indices.contains(end), document[end] == UInt8(ascii: "\n") { end += 1 }
        return Array(document[..<end]) + style + Array(document[end...])
    }

    /// The document cut at every paint value in a `style` attribute: literals[0] value[0]
    /// literals[1] value[1] ... literals[n]. Values run from after `property:` to `;` or `"`.
    static func split(_ bytes: [UInt8]) -> (literals: [[UInt8]], values: [[UInt8]]) {
        let starts = paintProperties.map { Array(($0 + ":").utf8) }
        var literals: [[UInt8]] = [], values: [[UInt8]] = []
        var literal: [UInt8] = []
        var i = 0
        var inStyle = false
        let styleOpen = Array("style=\"".utf8)
        while i < bytes.count {
            if !inStyle {
                if bytes[i] == UInt8(ascii: "s"), bytes[i...].starts(with: styleOpen) {
                    literal += styleOpen
                    i += styleOpen.count
                    inStyle = true
                    continue
                }
                literal.append(bytes[i])
                i += 1
                continue
            }
            if bytes[i] == UInt8(ascii: "\"") {
                inStyle = false
                literal.append(bytes[i])
                i += 1
                continue
            }
            // A declaration starts at the attribute's start or after a `;`.
            let atDeclaration = literal.last == UInt8(ascii: ";") || literal.last == UInt8(ascii: "\"")
            if atDeclaration, let name = starts.first(where: { bytes[i...].starts(with: $0) }) {
                literal += name
                i += name.count
                var end = i
                while end < bytes.count, bytes[end] != UInt8(ascii: ";"), bytes[end] != UInt8(ascii: "\"") { end += 1 }
                literals.append(literal)
                values.append(Array(bytes[i..<end]))
                literal = []
                i = end
                continue
            }
            literal.append(bytes[i])
            i += 1
        }
        literals.append(literal)
        return (literals, values)
    }
}
