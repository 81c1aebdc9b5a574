import Autodiff
import Testing
import Training

// Initializers draw from SeededRandom in row-major order; shapes and ranges are checked.

@Test("uniform draws row by row from the generator: element k is the k-th uniform")
func uniformIsRowMajor() throws {
    var a = SeededRandom(seed: 4), b = SeededRandom(seed: 4)
    let w = try Initializers.uniform(-1, 1, shape: .matrix(2, 3), using: &a)
    #expect(w.shape == .matrix(2, 3))
    #expect(w.scalars == (0..<6).map { _ in b.uniform(-1, 1) })
    #expect(a == b, "exactly six draws")
}

@Test("xavier is U(−a, a) with a = √(6/(fan_in + fan_out)), fan_in = rows, fan_out = cols")
func xavierBound() throws {
    var a = SeededRandom(seed: 8), b = SeededRandom(seed: 8)
    let w = try Initializers.xavier(shape: .matrix(20, 30), using: &a)
    let bound = (6.0 / 50).squareRoot()
    #expect(w == (try Initializers.uniform(-bound, bound, shape: .matrix(20, 30), using: &b)))
    #expect(w.scalars.allSatisfy { abs($0) <= bound } && w.scalars.contains { abs($0) > 0.9 * bound })
    var c = SeededRandom(seed: 8), d = SeededRandom(seed: 8)
    #expect(try Initializers.xavier(shape: .vector(5), using: &c) == Initializers.uniform(-(0.6).squareRoot(), (0.6).squareRoot(), shape: .vector(5), using: &d),
            "a vector of n has fan_in = fan_out = n")
}

@Test("he is N(0, 2/fan_in) with fan_in = rows")
func heStandardDeviation() throws {
    var a = SeededRandom(seed: 9), b = SeededRandom(seed: 9)
    let w = try Initializers.he(shape: .matrix(8, 3), using: &a)
    #expect(w == (try Initializers.normal(mean: 0, std: (2.0 / 8).squareRoot(), shape: .matrix(8, 3), using: &b)))
}

@Test("normal: 10,000 draws have the requested mean and std (within 5 standard errors); std 0 gives the mean")
func normalInitializerMoments() throws {
    var rng = SeededRandom(seed: 10)
    let w = try Initializers.normal(mean: 3, std: 2, shape: .matrix(100, 100), using: &rng)
    let mean = w.scalars.reduce(0, +) / 10_000
    let std = (w.scalars.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 10_000).squareRoot()
    #expect(abs(mean - 3) < 5 * 0.02 && abs(std - 2) < 5 * 0.0142, "mean \(mean), std \(std)")
    #expect(try Initializers.normal(mean: 1.5, std: 0, shape: .vector(3), using: &rng).scalars == [1.5, 1.5, 1.5])
}

@Test("zeros, and shapes from a lesson's dimension lists")
func zerosAndShapes() throws {
    #expect(try Initializers.zeros(shape: .matrix(2, 2)).scalars == [0, 0, 0, 0])
    #expect(try Initializers.shape([]) == .scalar && Initializers.shape([4]) == .vector(4) && Initializers.shape([2, 3]) == .matrix(2, 3))
}

@Test("bad ranges and shapes are errors")
func initializerErrors() {
    var rng = SeededRandom(seed: 0)
    #expect(argumentMessage { try Initializers.uniform(1, 1, shape: .scalar, using: &rng) }
            == "uniform needs low < high, got low = 1 and high = 1")
    #expect(argumentMessage { try Initializers.uniform(0, .infinity, shape: .scalar, using: &rng) } == "high must be a finite number, got inf")
    #expect(argumentMessage { try Initializers.normal(mean: 0, std: -1, shape: .scalar, using: &rng) } == "std must be at least 0, got -1")
    #expect(argumentMessage { try Initializers.shape([2, 0]) } == "every dimension of a shape must be at least 1, got 2x0")
    #expect(argumentMessage { try Initializers.shape([2, 3, 4]) } == "a shape has at most 2 dimensions (rows, columns), got 3")
    #expect(argumentMessage { try Initializers.shape([1_001, 1_000]) } == "a parameter may hold at most 1,000,000 numbers; 1001x1000 is larger")
    #expect(argumentMessage { try Initializers.zeros(shape: .matrix(-1, 3)) } == "every dimension of a shape must be at least 1, got -1x3")
}
