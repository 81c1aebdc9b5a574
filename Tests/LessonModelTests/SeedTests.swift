import Foundation
import Testing
@testable import LessonModel

/// The seed article lives in ../shared, which a user's clone does not have.
let seedURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../../shared/seed/backpropagation.md").standardizedFileURL

@Test(.enabled(if: FileManager.default.fileExists(atPath: seedURL.path),
               "skipped: ../shared/seed/backpropagation.md is absent (only the developers' checkout has it)"))
func seedArticleParsesWithAll42FormulasIntact() throws {
    let bytes = try [UInt8](Data(contentsOf: seedURL))
    let (lesson, diags) = LessonParser.parse(bytes: bytes, path: "seed.md", relativePath: "backpropagation.md")
    let l = try #require(lesson)
    #expect(l.title == "Backpropagation")
    #expect(l.math.count == 42)
    #expect(l.math.contains { $0.tex == #"\displaystyle\nabla_\boldsymbol{x}z=\left(\frac{\partial \boldsymbol{y}}{\partial \boldsymbol{x}}\right)^\top\nabla_\boldsymbol{y}z"# })
    #expect(l.blocks.first?.kind == .tableOfContents)
    #expect(l.toc.count == 6)
    #expect(diags.map(\.message) == ["Liquid tag '{% include_relative deep_learning_references.md %}' is not supported and was dropped"])
}
