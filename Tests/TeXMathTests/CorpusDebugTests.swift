import Testing
import TeXMath

@Test func printCorpusDifferences() throws {
    let corpus = try Corpus.load()
    var same = 0
    for f in corpus.formulas {
        let out = TeXMath.convert(f.tex, display: f.display)
        let ours = MathMLLeaves.read(out.mathML)
        if ours.tokens == f.tokens && ours.structure == f.structure && out.problems.isEmpty { same += 1; continue }
        print("TEX  \(f.tex)")
        if !out.problems.isEmpty { print("PROB \(out.problems)") }
        if ours.tokens != f.tokens { print("OURS \(ours.tokens.joined(separator: " "))\nKTX  \((f.tokens ?? []).joined(separator: " "))") }
        if ours.structure != f.structure { print("OURS \(ours.structure)\nKTX  \(f.structure ?? "")") }
    }
    print("MATCH \(same)/\(corpus.formulas.count)")
}
