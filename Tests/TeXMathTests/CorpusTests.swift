import Testing
import TeXMath

/// Formulas where our MathML deliberately differs from KaTeX's, with the reason.
let acceptedDifferences: [String: String] = [
    #"\det A = \begin{vmatrix} a & b \\ c & d \end{vmatrix} = ad - bc"#:
        "stretchy bars are U+007C, not KaTeX's U+2223: the operator dictionary makes U+2223 a relation, so as a fence it gets wide gaps",
    #"\left\| \frac{\partial \boldsymbol{h}_t}{\partial \boldsymbol{h}_k} \right\| \le \left( \beta_W \beta_h \right)^{t-k}"#:
        "stretchy double bars are U+2016, not KaTeX's U+2225 (a relation in the operator dictionary, spaced like one)",
    #"\left. \frac{\partial f}{\partial x} \right|_{x = 0}"#:
        "stretchy bar is U+007C, not KaTeX's U+2223 (a relation in the operator dictionary, spaced like one)",
    #"\overline{x'^2} = \frac{1}{N} \sum_{n=1}^{N} x_n'^2"#: "\\overline is the combining low line U+0332, not KaTeX's U+203E, which Chromium does not stretch over its base (the mean of x'^2 read as the square of the mean)",
    #"\overline{x + y}"#: "\\overline is the combining low line U+0332, not KaTeX's U+203E, which Chromium does not stretch over its base (the mean of x'^2 read as the square of the mean)",
    #"\underline{abc}"#: "\\underline is U+0332, not KaTeX's U+203E, which Chromium does not stretch under its base",
    #"\widehat{xyz}"#: "\\widehat is the combining circumflex U+0302, not KaTeX's U+005E, which Chromium does not stretch over its base",
    #"\widehat{y}"#: "\\widehat is the combining circumflex U+0302, not KaTeX's U+005E, which Chromium does not stretch over its base",
    #"\widehat{y}=\sigma(\boldsymbol{x}^\top \boldsymbol{y}+b)"#: "\\widehat is the combining circumflex U+0302, not KaTeX's U+005E, which Chromium does not stretch over its base",
    #"\vec{v} \cdot \vec{w}"#:
        "\\vec is U+2192 over the letter: KaTeX's combining U+20D7 alone in an <mo> is drawn beside the letter by Chromium",
]

/// Compares, per formula, our leaf tokens and layout nesting with KaTeX's (the fixture).
func differs(_ f: Corpus.Formula) -> Bool {
    let ours = MathMLLeaves.read(TeXMath.convert(f.tex, display: f.display).mathML)
    return ours.tokens != f.tokens || ours.structure != f.structure
}

@Test func corpusHoldsTheSeedAndAtLeast150MoreFormulas() throws {
    let corpus = try Corpus.load()
    #expect(corpus.formulas.filter { $0.group == "seed" }.count == 42)
    #expect(corpus.formulas.filter { $0.group != "seed" }.count >= 150)
    #expect(corpus.formulas.allSatisfy { $0.katexError == nil && $0.tokens != nil })
}

/// 96%: the wide accents (chosen so that Chromium stretches them) differ from KaTeX on purpose.
@Test func atLeast96PercentOfTheCorpusMatchesKaTeX() throws {
    let corpus = try Corpus.load()
    let matching = corpus.formulas.filter { !differs($0) }.count
    #expect(Double(matching) >= 0.96 * Double(corpus.formulas.count), "\(matching) of \(corpus.formulas.count) match")
}

@Test func everyDifferenceFromKaTeXIsListedWithItsReason() throws {
    let corpus = try Corpus.load()
    for f in corpus.formulas where differs(f) {
        let ours = MathMLLeaves.read(TeXMath.convert(f.tex, display: f.display).mathML)
        #expect(acceptedDifferences[f.tex] != nil,
                "\(f.tex)\nours:  \(ours.tokens) \(ours.structure)\nKaTeX: \(f.tokens ?? []) \(f.structure ?? "")")
    }
}

@Test func listedDifferencesStillDiffer() throws {
    let corpus = try Corpus.load()
    for (tex, _) in acceptedDifferences {
        let formula = try #require(corpus.formulas.first { $0.tex == tex })
        #expect(differs(formula), "no longer differs; remove it from acceptedDifferences: \(tex)")
    }
}

@Test func everyCorpusFormulaConvertsWithoutWarnings() throws {
    for f in try Corpus.load().formulas {
        #expect(TeXMath.convert(f.tex, display: f.display).problems == [], "\(f.tex)")
    }
}

@Test func seedFormulasAloneInTheirParagraphAreDisplayMath() throws {
    let seed = try Corpus.load().formulas.filter { $0.group == "seed" }
    #expect(seed.filter(\.display).count == 6)
    for f in seed {
        #expect(TeXMath.convert(f.tex, display: f.display).mathML.hasPrefix(f.display ? "<math display=\"block\" " : "<math alttext="))
    }
}
