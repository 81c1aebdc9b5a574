// The loops of the two losses. Their per-element and per-row rules (forward next to local
// derivative) are in OpTable.swift; these only walk the storage and average.
// A loss step reads logits at `s.a` and targets at `s.b`, both laid out as `s.rows`×`s.cols`,
// and writes one scalar at `s.out`.
extension Kernels {
    /// mean over n elements of BCELogitsRule.value(zᵢ, yᵢ).
    static func bceLogitsForward(_ s: Step, _ v: UnsafeMutablePointer<Double>) {
        let n = s.rows * s.cols
        let table = DeterministicMath.exp2Table
        var total = 0.0
        var i = 0
        while i < n {
            // BCELogitsRule.value four at a time (each function the same bits as alone), added in order.
            let width = min(Lanes.scalarCount, n - i)
            var z = Lanes(repeating: v[s.a + i])
            for lane in 1..<width { z[lane] = v[s.a + i + lane] }
            let magnitude = unsafeBitCast(unsafeBitCast(z, to: SIMD4<UInt64>.self) & 0x7fff_ffff_ffff_ffff, to: Lanes.self)
            let softplus = DeterministicMath.log1p(DeterministicMath.exp(-magnitude, table))
            for lane in 0..<width {
                let (x, y) = (z[lane], v[s.b + i + lane])
                total += max(x, 0) - x * y + softplus[lane]
            }
            i += width
        }
        v[s.out] = total / Double(n)
    }

    /// Each element gets its partials times the upstream gradient shared out over the mean (1/n).
    static func bceLogitsBackward(_ s: Step, _ v: UnsafeMutablePointer<Double>, _ g: UnsafeMutablePointer<Double>) {
        let n = s.rows * s.cols
        let scale = g[s.out] / Double(n)
        let table = DeterministicMath.exp2Table
        var i = 0
        while i < n {
            // σ(z) four at a time (the same bits as BCELogitsRule.partials' one at a time).
            let width = min(Lanes.scalarCount, n - i)
            var z = Lanes(repeating: v[s.a + i])
            for lane in 1..<width { z[lane] = v[s.a + i + lane] }
            let sigmoid = DeterministicMath.sigmoid(z, table)
            for lane in 0..<width {
                g[s.a + i + lane] += scale * (sigmoid[lane] - v[s.b + i + lane])
                g[s.b + i + lane] += scale * -z[lane]
            }
            i += width
        }
    }

    /// mean over rows of SoftmaxCrossEntropyRule.value(row of z, row of y). Each row's shift is
    /// left in the step's scratch for backward, which took as long again to recompute it.
    static func softmaxCrossEntropyForward(_ s: Step, _ v: UnsafeMutablePointer<Double>) {
        let k = s.cols
        var total = 0.0
        for r in 0..<s.rows {
            let shift = SoftmaxCrossEntropyRule.shift(v + s.a + r * k, k)
            v[s.scratch + 2 * r] = shift.max
            v[s.scratch + 2 * r + 1] = shift.logSum
            total += SoftmaxCrossEntropyRule.value(v + s.a + r * k, v + s.b + r * k, k, shift: shift)
        }
        v[s.out] = total / Double(s.rows)
    }

    /// Each row gets its partials times the upstream gradient shared out over the mean (1/m),
    /// with the shift forward left for it (the values have not changed since).
    static func softmaxCrossEntropyBackward(_ s: Step, _ v: UnsafeMutablePointer<Double>, _ g: UnsafeMutablePointer<Double>) {
        let k = s.cols
        let scale = g[s.out] / Double(s.rows)
        for r in 0..<s.rows {
            let shift = (max: v[s.scratch + 2 * r], logSum: v[s.scratch + 2 * r + 1])
            SoftmaxCrossEntropyRule.addPartials(v + s.a + r * k, v + s.b + r * k, k, shift: shift, scale: scale,
                                                g + s.a + r * k, g + s.b + r * k)
        }
    }
}
