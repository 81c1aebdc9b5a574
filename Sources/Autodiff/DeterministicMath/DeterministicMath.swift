/// `exp`, `log`, `log1p`, `tanh`, `sigmoid`, `sin` and `cos` built from +, −, ×, ÷ only, so
/// they return the same bits on every platform.
///
/// Why: IEEE 754 requires +, −, ×, ÷ and sqrt to be correctly rounded, so they agree
/// everywhere; it does not require that of `exp`, `log`, `tanh` or `sin`, and C libraries
/// (glibc, Apple's libm, musl) differ in the last bit for some arguments, and glibc itself
/// picks an FMA or a plain variant by the CPU it runs on. The ops `exp`, `log`, `sigmoid`,
/// `tanh`, the softmax and the losses, random normals (`SeededRandom.normal()`) and the
/// built-in data sets go through these functions, so a lesson trained on any machine sees the
/// same numbers. Swift compiles these without FMA contraction, so each operation is rounded as
/// written.
///
/// Accuracy: `ElementaryAccuracyTests` checks exp, log, log1p, tanh and sigmoid against
/// mpmath's values (`scripts/elementary_reference.py`) on a dense sample: at most 1 ulp.
/// The methods are the classic ones of Sun's fdlibm (argument reduction, then a polynomial),
/// with plain Taylor coefficients instead of fdlibm's minimax ones, so each constant can be
/// checked by hand; `scripts/deterministic_math_constants.py` derives the split constants.
package enum DeterministicMath {
    // MARK: log

    /// ln 2 in two parts: `ln2Hi` has 42 significant bits, so k · ln2Hi is exact for any
    /// binary exponent k of a Double (|k| ≤ 1074), and `ln2Lo` = ln 2 − ln2Hi, rounded.
    static let ln2Hi = 0x1.62e42fefa38p-1
    static let ln2Lo = 0x1.ef35793c7673p-45

    /// Σⱼ 2 z^j/(2j + 1) for j = 1...11 (z = s²), by Horner from j = 11 down: the series of
    /// log((1 + s)/(1 − s)) = 2s + s · Σⱼ 2 s²ʲ/(2j + 1). Eleven terms leave an error below 2⁻⁶⁸
    /// of the result for |s| ≤ 0.1716. Written out (each 2/(2j + 1) a correctly rounded constant,
    /// as computed at run time): the loop over an array of them made `log` 25 ns a call.
    @inline(__always)
    static func atanhSeries<V: SIMD>(_ z: V) -> V where V.Scalar == Double {
        var r = (2.0 / 23) * z
        r = (r + 2.0 / 21) * z
        r = (r + 2.0 / 19) * z
        r = (r + 2.0 / 17) * z
        r = (r + 2.0 / 15) * z
        r = (r + 2.0 / 13) * z
        r = (r + 2.0 / 11) * z
        r = (r + 2.0 / 9) * z
        r = (r + 2.0 / 7) * z
        r = (r + 2.0 / 5) * z
        return (r + 2.0 / 3) * z
    }

    /// Natural logarithm; NaN below 0, −inf at 0, +inf at +inf.
    ///
    /// 1. Write x = 2ᵏ · m with m in [√2/2, √2) (exact: exponent and significand are bit fields).
    /// 2. With f = m − 1 (exact) and s = f / (2 + f), log m = log((1 + s)/(1 − s)) = 2s + s·R(s²),
    ///    where |s| ≤ 0.1716, so the series R converges fast (`atanhSeries`).
    /// 3. 2s is rewritten as f − f²/2 + s·f²/2 (fdlibm's trick): the big part f is exact and the
    ///    rounding errors only touch the small corrections.
    /// 4. log x = k · ln 2 + log m, with ln 2 split so k · ln2Hi is exact.
    package static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x == .infinity { return .infinity }
        var k = Double(x.exponent)
        var m = x.significand  // in [1, 2), also for subnormal x
        if m > 0x1.6a09e667f3bcdp0 {  // √2 rounded: the reduction works a little either side of it
            m *= 0.5
            k += 1
        }
        let f = m - 1
        let s = f / (2 + f)
        let z = s * s
        let r = atanhSeries(SIMD2(repeating: z))[0]
        let halfSquare = 0.5 * f * f
        return k * ln2Hi - ((halfSquare - (s * (halfSquare + r) + k * ln2Lo)) - f)
    }

    /// log(1 + u) for u ≥ 0 (bce_logits adds log(1 + e^−|z|)), accurate where u is tiny.
    /// w = 1 + u rounded; its rounding error u − (w − 1) is exact, and log(1 + u) =
    /// log w + log(1 + (u − (w − 1))/w), the second term to first order.
    package static func log1p(_ u: Double) -> Double {
        let w = 1 + u
        if w == 1 { return u }  // log(1 + u) = u − u²/2 …, and u² is below half an ulp of u
        if !w.isFinite { return log(w) }
        return log(w) + (u - (w - 1)) / w
    }
}
