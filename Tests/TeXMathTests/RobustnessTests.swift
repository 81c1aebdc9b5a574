import Testing
import TeXMath
import TestSupport


let fuzzTokens = ["{", "}", "^", "_", "'", "&", "\\\\", " ", "x", "1", "2.5", "+", "-", "=", "(", ")", "[", "]", "|", "\\",
                  "\\frac", "\\sqrt", "\\left", "\\right", "\\middle", "\\left(", "\\right)", "\\left.", "\\big", "\\sum",
                  "\\int", "\\lim", "\\boldsymbol", "\\mathbb", "\\text", "\\operatorname", "\\operatorname*", "\\hat",
                  "\\begin{pmatrix}", "\\end{pmatrix}", "\\begin{cases}", "\\end{cases}", "\\begin{array}{c|c}",
                  "\\end{array}", "\\begin", "\\end", "\\displaystyle", "\\limits", "\\not", "\\alpha", "\\foo",
                  "\\underbrace", "\\overset", "\\mathop", "\\pmod", "%", "\n", "\\,", "\\{", "\\}", "é", "中", "$"]

@Test func tenThousandRandomTokenStringsNeverCrash() {
    var rng = SplitMix64(seed: 2024)
    for _ in 0..<10_000 {
        let count = Int.random(in: 0...24, using: &rng)
        let tex = (0..<count).map { _ in fuzzTokens[Int.random(in: 0..<fuzzTokens.count, using: &rng)] }.joined()
        let out = TeXMath.convert(tex, display: Bool.random(using: &rng))
        #expect(out.mathML.hasPrefix("<math") && out.mathML.hasSuffix("</math>"))
        #expect(out.problems.allSatisfy { $0.offset >= 0 && $0.offset <= tex.unicodeScalars.count })
    }
}

@Test func tenThousandNestedBracesGiveAWarningNotAStackOverflow() {
    let tex = String(repeating: "{", count: 10_000) + "x" + String(repeating: "}", count: 10_000)
    let out = TeXMath.convert(tex, display: false)
    #expect(out.problems == [TeXProblem(offset: 40, message: "formula nested more than 40 levels deep")])
    #expect(out.mathML.contains("<merror>"))
}

@Test func deepChainsOfCommandsAreBoundedToo() {
    for piece in ["\\frac", "\\sqrt", "\\left(", "\\displaystyle", "x^", "\\boldsymbol", "\\begin{matrix}", "\\text{", "\\hat"] {
        let out = TeXMath.convert(String(repeating: piece, count: 10_000) + "x", display: true)
        #expect(!out.problems.isEmpty, "\(piece)")
    }
}

@Test func nestingWithinTheLimitIsFine() {
    let tex = String(repeating: "{", count: 39) + "x" + String(repeating: "}", count: 39)
    #expect(TeXMath.convert(tex, display: false).problems == [])
}

@Test func sameTeXGivesTheSameBytes() {
    let tex = #"\operatorname{softmax}(\boldsymbol{z})_i = \frac{e^{z_i}}{\sum_{j=1}^{K} e^{z_j}}"#
    #expect(TeXMath.convert(tex, display: true) == TeXMath.convert(tex, display: true))
}
