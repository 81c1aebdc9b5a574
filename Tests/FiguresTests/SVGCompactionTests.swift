import Testing
@testable import Figures

/// The numbers of SVG path data, read by the grammar's rules (a sign or a second dot starts a
/// new number), independently of the production code.
private func numbers(_ d: String) -> [Double] {
    var out: [Double] = [], current = ""
    func flush() { if let v = Double(current) { out.append(v) }; current = "" }
    for c in d {
        if c.isNumber || c == "e" { current.append(c) }
        else if c == "-" { if current.last == "e" { current.append(c) } else { flush(); current = "-" } }
        else if c == "." { if current.contains(".") { flush() }; current.append(c) }
        else { flush() }
    }
    flush()
    return out
}

@Test func pathDataLosesOnlyBytesAParserDoesNotNeed() {
    let d = "M 0.58 2.03 L 0.58 -8.11 C 1 0.5 0.25 0.75 -0.5 -0.25 Z M 1.22 1.39 "
    let short = String(decoding: SVGCompaction.pathData(Array(d.utf8)[...]), as: UTF8.self)
    #expect(short == "M.58 2.03L.58-8.11C1 .5.25.75-.5-.25ZM1.22 1.39")
    #expect(numbers(short) == numbers(d))
    #expect(short.filter(\.isLetter) == d.filter(\.isLetter))
}

