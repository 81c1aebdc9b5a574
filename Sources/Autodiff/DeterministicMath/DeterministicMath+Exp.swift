/// eˣ from +, −, × only, a SIMD vector of arguments at a time, without branches (so a loop over a tensor
/// runs in vector registers), within 0.52 ulp of the true value; and eˣ as a sum of two
/// doubles, good to about 2⁻⁵⁹, that `tanh` and `sigmoid` build on.
///
/// Method (Tang's table-driven exponential): x = n · ln2/32 + r with n an integer and
/// |r| ≤ ln2/64, so eˣ = 2^(n div 32) · 2^((n mod 32)/32) · eʳ. The 32 values 2^(j/32) come
/// from a table, each as a rounded double plus the rounded rest (`exp2Table`), and eʳ − 1 is a
/// short Taylor series, since r is small: the terms after r⁷/5040 are below 2⁻⁶⁸.
/// `scripts/deterministic_math_constants.py` derives every constant with mpmath.
extension DeterministicMath {
    /// ln2/32 in two parts: `expStepHi` has 37 significant bits, so n · expStepHi is exact for
    /// |n| < 2¹⁶ (every n of a finite result), and `expStepLo` is the rounded rest.
    static let expStepHi = 0x1.62e42fefap-6
    static let expStepLo = 0x1.cf79abc9e3b3ap-45
    /// 32/ln 2, rounded: only used to pick n.
    static let expStepsPerUnit = 0x1.71547652b82fep5
    /// 1.5 · 2⁵²: adding it rounds a double below 2⁵¹ in size to an integer (ties to even),
    /// which then sits in the low bits of the sum's bit pattern.
    static let roundingShift = 0x1.8p52

    /// 2^(j/32) for j = 0..<32: the rounded value at 2j, the rounded rest at 2j + 1.
    nonisolated(unsafe) static let exp2Table: UnsafePointer<Double> = {  // never written after this
        let values: [Double] = [
            0x1p0, 0,
            0x1.059b0d3158574p0, 0x1.d73e2a475b465p-55, 0x1.0b5586cf9890fp0, 0x1.8a62e4adc610bp-54,
            0x1.11301d0125b51p0, -0x1.6c51039449b3ap-54, 0x1.172b83c7d517bp0, -0x1.19041b9d78a76p-55,
            0x1.1d4873168b9aap0, 0x1.e016e00a2643cp-54, 0x1.2387a6e756238p0, 0x1.9b07eb6c70573p-54,
            0x1.29e9df51fdee1p0, 0x1.612e8afad1255p-55, 0x1.306fe0a31b715p0, 0x1.6f46ad23182e4p-55,
            0x1.371a7373aa9cbp0, -0x1.63aeabf42eae2p-54, 0x1.3dea64c123422p0, 0x1.ada0911f09ebcp-55,
            0x1.44e086061892dp0, 0x1.89b7a04ef80dp-59, 0x1.4bfdad5362a27p0, 0x1.d4397afec42e2p-56,
            0x1.5342b569d4f82p0, -0x1.07abe1db13cadp-55, 0x1.5ab07dd485429p0, 0x1.6324c054647adp-54,
            0x1.6247eb03a5585p0, -0x1.383c17e40b497p-54, 0x1.6a09e667f3bcdp0, -0x1.bdd3413b26456p-54,
            0x1.71f75e8ec5f74p0, -0x1.16e4786887a99p-55, 0x1.7a11473eb0187p0, -0x1.41577ee04992fp-55,
            0x1.82589994cce13p0, -0x1.d4c1dd41532d8p-54, 0x1.8ace5422aa0dbp0, 0x1.6e9f156864b27p-54,
            0x1.93737b0cdc5e5p0, -0x1.75fc781b57ebcp-57, 0x1.9c49182a3f09p0, 0x1.c7c46b071f2bep-56,
            0x1.a5503b23e255dp0, -0x1.d2f6edb8d41e1p-54, 0x1.ae89f995ad3adp0, 0x1.7a1cd345dcc81p-54,
            0x1.b7f76f2fb5e47p0, -0x1.5584f7e54ac3bp-56, 0x1.c199bdd85529cp0, 0x1.11065895048ddp-55,
            0x1.cb720dcef9069p0, 0x1.503cbd1e949dbp-56, 0x1.d5818dcfba487p0, 0x1.2ed02d75b3707p-55,
            0x1.dfc97337b9b5fp0, -0x1.1a5cd4f184b5cp-54, 0x1.ea4afa2a490dap0, -0x1.e9c23179c2893p-54,
            0x1.f50765b6e454p0, 0x1.9d3e12dd8a18bp-54,
        ]
        let table = UnsafeMutablePointer<Double>.allocate(capacity: values.count)
        table.initialize(from: values, count: values.count)
        return UnsafePointer(table)
    }()

