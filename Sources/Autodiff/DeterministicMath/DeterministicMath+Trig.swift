/// Sine and cosine from +, −, ×, ÷ only (see `DeterministicMath`).
extension DeterministicMath {
    /// 2/π, rounded: only used to pick the nearest multiple of π/2.
    static let twoOverPi = 0x1.45f306dc9c883p-1
    /// π/2 in four parts: three of 33 significant bits (so n · part is exact for |n| < 2²⁰)
    /// and the rounded rest, 152 bits of π/2 in all.
    static let halfPi1 = 0x1.921fb544p0
    static let halfPi2 = 0x1.0b4611a6p-34
    static let halfPi3 = 0x1.3198a2ep-69
    static let halfPi3Tail = 0x1.b839a252049c1p-104

    /// (−1)ʲ / (2j + 1)! for j = 1...9 (sin) and (−1)ʲ / (2j)! for j = 2...10 (cos). The
    /// factorials up to 22! are exact in Double (their odd parts fit in 53 bits), so each
    /// coefficient is one correctly rounded division.
    static let sinCoefficients: [Double] = (1...9).map { j in (j % 2 == 0 ? 1 : -1) / factorial(2 * j + 1) }
    static let cosCoefficients: [Double] = (2...10).map { j in (j % 2 == 0 ? 1 : -1) / factorial(2 * j) }

    private static func factorial(_ n: Int) -> Double {
        var product = 1.0
        for i in stride(from: 2, through: n, by: 1) { product *= Double(i) }
        return product
    }

    /// Sine; NaN for ±inf and NaN. Accurate to a few ulp for |x| < 2²⁰ ≈ 1.05e6. Larger
    /// arguments are first brought into [−π, π] by IEEE 754's exact `remainder` modulo 2π as
    /// rounded to Double: still deterministic, but that period is slightly off, so the result
    /// is only a rough sine there (no lesson needs angles of a million radians).
    package static func sin(_ x: Double) -> Double {
        guard x.isFinite else { return .nan }
        if x == 0 { return x }  // keeps the sign of −0
        let (quadrant, hi, lo) = reduce(x)
        switch quadrant {
        case 0: return sinKernel(hi, lo)
        case 1: return cosKernel(hi, lo)
        case 2: return -sinKernel(hi, lo)
        default: return -cosKernel(hi, lo)
        }
    }

    /// Cosine; NaN for ±inf and NaN. Same accuracy and range as `sin`.
    package static func cos(_ x: Double) -> Double {
        guard x.isFinite else { return .nan }
        let (quadrant, hi, lo) = reduce(x)
        switch quadrant {
        case 0: return cosKernel(hi, lo)
        case 1: return -sinKernel(hi, lo)
        case 2: return -cosKernel(hi, lo)
        default: return sinKernel(hi, lo)
        }
    }

    /// x = n · π/2 + (hi + lo) with |hi + lo| ≤ π/4 (about), n's quadrant n mod 4 in 0...3.
    /// Cody–Waite reduction: x − n · halfPi1 is exact (the product is exact and the operands
    /// are within a factor of 2); each further part is subtracted with its rounding error kept
    /// in `lo` (Knuth's two-sum), so hi + lo carries about 100 good bits even when x is close
    /// to a multiple of π/2.
    static func reduce(_ x: Double) -> (quadrant: Int, hi: Double, lo: Double) {
        if abs(x) <= 0x1.921fb54442d18p-1 { return (0, x, 0) }  // |x| ≤ π/4: nothing to do
        // Beyond 2²⁰, n · halfPi1 would no longer be exact (see `sin`).
        let x = abs(x) < 0x1p20 ? x : x.remainder(dividingBy: 2 * Double.pi)
        let n = (x * twoOverPi).rounded(.toNearestOrEven)
        let r = x - n * halfPi1
        let (head, error) = twoSum(r, -(n * halfPi2))
        let tail = (error - n * halfPi3) - n * halfPi3Tail
        let (hi, lo) = twoSum(head, tail)
        // n is a small integer-valued Double; its remainder mod 4 picks the quadrant.
        let q = n.truncatingRemainder(dividingBy: 4)
        return (Int(q < 0 ? q + 4 : q), hi, lo)
    }

    /// a + b = sum + error exactly (Knuth's two-sum, six operations, no branch).
    static func twoSum(_ a: Double, _ b: Double) -> (sum: Double, error: Double) {
        let sum = a + b
        let bVirtual = sum - a
        let aVirtual = sum - bVirtual
        return (sum, (a - aVirtual) + (b - bVirtual))
    }

    /// sin(x + y) for |x| ≤ π/4 and |y| tiny: x + x³ · P(x²) + y · cos x, with cos x ≈ 1 − x²/2
    /// (the y term is below an ulp of x, so its own error does not matter).
    static func sinKernel(_ x: Double, _ y: Double) -> Double {
        let z = x * x
        var p = 0.0
        for c in sinCoefficients.reversed() { p = p * z + c }
        return x + (x * z * p + y * (1 - 0.5 * z))
    }

    /// cos(x + y) for |x| ≤ π/4 and |y| tiny: 1 − x²/2 + x⁴ · Q(x²) − y · sin x. The rounding
    /// error of w = 1 − x²/2 is recovered exactly as (1 − w) − x²/2 and added back (fdlibm).
    static func cosKernel(_ x: Double, _ y: Double) -> Double {
        let z = x * x
        var q = 0.0
        for c in cosCoefficients.reversed() { q = q * z + c }
        let half = 0.5 * z
        let w = 1 - half
        return w + (((1 - w) - half) + (z * z * q - x * y))
    }
}
