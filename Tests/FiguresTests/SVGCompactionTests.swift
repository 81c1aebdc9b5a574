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
        <defs><symbol overflow="visible" id="a0"><path d="M0 0L1 1Z"/></symbol>
        <clipPath id="a1"><path d="M.5.5Z"/></clipPath></defs>
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
