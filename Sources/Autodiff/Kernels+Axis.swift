#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The loops of the ops that work along an axis (AxisRules.swift lays the slices out): a step has
// `s.rows` slices of `s.cols` elements, element k of slice g at `s.a + g·strideA.row + k·strideA.col`.
// A normalization writes each result where its operand element sits (offset from `s.out`); a
// reduction writes slice g's result at `s.out + g`.
//
//   softmax      yₖ = e^(xₖ-m) / Σⱼ e^(xⱼ-m)       ∂L/∂xₖ = yₖ (gₖ - Σⱼ gⱼ yⱼ)
//   log_softmax  yₖ = (xₖ-m) - log Σⱼ e^(xⱼ-m)     ∂L/∂xₖ = gₖ - e^(yₖ) Σⱼ gⱼ
//   logsumexp    y = m + log Σⱼ e^(xⱼ-m)           ∂L/∂xₖ = g e^(xₖ-y)
//   amax, amin   y = max (min) of the slice         ∂L/∂xₖ = g / t where xₖ = y (t ties), else 0
//
// m is the slice's largest element: subtracting it keeps every exp at most 1, so logits of 1000
// neither overflow nor lose the answer (the unshifted forms give inf/inf = NaN there).
extension Kernels {
    static func softmaxForward(_ s: Step, _ v: UnsafeMutablePointer<Double>, logarithm: Bool) {
        for group in 0..<s.rows {
            let (m, total) = shiftedSum(s, v, group)
            let logTotal = DeterministicMath.log(total)
            for k in 0..<s.cols {
                let offset = group * s.strideA.row + k * s.strideA.col
                let shifted = v[s.a + offset] - m
                v[s.out + offset] = logarithm ? shifted - logTotal : DeterministicMath.exp(shifted) / total
            }
        }
    }

    static func softmaxBackward(
        _ s: Step, _ v: UnsafeMutablePointer<Double>, _ g: UnsafeMutablePointer<Double>, logarithm: Bool
    ) {
        for group in 0..<s.rows {
            var inner = 0.0
            for k in 0..<s.cols {
                let o = s.out + group * s.strideA.row + k * s.strideA.col
                inner += logarithm ? g[o] : g[o] * v[o]
            }
            for k in 0..<s.cols {
                let offset = group * s.strideA.row + k * s.strideA.col
                let (y, gy) = (v[s.out + offset], g[s.out + offset])
                g[s.a + offset] += logarithm ? gy - DeterministicMath.exp(y) * inner : y * (gy - inner)
            }
        }
    }

    static func logsumexpForward(_ s: Step, _ v: UnsafeMutablePointer<Double>) {
        for group in 0..<s.rows {
            let (m, total) = shiftedSum(s, v, group)
            v[s.out + group] = m + DeterministicMath.log(total)
        }
    }

    static func logsumexpBackward(_ s: Step, _ v: UnsafeMutablePointer<Double>, _ g: UnsafeMutablePointer<Double>) {
        for group in 0..<s.rows {
            let (y, gy) = (v[s.out + group], g[s.out + group])
            for k in 0..<s.cols {
                let i = s.a + group * s.strideA.row + k * s.strideA.col
                g[i] += gy * DeterministicMath.exp(v[i] - y)
            }
        }
    }

    /// max or min of each slice (a NaN wins, so it stays visible rather than being skipped).
    static func extremeForward(_ s: Step, _ v: UnsafeMutablePointer<Double>, largest: Bool) {
        for group in 0..<s.rows {
            let start = s.a + group * s.strideA.row
            var best = v[start]
            for k in 1..<max(1, s.cols) {
                let x = v[start + k * s.strideA.col]
                if x.isNaN || (largest ? x > best : x < best) { best = x }
                if best.isNaN { break }
            }
            v[s.out + group] = best
        }
    }

    /// Each element equal to its slice's max (or min) gets an even share of the slice's
    /// gradient, 1/count for count ties (PyTorch's amax and amin do the same).
    static func extremeBackward(_ s: Step, _ v: UnsafeMutablePointer<Double>, _ g: UnsafeMutablePointer<Double>) {
        for group in 0..<s.rows {
            let start = s.a + group * s.strideA.row
            let y = v[s.out + group]
            var ties = 0
            for k in 0..<s.cols where v[start + k * s.strideA.col] == y { ties += 1 }
            guard ties > 0 else { continue }
            let share = g[s.out + group] / Double(ties)
            for k in 0..<s.cols where v[start + k * s.strideA.col] == y { g[start + k * s.strideA.col] += share }
        }
    }

    /// The slice's shift m (its maximum, or 0 when that is infinite, so an all -inf slice gives
    /// log 0 = -inf rather than NaN) and Σ e^(xₖ-m).
    private static func shiftedSum(_ s: Step, _ v: UnsafeMutablePointer<Double>, _ group: Int) -> (Double, Double) {
        let start = s.a + group * s.strideA.row
        var m = -Double.infinity
        for k in 0..<s.cols where v[start + k * s.strideA.col] > m { m = v[start + k * s.strideA.col] }
        if !m.isFinite { m = 0 }
        var total = 0.0
        for k in 0..<s.cols { total += DeterministicMath.exp(v[start + k * s.strideA.col] - m) }
        return (m, total)
    }
}
