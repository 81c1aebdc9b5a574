import Testing
import Training

// The built-in data sets with noise 0 against scikit-learn and NumPy (Fixtures/datasets.json,
// scripts/reference_datasets.py). Tolerance: 1e-15 absolute on X (our sin/cos may differ from
// NumPy's in the last bit; every coordinate is at most 3 in size); the same for sine's y,
// and class labels exactly.

struct DatasetCase: Decodable, Sendable, CustomStringConvertible {
    let name: String
    let arguments: [String: Double]
    let X_shape, y_shape: [Int]
    let X, y: [Double]
    var description: String { "\(name) \(arguments.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))" }
}

private struct DatasetFixtureFile: Decodable {
    let cases: [DatasetCase]
}

private let datasetCases = fixture("datasets.json", as: DatasetFixtureFile.self)?.cases ?? []

@Test("the data set fixture file has cases for moons, circles, spiral, line and sine")
func datasetFixturesLoad() {
    #expect(Set(datasetCases.map(\.name)) == ["moons", "circles", "spiral", "line", "sine"])
}

@Test("noise-free data sets match scikit-learn / NumPy", arguments: datasetCases)
func noiseFreeDatasetMatchesReference(c: DatasetCase) throws {
    let arguments = c.arguments.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
    let data = try Datasets.make(c.name, arguments: arguments)
    #expect(data.X.shape.dims == c.X_shape && data.y.shape.dims == c.y_shape)
    if c.name != "sine" { #expect(data.y.scalars == c.y) }
    for (label, ours, theirs) in [("X", data.X.scalars, c.X), ("y", data.y.scalars, c.y)] {
        for (i, (a, b)) in zip(ours, theirs).enumerated() {
            #expect(abs(a - b) <= 1e-15, "\(label)[\(i)] = \(a) vs \(b), within 1e-15")
        }
    }
}
