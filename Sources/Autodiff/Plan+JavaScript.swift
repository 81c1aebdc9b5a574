/// A compiled plan as a JavaScript object literal that `LessonsKernels.run` evaluates
/// (JavaScriptKernels.swift): the storage size, the leaves' starting values, and the forward and
/// backward steps in the engine's order, each with the offsets and sizes its kernel reads.
extension Plan {
    /// The plan for the browser, for `LessonsKernels.run`.
    package func javaScript() -> String {
        let leaves = graph.nodes.enumerated().compactMap { index, node -> String? in
            guard let value = node.leafValue else { return nil }
            return "[\(offsets[index]),[" + value.scalars.map(Self.literal).joined(separator: ",") + "]]"
        }
        let nodes = graph.nodes.enumerated().map { index, node in "[\(offsets[index]),\(node.shape.count)]" }
        // The script keeps no scratch: its softmax_cross_entropy recomputes each row's shift.
        return "{size:\(nodeSlots),output:[\(offsets[output.index]),\(outputCount)],"
            + "nodes:[" + nodes.joined(separator: ",") + "],"
            + "leaves:[" + leaves.joined(separator: ",") + "],"
            + "forward:[" + forwardSteps.map(Self.step).joined(separator: ",") + "],"
            + "backward:[" + backwardSteps.map(Self.step).joined(separator: ",") + "]}"
    }

    /// True when some step runs pow with an exponent other than 0 to 3, the one function the
    /// engine takes from the C library and JavaScript from `Math.pow`: the browser's numbers then
    /// agree with the engine's to rounding, not bit for bit.
    package var usesLibm: Bool {
        forwardSteps.contains { step in
            step.op.operation == .power && ![0, 1, 2, 3].contains(step.op.constant)
        }
    }

    /// [out, a, b, rows, cols, inner, strideA.row, strideA.col, strideB.row, strideB.col, p, kernel
    ///  (its key in `LessonsKernels.kernels`: the registry's trace name),
    ///  c, strideC.row, strideC.col] (the third operand of where and clip, last so the others keep their places)
    private static func step(_ s: Step) -> String {
        // pow's exponent, a norm's eps or dropout's p, in the slot kernels read as p.
        let exponent = s.op.constant
        let numbers = [s.out, s.a, s.b, s.rows, s.cols, s.inner, s.strideA.row, s.strideA.col, s.strideB.row, s.strideB.col]
        let third = [s.c, s.strideC.row, s.strideC.col].map(String.init).joined(separator: ",")
        return "[" + numbers.map(String.init).joined(separator: ",") + "," + literal(exponent) + ",\"" + s.op.operation.traceName + "\","
            + third + "]"
    }

    /// A JavaScript number literal that reads back as exactly `x` (Swift's shortest round-trip digits).
    static func literal(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "Infinity" : "-Infinity" }
        if x == x.rounded(), Swift.abs(x) < 1e15 { return x.sign == .minus && x == 0 ? "-0" : String(Int(x)) }
        return "\(x)"
    }
}
