import LessonModel
import Operations

/// NumPy and PyTorch spellings of `conv2d`, `max_pool` and `avg_pool`. NumPy calls the program's
/// helpers (PythonHelpers+Window), which loop over the windows as the lesson explains them;
/// PyTorch its functional forms on the matrix seen as one image of one channel (`x[None, None]`,
/// batch and channel of 1) and back (`[0, 0]`). Options are written only where they differ
/// from the defaults (stride 1 and padding 0; size 2 and a stride equal to the size).
///
/// Several channels (stacked along the rows, Kernels+Conv.swift): NumPy calls `conv2d_channels`
/// and the like, which split the rows into channels and call the one-channel helper per pair;
/// PyTorch reshapes the image to (1, C, H, W), conv2d's kernels to (D, C, kh, kw), and the result
/// back to the stacked matrix, so its functions see PyTorch's own layout.
enum WindowCode {
    /// The NumPy helper the forward pass calls: `conv2d`, or `conv2d_channels` with channels.
    static func helper(_ op: ProgramOp, _ w: WindowOption) -> String {
        op.rawValue + (w.hasChannels ? "_channels" : "")
    }

    /// The channels as NumPy keywords (before the window's own), none for one channel.
    private static func channelKeywords(_ op: ProgramOp, _ w: WindowOption) -> [PyExpr] {
        guard w.hasChannels else { return [] }
        return op == .conv2d ? [.atom("in_channels=\(w.inChannels)"), .atom("out_channels=\(w.outChannels)")]
            : [.atom("channels=\(w.inChannels)")]
    }

    /// PyTorch's (1, C, H, W) of a stacked image, (D, C, kh, kw) of stacked kernels.
    private static func torchShape(_ shape: [Int], _ w: WindowOption, kernel: Bool) -> String {
        let (rows, cols) = (shape.count == 2 ? shape[0] : 1, shape.last ?? 1)
        let dims = kernel ? [w.outChannels, w.inChannels, rows / max(w.outChannels * w.inChannels, 1), cols]
            : [1, w.inChannels, rows / max(w.inChannels, 1), cols]
        return "(" + dims.map(String.init).joined(separator: ", ") + ")"
    }

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

    /// The forward call on `operands` (the image, and conv2d's kernel) of shapes `shapes`, giving
    /// a result of shape `result`.
    static func forward(_ op: ProgramOp, _ w: WindowOption, _ operands: [PyExpr], shapes: [[Int]], result: [Int],
                        torch: Bool) -> PyExpr {
        guard torch else { return .call(helper(op, w), operands + channelKeywords(op, w) + keywords(op, w, torch: false)) }
        guard !w.hasChannels else { return channelsForward(op, w, operands, shapes: shapes, result: result) }
        let images = operands.map { $0.attribute("[None, None]") }
        let call: PyExpr
        switch op {
        case .conv2d: call = .call("F.conv2d", images + keywords(op, w, torch: true))
        case .maxPool: call = .call("F.max_pool2d", images + [.atom(String(w.size))] + keywords(op, w, torch: true))
        default: call = .call("F.avg_pool2d", images + [.atom(String(w.size))] + keywords(op, w, torch: true))
        }
        return call.attribute("[0, 0]")
    }

    /// PyTorch on stacked channels: `F.conv2d(x.reshape((1, 2, 4, 5)), k.reshape((3, 2, 3, 3)))`,
    /// the result reshaped back to the stacked matrix.
    private static func channelsForward(_ op: ProgramOp, _ w: WindowOption, _ operands: [PyExpr], shapes: [[Int]],
                                        result: [Int]) -> PyExpr {
        let shaped = operands.enumerated().map { k, operand in
            operand.attribute(".reshape(\(torchShape(k < shapes.count ? shapes[k] : [], w, kernel: k == 1)))")
        }
        let call: PyExpr
        switch op {
        case .conv2d: call = .call("F.conv2d", shaped + keywords(op, w, torch: true))
        case .maxPool: call = .call("F.max_pool2d", shaped + [.atom(String(w.size))] + keywords(op, w, torch: true))
        default: call = .call("F.avg_pool2d", shaped + [.atom(String(w.size))] + keywords(op, w, torch: true))
        }
        return call.attribute(".reshape((" + result.map(String.init).joined(separator: ", ") + "))")
    }

    /// What the op passes back to its operand at `position` (NumPy): conv2d's helper returns the
    /// gradients of the image and of the kernel, the pools' the image's.
    static func backward(_ op: ProgramOp, _ w: WindowOption, operands: [PyExpr], g: PyExpr, position: Int) -> PyExpr {
        let name = helper(op, w) + "_backward", options = channelKeywords(op, w) + keywords(op, w, torch: false)
        guard op == .conv2d else { return .call(name, [operands[0], g] + options) }
        return PyExpr.call(name, operands + [g] + options).attribute("[\(position)]")
    }

    /// `, stride: 2, padding: 1` as the block wrote the options (for equations in comments).
    static func blockOptions(_ op: ProgramOp, _ w: WindowOption) -> String {
        (keywords(op, w, torch: false) + channelKeywords(op, w)).map { ", " + $0.text.replacingOccurrences(of: "=", with: ": ") }.joined()
    }
}
