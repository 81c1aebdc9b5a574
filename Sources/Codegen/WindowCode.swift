import LessonModel
import Operations

/// NumPy and PyTorch spellings of `conv2d`, `max_pool` and `avg_pool`. NumPy calls the program's
/// helpers (PythonHelpers+Window), which loop over the windows as the lesson explains them;
/// PyTorch its functional forms on the matrix seen as one image of one channel (`x[None, None]`,
/// batch and channel of 1) and back (`[0, 0]`). Options are written only where they differ
/// from the defaults (stride 1 and padding 0; size 2 and a stride equal to the size).
enum WindowCode {
    /// The window's options as Python keywords: `stride=2`, `padding=1`, `size=3`.
    private static func keywords(_ op: ProgramOp, _ w: WindowOption, torch: Bool) -> [PyExpr] {
        var words: [PyExpr] = []
        if op == .conv2d {
            if w.stride != 1 { words.append(.atom("stride=\(w.stride)")) }
            if w.padding != 0 { words.append(.atom("padding=\(w.padding)")) }
        } else {
            // PyTorch takes the size as its second argument; NumPy's helper by name when it is not 2.
            if !torch, w.size != 2 { words.append(.atom("size=\(w.size)")) }
            if w.stride != w.size { words.append(.atom("stride=\(w.stride)")) }
        }
        return words
    }

    /// The forward call on `operands` (the image, and conv2d's kernel).
    static func forward(_ op: ProgramOp, _ w: WindowOption, _ operands: [PyExpr], torch: Bool) -> PyExpr {
        guard torch else { return .call(op.rawValue, operands + keywords(op, w, torch: false)) }
        let images = operands.map { $0.attribute("[None, None]") }
        let call: PyExpr
        switch op {
        case .conv2d: call = .call("F.conv2d", images + keywords(op, w, torch: true))
        case .maxPool: call = .call("F.max_pool2d", images + [.atom(String(w.size))] + keywords(op, w, torch: true))
        default: call = .call("F.avg_pool2d", images + [.atom(String(w.size))] + keywords(op, w, torch: true))
        }
        return call.attribute("[0, 0]")
    }

    /// What the op passes back to its operand at `position` (NumPy): conv2d's helper returns the
    /// gradients of the image and of the kernel, the pools' the image's.
    static func backward(_ op: ProgramOp, _ w: WindowOption, operands: [PyExpr], g: PyExpr, position: Int) -> PyExpr {
        guard op == .conv2d else { return .call(op.rawValue + "_backward", [operands[0], g] + keywords(op, w, torch: false)) }
        return PyExpr.call("conv2d_backward", operands + [g] + keywords(op, w, torch: false)).attribute("[\(position)]")
    }

    /// `, stride: 2, padding: 1` as the block wrote the options (for equations in comments).
    static func blockOptions(_ op: ProgramOp, _ w: WindowOption) -> String {
        keywords(op, w, torch: false).map { ", " + $0.text.replacingOccurrences(of: "=", with: ": ") }.joined()
    }
}
