// The elementwise ops of three operands, with NumPy broadcasting (each operand has its own
// stride, 0 along an axis it repeats):
//
//   op     forward y                         local derivatives
//   where  a if mask ≠ 0 else b              ∂y/∂mask = 0   ∂y/∂a = [mask ≠ 0]        ∂y/∂b = [mask = 0]
//   clip   min(max(x, lo), hi)               ∂y/∂x = [lo ≤ x ≤ hi]   ∂y/∂lo = [x < lo < hi]
//                                            ∂y/∂hi = [x > hi or hi < lo]
//
// clip's rule is PyTorch's for torch.clamp with tensor bounds (clamp_backward and
// clamp_backward_min_max): at a bound, x keeps the gradient; with lo > hi every element is hi
// and hi gets it all. A NaN in x stays NaN (NumPy and PyTorch propagate it too).

/// An elementwise primitive of three operands.
protocol TernaryRule {
    static func value(_ a: Double, _ b: Double, _ c: Double) -> Double
    /// ∂y/∂a, ∂y/∂b, ∂y/∂c at (a, b, c).
    static func partials(_ a: Double, _ b: Double, _ c: Double) -> (Double, Double, Double)
}

enum WhereRule: TernaryRule {
    // NaN ≠ 0, so a NaN mask picks a (as np.where and torch.where with `mask != 0`).
    static func value(_ mask: Double, _ a: Double, _ b: Double) -> Double { mask != 0 ? a : b }
    static func partials(_ mask: Double, _ a: Double, _ b: Double) -> (Double, Double, Double) {
        mask != 0 ? (0, 1, 0) : (0, 0, 1)
    }
}

enum ClipRule: TernaryRule {
    static func value(_ x: Double, _ lo: Double, _ hi: Double) -> Double {
        let raised = x >= lo || x.isNaN ? x : lo
        return raised <= hi || raised.isNaN ? raised : hi
    }
    static func partials(_ x: Double, _ lo: Double, _ hi: Double) -> (Double, Double, Double) {
        (x >= lo && x <= hi ? 1 : 0, x < lo && lo < hi ? 1 : 0, x > hi || hi < lo ? 1 : 0)
    }
}

extension Kernels {
    static func ternaryForward<R: TernaryRule>(_: R.Type, _ s: Step, _ v: UnsafeMutablePointer<Double>) {
        var o = s.out
        for r in 0..<s.rows {
            var ia = s.a + r * s.strideA.row, ib = s.b + r * s.strideB.row, ic = s.c + r * s.strideC.row
            for _ in 0..<s.cols {
                v[o] = R.value(v[ia], v[ib], v[ic])
                o += 1; ia += s.strideA.col; ib += s.strideB.col; ic += s.strideC.col
            }
        }
    }

    /// Only nonzero partials are applied: a mask and an unchosen branch get nothing at all, so an
    /// infinite upstream gradient cannot make 0 · inf = NaN where PyTorch gives 0.
    static func ternaryBackward<R: TernaryRule>(
        _: R.Type, _ s: Step, _ v: UnsafeMutablePointer<Double>, _ g: UnsafeMutablePointer<Double>
    ) {
        var o = s.out
        for r in 0..<s.rows {
            var ia = s.a + r * s.strideA.row, ib = s.b + r * s.strideB.row, ic = s.c + r * s.strideC.row
            for _ in 0..<s.cols {
                let (da, db, dc) = R.partials(v[ia], v[ib], v[ic])
                if da != 0 { g[ia] += da * g[o] }
                if db != 0 { g[ib] += db * g[o] }
                if dc != 0 { g[ic] += dc * g[o] }
                o += 1; ia += s.strideA.col; ib += s.strideB.col; ic += s.strideC.col
            }
        }
    }
}
