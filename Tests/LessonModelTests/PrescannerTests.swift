import Testing
@testable import LessonModel

private func scan(_ text: String) -> (Prescanner.Output, [Diagnostic]) {
    var d = Diagnostics(path: "t.md")
    let out = Prescanner.scan(text, into: &d)
    return (out, d.all)
}

@Test func doubleDollarFormulaIsCutOutWithItsTeXIntact() {
    let (out, _) = scan(#"Energy $$\frac 1 2 \sum_{j} e_{j}^2(n)$$ here"#)
    #expect(out.math.map(\.tex) == [#"\frac 1 2 \sum_{j} e_{j}^2(n)"#])
    #expect(out.math[0].delimiter == .doubleDollar)
    #expect(out.math[0].position == SourcePosition(line: 1, column: 8))
    #expect(!out.text.contains("\\"))
}

@Test func prescanKeepsLinesAndColumnsOfEverythingElse() {
    let text = "a $x_1$ b\n$$\ny\n$$\ntail"
    let (out, _) = scan(text)
    #expect(out.text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.unicodeScalars.count }
            == text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.unicodeScalars.count })
    #expect(out.math.map(\.tex) == ["x_1", "\ny\n"])
}

@Test func dollarAmountsAreNotMath() {
    #expect(scan("It costs $5 and $10 today.").0.math.isEmpty)
    #expect(scan("from $ 1 to $ 2").0.math.isEmpty)
    #expect(scan("price $x$5").0.math.isEmpty)
}

@Test func singleDollarMathFollowsPandocRules() {
    #expect(scan("let $x$ and $y + 1$ be").0.math.map(\.tex) == ["x", "y + 1"])
}

@Test func escapedDollarIsText() {
    #expect(scan(#"a \$x$ b"#).0.math.isEmpty)
}

@Test func parenthesisAndBracketDelimiters() {
    let (out, _) = scan(#"inline \(a+b\) and \[c\]"#)
    #expect(out.math.map(\.tex) == ["a+b", "c"])
    #expect(out.math.map(\.delimiter) == [.parenthesis, .bracket])
    #expect(out.math[1].display)
}

@Test func mathIsNotRecognisedInCodeSpansOrFences() {
    #expect(scan("run `echo $HOME` and `$PATH`").0.math.isEmpty)
    #expect(scan("```\n$x$\n```\n").0.math.isEmpty)
    #expect(scan("~~~~\n$$a$$\n~~~~\n").0.math.isEmpty)
}

@Test func mathNeverCrossesAParagraphBreak() {
    #expect(scan("$$a\n\nb$$").0.math.isEmpty)
    #expect(scan("- $a\n- b$").0.math.isEmpty)
}

@Test func multiLineMathInBlockquoteKeepsMarkers() {
    let (out, _) = scan("> $$\n> a\n> $$")
    #expect(out.math.map(\.tex) == ["\na\n"])
    #expect(out.text.split(separator: "\n").allSatisfy { $0.hasPrefix(">") })
}

@Test func liquidTagIsDroppedWithAWarningAtItsPosition() {
    let (out, diags) = scan("text\n\n  {% include_relative refs.md %}\n")
    #expect(!out.text.contains("{%"))
    #expect(diags.map(\.description) == ["t.md:3:3: warning: Liquid tag '{% include_relative refs.md %}' is not supported and was dropped"])
}

@Test func attributeLinesAreRemovedAndRecorded() {
    let (out, _) = scan("* TOC\n{:toc}\n\n![a](b.png)\n{: .center.middle}")
    #expect(out.attributes == [AttributeLine(line: 2, content: "toc"), AttributeLine(line: 5, content: ".center.middle")])
    #expect(!out.text.contains("{:"))
}

@Test func restoringPlaceholdersGivesBackTheSource() {
    let text = "a $x$ b $$\ny\n$$ c"
    let (out, _) = scan(text)
    #expect(Placeholders.restore(out.text, math: out.math) == text)
}

@Test func unclosedOpenersOnAHugeLineStayLinear() {
    // 200,000 openers with no closer: a naive scan would take 10^10 steps.
    let text = "$$" + String(repeating: "$a \\(b `c {%d \\[e ", count: 40_000)
    let (out, _) = scan(text)
    #expect(out.math.isEmpty)
    #expect(out.text.unicodeScalars.count == text.unicodeScalars.count)
}

@Test func memoisedSearchStillFindsLaterPairs() {
    #expect(scan("a $x $y$ b").0.math.map(\.tex) == ["x $y"])
    #expect(scan("`a ``b`` c").0.math.isEmpty)
    #expect(scan("$$ $$a$$").0.math.map(\.tex) == [" "])
}

@Test func referencesAreCutOutWithTheirPositions() {
    let (out, diags) = scan("Loss {{ xor.loss }} and {{colah.b.grad}}.")
    #expect(diags.isEmpty)
    #expect(out.references.map(\.dotted) == ["xor.loss", "colah.b.grad"])
    #expect(out.references.map(\.position) == [SourcePosition(line: 1, column: 6), SourcePosition(line: 1, column: 25)])
    #expect(!out.text.contains("{{"))
}

@Test func malformedReferenceIsAnError() {
    let (_, diags) = scan("See {{ loss }} here")
    #expect(diags.map(\.description) == ["t.md:1:5: error: '{{ loss }}' is not a reference; expected a block name and what to quote, like '{{ xor.loss }}' or '{{ colah.b.grad }}'"])
}

@Test func referencesAreNotRecognisedInCode() {
    #expect(scan("`{{ a.b }}`").0.references.isEmpty)
    #expect(scan("```\n{{ a.b }}\n```\n").0.references.isEmpty)
}

/// A quoted formula with a line that holds only the quote marker: that line gives the formula
/// nothing, yet keeps its place among the formula's lines, and restoring still gives the source.
@Test func aQuoteMarkerLineKeepsItsPlaceInAFormula() {
    let text = "> $$a +\n>\n> b$$ and\n> $$c\n>\n>\n> d$$"
    let (out, _) = scan(text)
    #expect(out.math.map(\.tex) == ["a +\n\nb", "c\n\n\nd"])
    #expect(Placeholders.restore(out.text, math: out.math) == text)
}
