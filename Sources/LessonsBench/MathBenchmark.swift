import Foundation
import TeXMath

/// Converting the seed article's 42 formulas to MathML must take under 5 ms in all.
enum MathBenchmark {
    static let budget = 0.005

    /// The seed's formulas, read from the corpus the TeXMath tests use (group `seed`).
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Tests/TeXMathTests/Fixtures/corpus.tsv").standardizedFileURL

    static let benchmark = Benchmark(name: "math: TeX to MathML, the seed's 42 formulas") {
        guard let text = try? String(contentsOf: corpus, encoding: .utf8) else {
            print("skipped: \(corpus.path) not found")
            return true
        }
        let formulas: [(tex: String, display: Bool)] = text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, fields[0] == "seed" else { return nil }
            return (String(fields[2]), fields[1] == "display")
        }
        var bytes = 0
        let time = Benchmarks.median(runs: 200) {
            bytes = 0
            for f in formulas { bytes += TeXMath.convert(f.tex, display: f.display).mathML.utf8.count }
        }
        let ms = time * 1000
        print(String(format: "%d formulas -> %d bytes of MathML: %.3f ms per run (median of 200; budget %.0f ms)",
                     formulas.count, bytes, ms, budget * 1000))
        if formulas.count != 42 { print("error: expected 42 seed formulas, found \(formulas.count)") }
        return formulas.count == 42 && time < budget
    }
}
