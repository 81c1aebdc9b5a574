import LessonModel

/// NumPy and PyTorch spellings of `layer_norm` and `batch_norm`: NumPy calls the program's
/// helpers (PythonHelpers), PyTorch its functional forms without the affine part, in training
/// mode for batch_norm (batch statistics, no running averages), as the engine computes.
enum NormCode {
    /// The default eps, left unwritten.
    static let defaultEps = 1e-5

    /// `, eps=0.001` when the block changed eps, else nothing.
    private static func epsWord(_ eps: Double?) -> [PyExpr] {
        guard let eps, eps != defaultEps else { return [] }
        return [.atom("eps=" + PythonLiteral.float(eps))]
    }

    /// The forward call; `shape` is the operand's (layer_norm's normalized shape is its last size).
    static func forward(_ op: ProgramOp, eps: Double?, x: PyExpr, shape: [Int], torch: Bool) -> PyExpr {
        guard torch else { return .call(op.rawValue, [x] + epsWord(eps)) }
        if op == .batchNorm {
            return .call("F.batch_norm", [x, .atom("None"), .atom("None"), .atom("training=True")] + epsWord(eps))
        }
        return .call("F.layer_norm", [x, .atom(ForwardExpressions.tuple(Array(shape.suffix(1))))] + epsWord(eps))
    }

    /// What the norm passes back to its operand `x` given its gradient `g` (NumPy).
    static func backward(_ op: ProgramOp, eps: Double?, x: PyExpr, g: PyExpr) -> PyExpr {
        let axis: [PyExpr] = op == .batchNorm ? [.atom("axis=0")] : []
        return .call("layer_norm_backward", [x, g] + epsWord(eps) + axis)
    }
}
