/// `embedding(W, ids)`: output row i is row ids[i] of W (`s.inner` rows of `s.cols`); the
/// backward pass adds each output row's gradient into the row it came from, so a repeated id
/// collects every share, and passes none to the ids. An id that is not a whole number in range
/// (only possible after an edit on the page) gives a row of NaN and no gradient.
extension Kernels {
    static func embeddingForward(_ s: Step, _ v: UnsafeMutablePointer<Double>) {
        for i in 0..<s.rows {
            let y = v + s.out + i * s.cols
            guard let row = EmbeddingRules.row(v[s.b + i], rows: s.inner) else {
                for j in 0..<s.cols { y[j] = .nan }
                continue
            }
            let x = v + s.a + row * s.cols
            for j in 0..<s.cols { y[j] = x[j] }
        }
    }

    static func embeddingBackward(_ s: Step, _ v: UnsafeMutablePointer<Double>, _ g: UnsafeMutablePointer<Double>) {
        for i in 0..<s.rows {
            guard let row = EmbeddingRules.row(v[s.b + i], rows: s.inner) else { continue }
            let gx = g + s.a + row * s.cols, gy = g + s.out + i * s.cols
            for j in 0..<s.cols { gx[j] += gy[j] }
        }
    }
}
