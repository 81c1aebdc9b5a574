import Autodiff
/// The project's own seeded random numbers: the same seed gives the same numbers on every
/// platform, compiler and run, so a lesson's training is reproducible bit for bit.
///
/// Algorithm (all integer arithmetic is wrapping 64-bit, so it is exact everywhere):
/// - Seeding: SplitMix64 (Steele, Lea and Flood 2014) turns the 64-bit seed into the four
///   words of state, as the xoshiro authors recommend; it never yields an all-zero state.
/// - Stream: xoshiro256** 1.0 (Blackman and Vigna 2018), 64 bits per call of `next()`.
/// - `uniform()`: the top 53 bits of `next()` times 2⁻⁵³, a multiple of 2⁻⁵³ in [0, 1).
/// - `normal()`: Marsaglia's polar method. Draw u, v uniform in (−1, 1) until
///   0 < s = u² + v² < 1; then u·f and v·f with f = √(−2 ln s / s) are two independent
///   standard normals: the first is returned and the second kept for the next call.
///   `ln` is `DeterministicMath.log` (libm's is not the same on every platform); √ is IEEE.
/// - `integer(below:)`: rejection sampling on `next()`, so every value is equally likely.
/// - `shuffle`: Fisher–Yates from the last element down, j = integer(below: i + 1).
///
/// Not a `RandomNumberGenerator` on purpose: the standard library's `shuffled(using:)` and
/// `Double.random(in:using:)` do not promise their algorithms, so they could change the numbers.
package struct SeededRandom: Sendable, Equatable {
    private var s0, s1, s2, s3: UInt64
    /// The second normal of the last polar pair, returned by the next `normal()`.
    private var spareNormal: Double?

    /// A generator whose whole stream is fixed by `seed`.
    package init(seed: UInt64) {
        var splitMix = seed
        s0 = Self.splitMix64(&splitMix)
        s1 = Self.splitMix64(&splitMix)
        s2 = Self.splitMix64(&splitMix)
        s3 = Self.splitMix64(&splitMix)
    }

    /// A generator in a given state (for checking against published test vectors).
    init(state: (UInt64, UInt64, UInt64, UInt64)) {
        (s0, s1, s2, s3) = state
    }

    /// SplitMix64: advances `state` by the golden-ratio increment and mixes it.
    static func splitMix64(_ state: inout UInt64) -> UInt64 {
        var stream = SplitMix64(seed: state)
        defer { state = stream.state }
        return stream.next()
    }

    private static func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// The next 64 random bits (xoshiro256**).
    package mutating func next() -> UInt64 {
        let result = Self.rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotateLeft(s3, 45)
        return result
    }

    /// Uniform in [0, 1): the top 53 bits of `next()` scaled by 2⁻⁵³ (exact, no rounding).
    package mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// Uniform in [low, high): low + (high − low) · uniform().
    package mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * uniform()
    }

    /// A standard normal (mean 0, standard deviation 1) by Marsaglia's polar method.
    package mutating func normal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        while true {
            let u = 2 * uniform() - 1
            let v = 2 * uniform() - 1
            let s = u * u + v * v
            // s = 0 would divide by zero; s ≥ 1 lies outside the unit disc. Both are rejected.
            guard s > 0, s < 1 else { continue }
            let f = (-2 * DeterministicMath.log(s) / s).squareRoot()
            spareNormal = v * f
            return u * f
        }
    }

    /// A normal with the given mean and standard deviation: mean + std · normal().
    package mutating func normal(mean: Double, std: Double) -> Double {
        mean + std * normal()
    }

    /// Uniform in 0..<n, unbiased: values of `next()` below 2⁶⁴ mod n are drawn again, so the
    /// rest splits evenly into n classes. Returns 0 when n ≤ 1.
    package mutating func integer(below n: Int) -> Int {
        guard n > 1 else { return 0 }
        let bound = UInt64(n)
        let threshold = (0 &- bound) % bound  // 2⁶⁴ mod n
        while true {
            let r = next()
            if r >= threshold { return Int(r % bound) }
        }
    }

    /// Shuffles `elements` in place (Fisher–Yates): each order is equally likely.
    package mutating func shuffle<T>(_ elements: inout [T]) {
        var i = elements.count - 1
        while i > 0 {
            elements.swapAt(i, integer(below: i + 1))
            i -= 1
        }
    }

    /// 0..<n in a random order (a shuffled identity).
    package mutating func permutation(_ n: Int) -> [Int] {
        var order = Array(0..<max(n, 0))
        shuffle(&order)
        return order
    }
}