    /// x = n · ln2/32 + (r + rError), |r| ≤ ln2/64 (a little more from rounding), with r + rError
    /// good to about 2⁻⁸⁰ of r; `k` = n div 32 and the table's 2^((n mod 32)/32) as high + low.
    struct ExpReduction<V: SIMD> where V.Scalar == Double {
        var r: V
        var rError: V
        var k: V.MaskStorage
        var high: V
        var low: V
    }

    /// Cody–Waite reduction of x, for |x| < 2¹⁶ · ln2/32 ≈ 1419 (callers clamp).
    @inline(__always)
    static func reduce<V: SIMD>(_ x: V, _ table: UnsafePointer<Double>) -> ExpReduction<V> where V.Scalar == Double {
        let shifted = x * expStepsPerUnit + roundingShift
        let n = shifted - roundingShift
        let integer = unsafeBitCast(shifted, to: V.MaskStorage.self) &- V.MaskStorage.Scalar(truncatingIfNeeded: roundingShift.bitPattern)
        let head = x - n * expStepHi  // exact: n · expStepHi is exact and close to x
        let tail = n * expStepLo
        let r = head - tail
        let rError = (head - r) - tail
        let j = integer & 31
        var high = V(), low = V()
        for lane in 0..<V.scalarCount {
            let i = 2 * Int(truncatingIfNeeded: j[lane])
            high[lane] = table[i]
            low[lane] = table[i + 1]
        }
        return ExpReduction(r: r, rError: rError, k: integer &>> 5, high: high, low: low)
    }

    /// eʳ − 1 − r = r²/2 + r³/6 + … + r⁷/5040, for |r| ≤ 0.011 (about 6e-5 at most).
    @inline(__always)
    static func expSeriesTail<V: SIMD>(_ r: V) -> V where V.Scalar == Double {
        var p: V = r * (1.0 / 5040) + 1.0 / 720
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        return (r * r) * p
    }

    /// 2ᵏ for k in −1022...1023, built from its bit pattern.
    @inline(__always)
    static func powerOfTwo<V: SIMD>(_ k: V.MaskStorage) -> V where V.Scalar == Double {
        unsafeBitCast((k &+ 1023) &<< 52, to: V.self)
    }

    /// v · 2ᵏ for k in −1100...1024, in two exact halvings of k so neither factor leaves the
    /// normal range: v · 2^(k/2) is exact, the second product is rounded once (only when the
    /// result is subnormal or overflows).
    @inline(__always)
    static func scale<V: SIMD>(_ v: V, _ k: V.MaskStorage) -> V where V.Scalar == Double {
        let half = k &>> 1
        return (v * powerOfTwo(half)) * powerOfTwo(k &- half)
    }

    /// eˣ before its scaling by 2ᵏ: (high + low) · 2ᵏ, |low| at most half an ulp of high, within
    /// about 2⁻⁵⁹ of eˣ relative: high · eʳ's correction is 1.6% of high at most, so its rounding
    /// error is 2⁻⁶ of an ulp of high.
    @inline(__always)
    static func expParts<V: SIMD>(_ x: V, _ table: UnsafePointer<Double>) -> (high: V, low: V, k: V.MaskStorage) where V.Scalar == Double {
        let e = reduce(x, table)
        let q = e.r + (expSeriesTail(e.r) + e.rError)  // eʳ⁺ʳᴱʳʳᵒʳ − 1, to far below its last bit
        let (high, low) = DoubleDouble.fastTwoSum(e.high, e.low + e.high * q)
        return (high, low, e.k)
    }

    /// eˣ of each lane; exact at 0 (1), inf above 709.78, 0 below −745.14, NaN for NaN.
    /// Error at most 0.52 ulp for normal results (the last rounding plus about 2⁻⁶ ulp before
    /// it); 0.7 ulp measured where the result is subnormal.
    @inline(__always)
    package static func exp<V: SIMD>(_ x: V, _ table: UnsafePointer<Double>) -> V where V.Scalar == Double {
        var clamped = x.replacing(with: 710, where: x .> 710)
        clamped.replace(with: -746, where: x .< -746)
        let parts = expParts(clamped, table)
        return scale(parts.high, parts.k).replacing(with: x, where: x .!= x)
    }

    /// eˣ; the same bits as each lane of the vector form.
    package static func exp(_ x: Double) -> Double {
        exp(SIMD2(repeating: x), exp2Table)[0]
    }
}
