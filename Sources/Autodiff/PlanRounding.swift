/// A first-order bound on how far rounding can move sum(output), for the gradient check: a
/// finite difference divides that error by its step, so a check that ignores it rejects correct
/// gradients of large sums (a 1000×1 by 1×1000 product, then `sum`, is off by about 3·10⁻⁶ for
/// this reason alone). Each operation rounds its result by at most ε relative; that error reaches
/// the output times the node's gradient. A sum of n terms rounds n times, each relative to the
/// terms' magnitude; a matrix product's dot products likewise (bounded by Cauchy–Schwarz).
extension Plan {
    /// Σ over the nodes the output depends on of |gradient| × |what the node rounds|, in units
    /// of ε (multiply by `Double.ulpOfOne` for the error itself). Call after forward and backward.
    func roundingScale() -> Double {
        var total = Double(outputCount) * outputAbsoluteSum()
        storage.withUnsafeBufferPointer { buffer in
            guard let v = buffer.baseAddress else { return }
            let g = v + gradientBase
            for s in backwardSteps { total += Self.rounding(s, v, g) }
        }
        return total
    }

    private static func rounding(_ s: Step, _ v: UnsafePointer<Double>, _ g: UnsafePointer<Double>) -> Double {
        switch s.op.kind {
        case .binary, .unary:
            let count = s.op.kind == .binary ? s.rows * s.cols : s.cols
            var t = 0.0
            for i in 0..<count { t += abs(g[s.out + i] * v[s.out + i]) }
            // Library functions are correctly rounded to within a couple of ulps, not one.
            return s.op.kind == .unary && s.op.operation != .negate && s.op.operation != .relu ? 4 * t : t
        case .reduction where s.op.operation == .logsumexp, .normalization:
            return axisRounding(s, v, g)
        case .reduction:
            var total = 0.0
            for group in 0..<s.rows {
                var t = 0.0
                for k in 0..<s.cols { t += abs(v[s.a + group * s.strideA.row + k * s.strideA.col]) }
                let (gy, y) = (g[s.out + group], v[s.out + group])
                total += abs(gy) * t * (s.op.operation == .sum ? Double(s.cols) : 1) + abs(gy * y)
            }
            return total
        case .matmul:
            return matmulRounding(s, v, g)
        case .loss:
            // Per row a log-sum-exp (or softplus) minus a dot product, each within a few ulps of its terms.
            var t = 0.0
            for i in 0..<(s.rows * s.cols) { t += abs(v[s.a + i]) * (1 + abs(v[s.b + i])) + 1 }
            return 4 * Double(s.cols) * abs(g[s.out]) * (t / Double(max(1, s.rows)) + abs(v[s.out]))
        case .convolution, .pooling:
            return WindowRule.rounding(s, v, g)
        case .ternary, .reshape, .index, .concat, .embedding:
            // Both pick an operand (or a bound) exactly: no rounding at all.
            return 0
        case .transpose, .leaf:
            return 0
        }
    }

    /// softmax, log_softmax and logsumexp: per slice, the shift x - m rounds relative to |x| + |m|,
    /// each exp and the log within a few ulps, and the sum of n terms n times (its terms are at most 1).
    private static func axisRounding(_ s: Step, _ v: UnsafePointer<Double>, _ g: UnsafePointer<Double>) -> Double {
        var total = 0.0
        let n = Double(s.cols)
        for group in 0..<s.rows {
            var largest = 0.0
            for k in 0..<s.cols { largest = max(largest, abs(v[s.a + group * s.strideA.row + k * s.strideA.col])) }
            if s.op.kind == .reduction {
                // ∂y/∂xₖ are softmax weights, which sum to 1: the shifts move y by at most 2·largest·ε.
                let (gy, y) = (g[s.out + group], v[s.out + group])
                total += 4 * abs(gy) * (n + abs(y) + 2 * largest)
                continue
            }
            for k in 0..<s.cols {
                let offset = group * s.strideA.row + k * s.strideA.col
                let (gy, y) = (g[s.out + offset], v[s.out + offset])
                let scale = s.op.operation == .logSoftmax ? 1 : abs(y)
                total += 4 * abs(gy) * scale * (n + abs(v[s.a + offset]) + largest + abs(y))
            }
        }
        return total
    }

    /// k × Σᵢⱼ |Gᵢⱼ| ‖row i of A‖ ‖column j of B‖ ≥ k × Σᵢⱼ |Gᵢⱼ| Σₚ |Aᵢₚ Bₚⱼ|.
    private static func matmulRounding(_ s: Step, _ v: UnsafePointer<Double>, _ g: UnsafePointer<Double>) -> Double {
        let (m, k, n) = (s.rows, s.inner, s.cols)
        var rows = [Double](repeating: 0, count: m), cols = [Double](repeating: 0, count: n)
        for i in 0..<m {
            var t = 0.0
            for p in 0..<k { t += v[s.a + i * k + p] * v[s.a + i * k + p] }
            rows[i] = t.squareRoot()
        }
        for p in 0..<k {
            for j in 0..<n { cols[j] += v[s.b + p * n + j] * v[s.b + p * n + j] }
        }
        for j in 0..<n { cols[j] = cols[j].squareRoot() }
        var total = 0.0
        for i in 0..<m {
            for j in 0..<n { total += abs(g[s.out + i * n + j]) * rows[i] * cols[j] }
        }
        return Double(k) * total
    }
}
