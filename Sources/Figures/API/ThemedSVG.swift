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
        guard a.literals.count == b.literals.count, a.values.count == b.values.count,
              zip(a.literals, b.literals).allSatisfy({ light[$0].elementsEqual(dark[$1]) }),
              let rootEnd = light[a.literals[0]].firstRange(of: Array("<svg".utf8))?.upperBound else { return nil }
        let scope = IDPrefix.sanitize(scope)
        var names: [Pair: Int] = [:]
        var order: [Pair] = []
        var out: [UInt8] = []
        out.reserveCapacity(light.count + 512)
        for (i, literal) in a.literals.enumerated() {
            if i == 0 {
                out += light[literal.lowerBound..<rootEnd] + Array(" class=\"\(scope)\"".utf8) + light[rootEnd..<literal.upperBound]
            } else {
                out += light[literal]
            }
            guard i < a.values.count else { continue }
            let lightValue = light[a.values[i]], darkValue = dark[b.values[i]]
            if lightValue.elementsEqual(darkValue) {
                out += lightValue
                continue
            }
            let pair = Pair(light: Array(lightValue), dark: Array(darkValue))
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
    /// literals[1] value[1] ... literals[n], as ranges of `bytes`. Values run from after
    /// `property:` to `;` or `"`.
    static func split(_ bytes: [UInt8]) -> (literals: [Range<Int>], values: [Range<Int>]) {
        bytes.withUnsafeBufferPointer { split($0) }
    }

    private static let propertyStarts = paintProperties.map { Array(($0 + ":").utf8) }
    private static let styleOpen = Array("style=\"".utf8)

    private static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> (literals: [Range<Int>], values: [Range<Int>]) {
        var literals: [Range<Int>] = [], values: [Range<Int>] = []
        var literalStart = 0
        var i = 0
        var inStyle = false
        let n = bytes.count
        func startsWith(_ prefix: [UInt8], at i: Int) -> Bool {
            guard n - i >= prefix.count else { return false }
            for k in 0..<prefix.count where bytes[i + k] != prefix[k] { return false }
            return true
        }
        while i < n {
            let b = bytes[i]
            if !inStyle {
                if b == UInt8(ascii: "s"), startsWith(styleOpen, at: i) {
                    i += styleOpen.count
                    inStyle = true
                } else {
                    i += 1
                }
                continue
            }
            if b == UInt8(ascii: "\"") {
                inStyle = false
                i += 1
                continue
            }
            // A declaration starts at the attribute's start or after a `;` (within this literal).
            let atDeclaration = i > literalStart && (bytes[i - 1] == UInt8(ascii: ";") || bytes[i - 1] == UInt8(ascii: "\""))
            if atDeclaration, let name = propertyStarts.first(where: { startsWith($0, at: i) }) {
                i += name.count
                var end = i
                while end < n, bytes[end] != UInt8(ascii: ";"), bytes[end] != UInt8(ascii: "\"") { end += 1 }
                literals.append(literalStart..<i)
                values.append(i..<end)
                literalStart = end
                i = end
                continue
            }
            i += 1
        }
        literals.append(literalStart..<n)
        return (literals, values)
    }
}
