import Operations

// dropout (inverted, training mode): y = x · m / (1 − p), ∂L/∂x = g · m / (1 − p), with
// m ∈ {0, 1} drawn from the seed and the element's index (DropoutMask). Both are computed as
// (· m) then (/ (1 − p)), the order the NumPy and PyTorch tabs write, and every operation is
// correctly rounded, so JavaScriptKernels' twin gives the same bits. A step walks the operand
// as 1 × count (a unary step), so the loop index is the element's row-major index.
extension Kernels {
    static func dropoutForward(_ s: Step, _ v: UnsafeMutablePointer<Double>, p: Double, seed: Int) {
        let x = v + s.a, y = v + s.out, scale = 1 - p
        for i in 0..<s.cols { y[i] = x[i] * DropoutRule.mask(i, p: p, seed: seed) / scale }
    }

    static func dropoutBackward(_ s: Step, _ g: UnsafeMutablePointer<Double>, p: Double, seed: Int) {
        let gx = g + s.a, gy = g + s.out, scale = 1 - p
        for i in 0..<s.cols { gx[i] += gy[i] * DropoutRule.mask(i, p: p, seed: seed) / scale }
    }
}

/// Dropout's rule for one element.
enum DropoutRule {
    /// 1 where element `index` is kept, else 0.
    static func mask(_ index: Int, p: Double, seed: Int) -> Double {
        DropoutMask.keeps(seed: seed, index: index, p: p) ? 1 : 0
    }

    /// dy/dx of element `index`: m / (1 − p).
    static func derivative(_ index: Int, p: Double, seed: Int) -> Double {
        mask(index, p: p, seed: seed) / (1 - p)
    }
}
