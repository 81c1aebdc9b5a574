/// `X[...]`: copies the picked block (IndexRules) out row by row; the backward pass adds each
/// element's gradient back at the place it was picked from, so the rest of X's gradient stays 0.
/// `s.a` already points at the block's first element (Step), which is where its gradient sits too.
extension Kernels {
    static func indexForward(_ s: Step, _ v: UnsafeMutablePointer<Double>) {
        for r in 0..<s.rows {
            let x = v + s.a + r * s.strideA.row, y = v + s.out + r * s.cols
            for c in 0..<s.cols { y[c] = x[c] }
        }
    }

    static func indexBackward(_ s: Step, _ v: UnsafeMutablePointer<Double>, _ g: UnsafeMutablePointer<Double>) {
        for r in 0..<s.rows {
            let gx = g + s.a + r * s.strideA.row, gy = g + s.out + r * s.cols
            for c in 0..<s.cols { gx[c] += gy[c] }
        }
    }
}
