import Autodiff
import Testing
import Training

// split(fraction:seed:): a seeded shuffle, then round(fraction · n) rows for training.

@Test("a split keeps every row exactly once: 160 for training, 40 for validation")
func splitPartitionsRows() throws {
    let data = try Datasets.moons()
    let (train, validation) = try data.split(fraction: 0.8, seed: 1)
    #expect(train.count == 160 && validation.count == 40)
    let rows = { (d: Dataset) in (0..<d.count).map { Array(d.X.scalars[(2 * $0)..<(2 * $0 + 2)]) + [d.y.scalars[$0]] } }
    let together = (rows(train) + rows(validation)).map { $0.map(\.description).joined(separator: ",") }.sorted()
    #expect(together == rows(data).map { $0.map(\.description).joined(separator: ",") }.sorted())
}

@Test("the same seed splits the same way; another seed differently")
func splitIsSeeded() throws {
    let data = try Datasets.sine()
    #expect(try data.split(fraction: 0.5, seed: 2).train == data.split(fraction: 0.5, seed: 2).train)
    #expect(try data.split(fraction: 0.5, seed: 2).train.X != data.split(fraction: 0.5, seed: 3).train.X)
}

@Test("a split must leave at least one example on each side")
func splitErrors() throws {
    let xor = try Datasets.xor()
    #expect(argumentMessage { try xor.split(fraction: 0.1, seed: 0) }
            == "a split of 0.1 of 4 examples leaves none for training: each side needs at least one")
    #expect(argumentMessage { try xor.split(fraction: 0.9, seed: 0) }
            == "a split of 0.9 of 4 examples leaves none for validation: each side needs at least one")
    #expect(argumentMessage { try xor.split(fraction: 1, seed: 0) }
            == "fraction must be between 0 and 1 (the share used for training), got 1")
    #expect(argumentMessage { try xor.split(fraction: .nan, seed: 0) } != nil)
    #expect(try xor.split(fraction: 0.75, seed: 0).validation.count == 1)
}

@Test("a data set needs X and y with one row per example")
func datasetInitChecksRows() throws {
    let x = try Tensor(matrix: [[1, 2], [3, 4]])
    #expect(argumentMessage { try Dataset(name: "d", description: "", X: x, y: try Tensor(matrix: [[1]])) }
            == "X has 2 rows but y has 1: each example needs one row in both")
    #expect(argumentMessage { try Dataset(name: "d", description: "", X: x, y: try Tensor(vector: [1, 2])) }
            == "X and y must be matrices with one row per example, got 2x2 and vector of 2")
}
