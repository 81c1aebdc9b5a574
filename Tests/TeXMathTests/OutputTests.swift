import Testing
import TeXMath

/// The MathML between `<semantics><mrow>` and `</mrow><annotation`.
private func body(_ tex: String, display: Bool = false) -> String {
    let m = TeXMath.convert(tex, display: display).mathML
    guard let start = m.range(of: "<semantics>"), let end = m.range(of: "<annotation", options: .backwards) else { return m }
    return String(m[start.upperBound..<end.lowerBound])
}

@Test func inlineMathCarriesItsTeXAsAltTextAndAnnotation() {
    #expect(TeXMath.convert("a<b", display: false).mathML == "<math alttext=\"a&lt;b\"><semantics><mrow><mi>a</mi><mo>&lt;</mo><mi>b</mi></mrow>"
        + "<annotation encoding=\"application/x-tex\">a&lt;b</annotation></semantics></math>")
}

@Test func displayMathIsABlock() {
    #expect(TeXMath.convert("x", display: true).mathML.hasPrefix("<math display=\"block\" alttext=\"x\">"))
}

@Test func unbracedFractionTakesOneTokenEach() {
    #expect(body(#"\frac 1 {2N}"#) == "<mrow><mfrac><mn>1</mn><mrow><mn>2</mn><mi>N</mi></mrow></mfrac></mrow>")
    #expect(body(#"\frac12"#) == "<mrow><mfrac><mn>1</mn><mn>2</mn></mfrac></mrow>")
}

@Test func boldsymbolThetaIsBoldItalicTheta() {
    #expect(body(#"\boldsymbol{\theta}"#) == "<mrow><mi>𝜽</mi></mrow>")
}

@Test func lettersInLetterlikeHolesUseTheLetterlikeBlock() {
    #expect(body(#"\mathbb{R}\mathcal{E}\mathcal{B}\mathfrak{H}\mathit{h}"#) == "<mrow><mi>ℝ</mi><mi>ℰ</mi><mi>ℬ</mi><mi>ℌ</mi><mi>h</mi></mrow>")
}

@Test func boldAndBlackboardLettersOutsideTheHoles() {
    #expect(body(#"\mathbf{x}\mathbb{E}\boldsymbol{W}"#) == "<mrow><mi>𝐱</mi><mi>𝔼</mi><mi>𝑾</mi></mrow>")
}

@Test func capitalGreekStaysUprightInBold() {
    #expect(body(#"\boldsymbol{\Sigma}"#) == "<mrow><mi>𝚺</mi></mrow>")
}

@Test func subscriptWithACommandArgument() {
    #expect(body(#"\nabla_\boldsymbol{x}z"#) == "<mrow><msub><mi mathvariant=\"normal\">∇</mi><mi>𝒙</mi></msub><mi>z</mi></mrow>")
}

@Test func sumTakesLimitsUnderAndOverOnlyInDisplayStyle() {
    #expect(body(#"\sum_{i}^{n}"#, display: true) == "<mrow><munderover><mo>∑</mo><mi>i</mi><mi>n</mi></munderover></mrow>")
    #expect(body(#"\sum_{i}^{n}"#) == "<mrow><msubsup><mo>∑</mo><mi>i</mi><mi>n</mi></msubsup></mrow>")
    #expect(body(#"\displaystyle\sum_i"#).contains("<munder><mo>∑</mo><mi>i</mi></munder>"))
}

@Test func leftAndRightMakeStretchyFences() {
    #expect(body(#"\left(x\right|"#) == "<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">(</mo><mi>x</mi>"
        + "<mo fence=\"true\" form=\"postfix\" stretchy=\"true\">|</mo></mrow>")
}

@Test func functionNamesGetAnInvisibleApplyAndAThinSpace() {
    #expect(body(#"\log x"#) == "<mrow><mi>log</mi><mo>\u{2061}</mo><mspace width=\"0.1667em\"/><mi>x</mi></mrow>")
}

@Test func unaryMinusAfterARelationHasNoSpace() {
    #expect(body("a=-b") == "<mrow><mi>a</mi><mo>=</mo><mo form=\"prefix\">−</mo><mi>b</mi></mrow>")
}

@Test func casesAreALeftBraceAndALeftAlignedTable() {
    #expect(body(#"\begin{cases} 1 & x \end{cases}"#) == "<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">{</mo>"
        + "<mtable columnalign=\"left left\"><mtr><mtd style=\"text-align: left\"><mn>1</mn></mtd>"
        + "<mtd style=\"text-align: left\"><mi>x</mi></mtd></mtr></mtable></mrow>")
}

@Test func textKeepsItsSpaces() {
    #expect(body(#"\text{if } x"#) == "<mrow><mtext>if\u{A0}</mtext><mi>x</mi></mrow>")
}
