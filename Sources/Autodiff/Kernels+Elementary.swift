/// exp, sigmoid and tanh over a step's elements four at a time, through the branch-free
/// `Lanes` functions of `DeterministicMath`: one call computes four results in vector registers,
/// where the C library's scalar functions took one call (and a branch or three) each.
extension Kernels {
    /// y = f(x) for every element. The last one to three elements go through the same function
    /// (the spare lanes hold copies), so each element gets the same bits wherever it sits.
    static func lanesForward<F: LanesFunction>(_: F.Type, _ s: Step, _ v: UnsafeMutablePointer<Double>) {
        let x = v + s.a, y = v + s.out
        let table = DeterministicMath.exp2Table
        let width = Lanes.scalarCount
        var i = 0
        // Two vectors a turn: their chains of dependent operations interleave in the CPU.
        while i + 2 * width <= s.cols {
            let first = F.apply(Lanes(x[i], x[i + 1], x[i + 2], x[i + 3]), table)
            let second = F.apply(Lanes(x[i + 4], x[i + 5], x[i + 6], x[i + 7]), table)
            for lane in 0..<width { y[i + lane] = first[lane]; y[i + width + lane] = second[lane] }
            i += 2 * width
        }
        while i + width <= s.cols {
            let result = F.apply(Lanes(x[i], x[i + 1], x[i + 2], x[i + 3]), table)
            for lane in 0..<width { y[i + lane] = result[lane] }
            i += width
        }
        if i < s.cols {
            var rest = Lanes(repeating: x[i])
            for lane in 0..<(s.cols - i) { rest[lane] = x[i + lane] }
            let result = F.apply(rest, table)
            for lane in 0..<(s.cols - i) { y[i + lane] = result[lane] }
        }
    }
}

/// A function of `DeterministicMath` on `Lanes`, for `Kernels.lanesForward`.
protocol LanesFunction {
    static func apply(_ x: Lanes, _ table: UnsafePointer<Double>) -> Lanes
}

enum ExpLanes: LanesFunction {
    @inline(__always) static func apply(_ x: Lanes, _ table: UnsafePointer<Double>) -> Lanes { DeterministicMath.exp(x, table) }
}

enum SigmoidLanes: LanesFunction {
    @inline(__always) static func apply(_ x: Lanes, _ table: UnsafePointer<Double>) -> Lanes { DeterministicMath.sigmoid(x, table) }
}

enum TanhLanes: LanesFunction {
    @inline(__always) static func apply(_ x: Lanes, _ table: UnsafePointer<Double>) -> Lanes { DeterministicMath.tanh(x, table) }
}
