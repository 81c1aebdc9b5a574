import Testing
@testable import Figures

private func rounded(_ s: String) -> String { String(decoding: SVGNumbers.rounded(Array(s.utf8)), as: UTF8.self) }

@Test func svgNumbersAreRoundedToHundredthsOnTheirDigits() {
    #expect(rounded("M 2.628906 -1.863281 L 5.84375 -3.28125 Z") == "M 2.63 -1.86 L 5.84 -3.28 Z")
    #expect(rounded("9.995 99.999 0.004 -0.004 -0.005 1.1 12 0.125") == "10 100 0 0 -0.01 1.1 12 0.13")
    #expect(rounded("rgb(94.117647%,13.72549%,60%)") == "rgb(94.12%,13.73%,60%)")
    #expect(rounded("<?xml version=\"1.0\"?><use xlink:href=\"#g1-12\" x=\"3.5\"/>") == "<?xml version=\"1.0\"?><use xlink:href=\"#g1-12\" x=\"3.5\"/>")
}

@Test func figuresAreWrittenWithHundredthsAndStayTheSameDrawing() throws {
    let svg = try ChartSamples.xorChart().render(theme: .light, format: .svg, idPrefix: "x")
    let text = String(decoding: svg, as: UTF8.self)
    #expect(text.firstMatch(of: #/[0-9]\.[0-9]{3}/#) == nil)
    #expect(SVGNumbers.rounded(svg) == svg)
}
