/// SplitMix64 (Steele, Lea and Flood 2014): the tests' one seeded generator, so test inputs are
/// the same on every machine and every run. (Training has its own for lessons and the fuzzer;
/// this one keeps the TeX, Autodiff and lesson-model tests free of a dependency on Training.)
package struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A stream whose values are fixed by `seed`.
    package init(seed: UInt64) { state = seed }

    /// The next 64 bits.
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1), from the top 53 bits.
    package mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in [low, high), from the top 53 bits.
    package mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * unit()
    }

    /// Uniform integer in low...high.
    package mutating func integer(_ low: Int, _ high: Int) -> Int {
        low + Int(next() % UInt64(high - low + 1))
    }

    /// An integer in 0..<bound (a plain modulo: the tests need repeatable, not unbiased).
    package mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
