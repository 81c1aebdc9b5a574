import Testing
@testable import Training

// SeededRandom against published test vectors and against scripts/reference_prng.py, an
// independent Python transcription (Fixtures/prng.json). Integers and uniforms must agree
// bit for bit; normals to 1e-15 relative, since Python's math.log is libm's, not ours.

private struct PRNGFixture: Decodable {
    struct Case: Decodable, Sendable, CustomStringConvertible {
        let seed: String
        let next: [String]
        let uniform: [Double]
        let normal: [Double]
        let integer_below_7: [Int]
        let permutation_10: [Int]
        var description: String { "seed 0x\(seed)" }
        var seedValue: UInt64 { UInt64(seed, radix: 16) ?? 0 }
    }
    let cases: [Case]
}

private let prngCases = fixture("prng.json", as: PRNGFixture.self)?.cases ?? []

@Test("xoshiro256** reproduces the published vector from the state (1, 2, 3, 4)")
func xoshiroPublishedVector() {
    var rng = SeededRandom(state: (1, 2, 3, 4))
    let expected: [UInt64] = [11520, 0, 1509978240, 1215971899390074240, 1216172134540287360,
                              607988272756665600, 16172922978634559625, 8476171486693032832,
                              10595114339597558777, 2904607092377533576]
    #expect((0..<10).map { _ in rng.next() } == expected)
}

@Test("SplitMix64's first output from 0 is the published 0xE220A8397B1DCDAF")
func splitMixPublishedValue() {
    var state: UInt64 = 0
    #expect(SeededRandom.splitMix64(&state) == 0xE220_A839_7B1D_CDAF)
}

@Test("the fixture file has four seeds")
func prngFixtureLoads() {
    #expect(prngCases.count == 4)
}

@Test("next() and uniform() agree bit for bit with the Python reference", arguments: prngCases)
private func rawStreamsMatchReference(c: PRNGFixture.Case) {
    var words = SeededRandom(seed: c.seedValue)
    #expect((0..<c.next.count).map { _ in String(words.next(), radix: 16) } == c.next.map { String(UInt64($0, radix: 16) ?? 0, radix: 16) })
    var uniforms = SeededRandom(seed: c.seedValue)
    #expect((0..<c.uniform.count).map { _ in uniforms.uniform() } == c.uniform)
}

@Test("integer(below:) and permutation agree exactly with the Python reference", arguments: prngCases)
private func integersMatchReference(c: PRNGFixture.Case) {
    var integers = SeededRandom(seed: c.seedValue)
    #expect((0..<c.integer_below_7.count).map { _ in integers.integer(below: 7) } == c.integer_below_7)
    var shuffles = SeededRandom(seed: c.seedValue)
    #expect(shuffles.permutation(10) == c.permutation_10)
}

@Test("normal() agrees with the Python reference to 1e-15 relative", arguments: prngCases)
private func normalsMatchReference(c: PRNGFixture.Case) {
    var rng = SeededRandom(seed: c.seedValue)
    for (i, expected) in c.normal.enumerated() {
        let x = rng.normal()
        #expect(close(x, expected, relative: 1e-15), "normal #\(i): \(x) vs \(expected)")
    }
}

@Test("100,000 normals have mean 0 and variance 1 within 5 standard errors")
func normalMoments() {
    var rng = SeededRandom(seed: 7)
    let n = 100_000
    var sum = 0.0, squares = 0.0
    for _ in 0..<n {
        let x = rng.normal()
        sum += x
        squares += x * x
    }
    let mean = sum / Double(n), variance = squares / Double(n) - mean * mean
    // Standard errors: 1/√n ≈ 0.0032 for the mean, √(2/n) ≈ 0.0045 for the variance.
    #expect(abs(mean) < 5 * 0.0032, "mean \(mean)")
    #expect(abs(variance - 1) < 5 * 0.0045, "variance \(variance)")
}

@Test("uniform() stays in [0, 1) and uniform(low, high) in [low, high)")
func uniformRange() {
    var rng = SeededRandom(seed: 9)
    for _ in 0..<10_000 {
        let u = rng.uniform()
        #expect(u >= 0 && u < 1)
        let v = rng.uniform(-2, 3)
        #expect(v >= -2 && v < 3)
    }
}

@Test("the same seed gives the same stream; another seed another one")
func seedsAreReproducible() {
    var a = SeededRandom(seed: 42), b = SeededRandom(seed: 42), c = SeededRandom(seed: 43)
    let xs = (0..<5).map { _ in a.normal() }
    #expect(xs == (0..<5).map { _ in b.normal() })
    #expect(xs != (0..<5).map { _ in c.normal() })
}

@Test("shuffle keeps every element; integer(below:) of 0 or 1 is 0 without drawing")
func shuffleAndDegenerateIntegers() {
    var rng = SeededRandom(seed: 5)
    var letters = Array("abcdefghij")
    rng.shuffle(&letters)
    #expect(letters.sorted() == Array("abcdefghij") && letters != Array("abcdefghij"))
    let before = rng
    #expect(rng.integer(below: 1) == 0 && rng.integer(below: 0) == 0 && rng.integer(below: -3) == 0)
    #expect(rng == before)
    var empty: [Int] = []
    rng.shuffle(&empty)
    #expect(empty.isEmpty && rng.permutation(0).isEmpty)
}
