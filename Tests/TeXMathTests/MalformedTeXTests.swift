import Testing
import TeXMath

/// The whole formula shown as source, for a structural error.
private func sourceInError(_ tex: String) -> String {
    "<math alttext=\"\(tex)\"><semantics><mrow><merror><mtext>\(tex)</mtext></merror></mrow>"
        + "<annotation encoding=\"application/x-tex\">\(tex)</annotation></semantics></math>"
}

@Test func unclosedBraceIsReportedAtTheBrace() {
    let out = TeXMath.convert(#"a^{b+c"#, display: false)
    #expect(out.problems == [TeXProblem(offset: 2, message: "unbalanced braces: this '{' is never closed")])
    #expect(out.mathML == sourceInError(#"a^{b+c"#))
}

@Test func extraClosingBraceIsReportedWhereItIs() {
    let out = TeXMath.convert(#"x}+1"#, display: false)
    #expect(out.problems == [TeXProblem(offset: 1, message: "unbalanced braces: this '}' closes nothing")])
    #expect(out.mathML == sourceInError(#"x}+1"#))
}

@Test func fractionMissingAnArgumentIsReportedAtTheCommand() {
    let out = TeXMath.convert(#"y = \frac{1}"#, display: false)
    #expect(out.problems == [TeXProblem(offset: 4, message: "'\\frac' is missing its argument")])
    #expect(out.mathML == sourceInError(#"y = \frac{1}"#))
}

@Test func leftWithoutRightIsReportedAtTheLeft() {
    let out = TeXMath.convert(#"f = \left( \frac{a}{b}"#, display: false)
    #expect(out.problems == [TeXProblem(offset: 4, message: "'\\left' has no matching '\\right'")])
    #expect(out.mathML == sourceInError(#"f = \left( \frac{a}{b}"#))
}

@Test func rightWithoutLeftIsReportedAtTheRight() {
    let out = TeXMath.convert(#"a \right)"#, display: false)
    #expect(out.problems == [TeXProblem(offset: 2, message: "'\\right' without a matching '\\left'")])
}

@Test func unsupportedCommandIsShownAsSourceInPlace() {
    let out = TeXMath.convert(#"x + \foo{a}{b} = 1"#, display: false)
    #expect(out.problems == [TeXProblem(offset: 4, message: "unsupported command '\\foo'; it is shown as TeX source")])
    #expect(out.mathML == "<math alttext=\"x + \\foo{a}{b} = 1\"><semantics><mrow><mi>x</mi><mo>+</mo>"
        + "<merror><mtext>\\foo{a}{b}</mtext></merror><mo>=</mo><mn>1</mn></mrow>"
        + "<annotation encoding=\"application/x-tex\">x + \\foo{a}{b} = 1</annotation></semantics></math>")
}

@Test func missingScriptIsReportedAtTheCaret() {
    let out = TeXMath.convert(#"x^"#, display: false)
    #expect(out.problems == [TeXProblem(offset: 1, message: "superscript '^' is missing its argument")])
}

@Test func doubleSuperscriptIsAnError() {
    #expect(TeXMath.convert(#"x^a^b"#, display: false).problems.map(\.offset) == [3])
}

@Test func environmentWithoutEndIsReportedAtTheBegin() {
    let out = TeXMath.convert(#"A = \begin{pmatrix} 1 & 2"#, display: true)
    #expect(out.problems == [TeXProblem(offset: 4, message: "'\\begin{pmatrix}' has no matching '\\end{pmatrix}'")])
}

@Test func problemPositionGivesLineAndColumnWithinTheFormula() {
    let tex = "a +\n  \\foo"
    let problem = TeXMath.convert(tex, display: true).problems[0]
    #expect(problem.lineAndColumn(in: tex) == (1, 2))
}
