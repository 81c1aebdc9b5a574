/// `concat`: each output row is a row of a, of b and of c in turn (ConcatRules; a width of 0
/// means no third operand); the backward pass adds each part of the gradient back to the operand
/// it came from.
extension Kernels {
    /// Operand k's start and width (its `stride.row`).
    private static func part(_ s: Step, _ k: Int) -> (start: Int, width: Int) {
        k == 0 ? (s.a, s.strideA.row) : k == 1 ? (s.b, s.strideB.row) : (s.c, s.strideC.row)
    }

    static func concatForward(_ s: Step, _ v: UnsafeMutablePointer<Double>) {
        walk(s) { input, output in v[output] = v[input] }
    }

    static func concatBackward(_ s: Step, _ g: UnsafeMutablePointer<Double>) {
        walk(s) { input, output in g[input] += g[output] }
    }

    /// Each output element with the operand element it copies, output row by row, operand by operand.
    private static func walk(_ s: Step, _ visit: (_ input: Int, _ output: Int) -> Void) {
        var o = s.out
        for r in 0..<s.rows {
            for k in 0..<3 {
                let (start, width) = part(s, k)
                for j in 0..<width { visit(start + r * width + j, o + j) }
                o += width
            }
        }
    }
}
