import Foundation

/// The KaTeX fixture (scripts/katex-corpus.js): the corpus formulas with KaTeX's tokens and nesting.
struct Corpus: Decodable {
    struct Formula: Decodable {
        var group: String
        var display: Bool
        var tex: String
        var katexTeX: String?
        var tokens: [String]?
        var structure: String?
        var katexError: String?
    }

    var katex: String
    var formulas: [Formula]

    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/katex-corpus.json")

    static func load() throws -> Corpus {
        try JSONDecoder().decode(Corpus.self, from: Data(contentsOf: url))
    }
}
