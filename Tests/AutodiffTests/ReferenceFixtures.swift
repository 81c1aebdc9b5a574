import Foundation

/// The `cases` of a reference fixture (`Fixtures/<name>`, written by a script under scripts/
/// from PyTorch), or none when the file is missing or does not decode: the tests that load it
/// then fail on their coverage check.
func referenceCases<Case: Decodable>(_ name: String, as _: Case.Type) -> [Case] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/" + name)
    guard let data = try? Data(contentsOf: url) else { return [] }
    return (try? JSONDecoder().decode(ReferenceFile<Case>.self, from: data))?.cases ?? []
}

/// Agreement with a float64 reference: |a − b| ≤ 1e-12 · max(|b|, 0.1).
func referenceClose(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(abs(b), 0.1) }

/// A reference fixture's top level: `{"cases": [...]}`.
private struct ReferenceFile<Case: Decodable>: Decodable { let cases: [Case] }
