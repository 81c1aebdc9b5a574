/// `log` and `log1p` four lanes at a time, each lane the same bits as the scalar functions (the
/// same operations in the same order; only how x is taken apart differs). bce_logits takes
/// log(1 + e^−|z|) of every element, and the scalar `log` is a chain of dependent operations
/// (about 30 ns a call), so one call per four values keeps more of the CPU busy.
extension DeterministicMath {
    /// log of each lane. A lane that is not a positive normal number (0, subnormal, negative,
    /// inf or NaN) sends all four through the scalar `log`, which handles each case.
    @inline(__always)
    package static func log(_ x: Lanes) -> Lanes {
        let bits = unsafeBitCast(x, to: SIMD4<UInt64>.self)
        let field = bits &>> 52  // the sign and the biased exponent
        if any(field .== 0) || any(field .>= 0x7ff) { return Lanes(log(x[0]), log(x[1]), log(x[2]), log(x[3])) }
        // x = 2ᵏ · m, m in [1, 2): the scalar's `exponent` and `significand`, from the bit fields.
        // 2⁵² + field, as a double, less 2⁵² is the field exactly.
        var k = (unsafeBitCast(field | 0x4330_0000_0000_0000, to: Lanes.self) - 0x1p52) - 1023
        var m = unsafeBitCast((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000, to: Lanes.self)
        let above = m .> 0x1.6a09e667f3bcdp0
        m.replace(with: m * 0.5, where: above)
        k.replace(with: k + 1, where: above)
        let f = m - 1
        let s = f / (2 + f)
        let z = s * s
        let r = atanhSeries(z)
        let halfSquare = 0.5 * f * f
        return k * ln2Hi - ((halfSquare - (s * (halfSquare + r) + k * ln2Lo)) - f)
    }

    /// log(1 + u) of each lane, as the scalar `log1p`.
    @inline(__always)
    package static func log1p(_ u: Lanes) -> Lanes {
        let w = 1 + u
        let logW = log(w)
        var result = logW + (u - (w - 1)) / w
        result.replace(with: logW, where: .!((w .< .infinity) .& (w .> -.infinity)))
        result.replace(with: u, where: w .== 1)
        return result
    }
}
