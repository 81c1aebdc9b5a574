import Foundation

/// A JSON file from Tests/TrainingTests/Fixtures (written by the scripts in scripts/), decoded;
/// nil if it is missing or malformed (the tests that use it then fail on an empty fixture).
func fixture<T: Decodable>(_ name: String, as type: T.Type) -> T? {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    guard let data = try? Data(contentsOf: url) else { return nil }
    return try? JSONDecoder().decode(T.self, from: data)
}

/// |a − b| ≤ tolerance · max(|b|, floor): relative, with a floor below which it is absolute.
func close(_ a: Double, _ b: Double, relative tolerance: Double, floor: Double = 1e-300) -> Bool {
    abs(a - b) <= tolerance * max(abs(b), floor)
}