@Test func idsBecomeShortAndEveryReferenceFollows() {
    let svg = """
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
          <defs><symbol overflow="visible" id="g-deep-1"><path d="M 0 0 L 1 1 Z"/></symbol>
          <clipPath id="g-deep-2"><path d="M 0.5 0.5 Z"/></clipPath></defs>
          <g clip-path="url(#g-deep-2)"><use xlink:href="#g-deep-1" x="3.5" y="2"/><use xlink:href="#elsewhere" x="1" y="1"/></g>
        </svg>
        """
    let out = String(decoding: SVGCompaction.compact(Array(svg.utf8)), as: UTF8.self)
    #expect(out == """
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
        <defs><symbol overflow="visible" id="a0"><path d="m0 0l1 1z"/></symbol>
        <clipPath id="a1"><path d="m.5.5z"/></clipPath></defs>
        <g clip-path="url(#a1)"><use href="#a0" x="3.5" y="2"/><use xlink:href="#elsewhere" x="1" y="1"/></g>
        </svg>
        """)
}

@Test func compactionIsTheSameForBothThemesOfAFigure() throws {
    // ThemedSVG needs the light and dark drawings to differ only in paint values.
    let light = try ChartSamples.xorChart().render(theme: .light, format: .svg, idPrefix: "x")
    let dark = try ChartSamples.xorChart().render(theme: .dark, format: .svg, idPrefix: "x")
    #expect(ThemedSVG.combine(light: light, dark: dark, scope: "x") != nil)
    #expect(!String(decoding: light, as: UTF8.self).contains("xlink:href=\"#"))
}

/// The absolute points of path data in any of M/L/C/Z and m/l/c/z, read independently of the
/// production code: each command's numbers, made absolute from the current point.
private func absolutePoints(_ d: String) -> [(Double, Double)] {
    var points: [(Double, Double)] = []
    var current = (0.0, 0.0), start = (0.0, 0.0)
    var command: Character = "M"
    var pending: [Double] = []
    func arity(_ c: Character) -> Int { ["M": 2, "L": 2, "C": 6, "Z": 0, "H": 1, "V": 1][Character(c.uppercased())] ?? 0 }
    func flush() {
        guard arity(command) > 0, pending.count == arity(command) else { return }
        let relative = command.isLowercase
        let origin = current
        if arity(command) == 1 {  // `h`/`v`: one coordinate moves
            let horizontal = command == "h" || command == "H", v = pending[0]
            current = horizontal ? (relative ? origin.0 + v : v, origin.1) : (origin.0, relative ? origin.1 + v : v)
            points.append(current)
            pending = []
            return
        }
        for k in stride(from: 0, to: pending.count, by: 2) {
            let p = relative ? (origin.0 + pending[k], origin.1 + pending[k + 1]) : (pending[k], pending[k + 1])
            points.append(p)
            current = p
        }
        if command == "M" || command == "m" { start = current; command = command == "m" ? "l" : "L" }
        pending = []
    }
    var token = ""
    func number() { if let v = Double(token) { pending.append(v); flush() }; token = "" }
    for c in d {
        if c.isLetter && c != "e" {
            number()
            command = c
            if c == "z" || c == "Z" { current = start; points.append(current) }
        } else if c == "-" { number(); token = "-" }
        else if c == "." { if token.contains(".") { number() }; token.append(c) }
        else if c.isNumber { token.append(c) }
        else { number() }
    }
    number()
    return points
}

@Test func pathDataBecomesRelativeTenthsThatDrawWithinAHalfTenth() throws {
    let d = "M6.97-5.2L10.52 0L7.77 0C1 .5.25.75-.5-.25ZM1.22 1.39L3 4ZM1.22 1.39"
    let short = try #require(SVGRelativePath.encode(Array(d.utf8)[...]))
    let text = String(decoding: short, as: UTF8.self)
    #expect(text == "m7-5.2l3.5 5.2h-2.7c-6.8.5-7.5.8-8.3-.3zm-5.8 6.6l1.8 2.6z")
    let before = absolutePoints(d).dropLast(), after = absolutePoints(text)  // the trailing move draws nothing
    #expect(before.count == after.count)
    for (a, b) in zip(before, after) {
        #expect(abs(a.0 - b.0) <= 0.05 + 1e-9 && abs(a.1 - b.1) <= 0.05 + 1e-9, "\(a) vs \(b)")
    }
}

@Test func pathDataOutsideCairosVocabularyIsLeftAlone() {
    #expect(SVGRelativePath.encode(Array("M0 0H5V5Z".utf8)[...]) == nil)
    #expect(SVGRelativePath.encode(Array("M0 0L1e3 2".utf8)[...]) == nil)
    #expect(SVGRelativePath.encode(Array("M0 0 1 1".utf8)[...]) == nil)
    #expect(SVGRelativePath.encode(Array("".utf8)[...]) == nil)
}

@Test func aGlyphIsAPathInDefsNotASymbolAroundOne() {
    // Only the exact shape changes: a symbol whose path has an id, or one of two paths, stays as it is.
    let untouched = """
        <symbol overflow="visible" id="a4">
        <path id="x" d="m1 1"/>
        </symbol>
        <symbol overflow="visible" id="a5">
        <path d="m1 1"/>
        <path d="m2 2"/>
        </symbol>

        """
    let glyph = "<symbol overflow=\"visible\" id=\"a3\">\n<path style=\"stroke:none;\" d=\"m6.9-5.6h1z\"/>\n</symbol>\n"
    let out = String(decoding: SVGGlyphDefs.flatten(Array((glyph + untouched).utf8)), as: UTF8.self)
    #expect(out == "<path id=\"a3\" style=\"stroke:none;\" d=\"m6.9-5.6h1z\"/>\n" + untouched)
}

@Test func glyphsOnOneBaselineShareOnePosition() {
    let svg = """
        <g style="fill:rgb(0%,0%,0%);fill-opacity:1;">
        <use href="#a1" x="297.13" y="34.3"/>
        <use href="#a2" x="300.47" y="34.3"/>
        </g>
        <g style="fill:rgb(0%,0%,0%);fill-opacity:1;">
        <use href="#a1" x="10" y="1"/>
        <use href="#a2" x="10" y="2.26"/>
        </g>
        <use href="#a3" x="0" y="5.55"/>

        """
    let out = String(decoding: SVGTextRuns.group(Array(svg.utf8)), as: UTF8.self)
    #expect(out == """
        <g style="fill:rgb(0%,0%,0%);fill-opacity:1;" transform="translate(297.1 34.3)">
        <use href="#a1"/>
        <use href="#a2" x="3.4"/>
        </g>
        <g style="fill:rgb(0%,0%,0%);fill-opacity:1;">
        <use href="#a1" x="10" y="1"/>
        <use href="#a2" x="10" y="2.3"/>
        </g>
        <use href="#a3" y="5.6"/>

        """)
}

@Test func linesAlongAnAxisBecomeHorizontalAndVerticalMoves() throws {
    let d = "M0 0L5 0L9 0L9 4L9 8L8 9Z"
    let text = String(decoding: try #require(SVGRelativePath.encode(Array(d.utf8)[...])), as: UTF8.self)
    #expect(text == "m0 0h5 4v4 4l-1 1z")
    let before = absolutePoints(d), after = absolutePoints(text)
    #expect(before.count == after.count)
    for (a, b) in zip(before, after) { #expect(a == b, "\(a) vs \(b)") }
}

@Test func repeatedStylesBecomeScopedClassesAndSingleOnesStayInline() {
    let svg = #"<svg width="9px"><path style="stroke:none;fill:red;" d="m0 0"/><path style="stroke:none;fill:red;" d="m1 1"/><path style="fill:blue;stroke:none;" d="m2 2"/></svg>"#
    let (document, css) = SVGStyleClasses.apply(Array(svg.utf8), scope: "g-x")
    #expect(String(decoding: document, as: UTF8.self)
            == #"<svg width="9px"><path class="s0" d="m0 0"/><path class="s0" d="m1 1"/><path style="fill:blue;stroke:none;" d="m2 2"/></svg>"#)
    #expect(css == ".g-x .s0{stroke:none;fill:red;}")
}
