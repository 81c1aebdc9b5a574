/// tanh and the logistic sigmoid from +, −, ×, ÷ only, a SIMD vector of arguments at a time,
/// each within about 0.51 ulp of the true value.
///
/// Both are a ratio built from eˣ, and a ratio of rounded numbers can be off by more than an
/// ulp (1 − 2/(e²ˣ + 1) loses bits to cancellation as x shrinks). So the ratio is formed in
/// double-double arithmetic from `expParts` (eˣ as high + low), and rounded once at the end.
/// tanh's ratio is computed for every lane and its series only when a lane needs it (one branch
/// per vector, on all lanes at once: no lane's result depends on its neighbours').
extension DeterministicMath {
    /// Below it the series, from it 1 − 2/(e²ˣ + 1) (where e²ˣ ≥ e^(1/4), so nothing cancels
    /// more than the double-double carries); above 22, tanh rounds to ±1.
    static let tanhSeriesLimit = 0.125

    /// tanh of each lane: odd, exact at ±0 and for |x| < 2⁻²⁸ (x itself), ±1 beyond ±22.
    @inline(__always)
    package static func tanh<V: SIMD>(_ x: V, _ table: UnsafePointer<Double>) -> V where V.Scalar == Double {
        let magnitude = x.replacing(with: -x, where: x .< 0)
        var a = magnitude.replacing(with: tanhSeriesLimit, where: magnitude .< tanhSeriesLimit)
        a.replace(with: 22, where: magnitude .> 22)
        // u = 2/(E + 1) with E = e²ᵃ, as uHigh + uLow; then 1 − u, rounded once.
        let e = expParts(2 * a, table)
        let power: V = powerOfTwo(e.k)  // k is 0...64 here
        let (eHigh, eLow) = (e.high * power, e.low * power)
        let (dHigh, dCarry) = DoubleDouble.fastTwoSum(eHigh, V(repeating: 1))
        let dLow = dCarry + eLow
        let uHigh = 2 / dHigh
        let (product, productError) = DoubleDouble.twoProduct(uHigh, dHigh)
        let uLow = (((2 - product) - productError) - uHigh * dLow) * (0.5 * uHigh)
        let head = 1 - uHigh
        let headError = (1 - head) - uHigh  // exact (fast two-sum of 1 and −uHigh)
        var ratio = head + (headError - uLow)
        ratio.replace(with: 1, where: magnitude .> 22)
        ratio.replace(with: -ratio, where: x .< 0)
        // NaN fails both comparisons and stays on the series path, which returns NaN.
        let large = magnitude .>= tanhSeriesLimit
        // In training most arguments are past the limit: skipping the series when no lane
        // needs it (a fifth of the operations) made W3 7% faster.
        guard !all(large) else { return ratio }
        // Taylor: tanh x = x + c₃x³ + … + c₁₇x¹⁷, each cₙ a quotient of two integers exact in a
        // double (one correctly rounded division); for |x| < 1/8 the rest is below 2⁻⁵⁸ of tanh x.
        let t = x * x
        var p: V = t * (6_404_582.0 / 10_854_718_875) + -929_569.0 / 638_512_875
        p = p * t + 21844.0 / 6_081_075
        p = p * t + -1382.0 / 155_925
        p = p * t + 62.0 / 2835
        p = p * t + -17.0 / 315
        p = p * t + 2.0 / 15
        p = p * t + -1.0 / 3
        var series = x + x * (t * p)
        series.replace(with: x, where: x .== 0)  // −0 + (+0) would lose the sign of −0
        return series.replacing(with: ratio, where: large)
    }

    /// σ(x) = 1/(1 + e⁻ˣ) of each lane: 1/2 at 0, 1 above 40, eˣ to within an ulp below
    /// −40 (down to 0 below −745.2), NaN for NaN.
    ///
    /// With F = e^(−|x|) ≤ 1 (never overflows): σ(|x|) = 1/(1 + F) and σ(−|x|) = F/(1 + F).
    @inline(__always)
    package static func sigmoid<V: SIMD>(_ x: V, _ table: UnsafePointer<Double>) -> V where V.Scalar == Double {
        let negativeMagnitude = x.replacing(with: -x, where: x .> 0)
        let clamped = negativeMagnitude.replacing(with: -746, where: negativeMagnitude .< -746)
        let f = expParts(clamped, table)
        let (fHigh, fLow) = (scale(f.high, f.k), scale(f.low, f.k))
        let (dHigh, dCarry) = DoubleDouble.fastTwoSum(V(repeating: 1), fHigh)
        let dLow = dCarry + fLow
        let positive = x .>= 0
        let nHigh = fHigh.replacing(with: 1, where: positive)
        let nLow = fLow.replacing(with: 0, where: positive)
        // (nHigh + nLow)/(dHigh + dLow) as qHigh + qLow; nHigh − product is exact (Sterbenz).
        let qHigh = nHigh / dHigh
        let (product, productError) = DoubleDouble.twoProduct(qHigh, dHigh)
        let qLow = ((((nHigh - product) - productError) + nLow) - qHigh * dLow) / dHigh
        var result = qHigh + qLow
        result.replace(with: 1, where: x .> 40)
        return result
    }

    /// tanh x; the same bits as each lane of the vector form.
    package static func tanh(_ x: Double) -> Double {
        tanh(SIMD2(repeating: x), exp2Table)[0]
    }

    /// σ(x); the same bits as each lane of the vector form.
    package static func sigmoid(_ x: Double) -> Double {
        sigmoid(SIMD2(repeating: x), exp2Table)[0]
    }
}
