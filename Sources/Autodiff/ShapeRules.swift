/// Where an operand's element sits when its op's result is walked as rows×cols:
/// `base + row * rowStride + col * colStride`. A stride of 0 repeats the operand (broadcasting).
struct Stride: Equatable {
    let row: Int
    let col: Int
}

/// How an elementwise binary op lines its two operands up with its result.
struct Broadcast: Equatable {
    let result: Shape
    let a: Stride
    let b: Stride
}

/// The shape rules of DESIGN.md, shared by `GraphBuilder` (checking) and `Plan` (layout).
enum ShapeRules {
    /// NumPy's broadcasting for ranks up to 2: shapes line up from the right (a vector of n is a
    /// 1×n row, a scalar 1×1), and along each axis the sizes are equal or one of them is 1, which
    /// repeats. So a vector of n goes with an m×n matrix, an m×1 column with an m×n matrix, and
    /// a column with a row makes their outer m×n grid. Anything else: nil.
    static func broadcast(_ a: Shape, _ b: Shape) -> Broadcast? {
        if a == b {
            let whole = Stride(row: a.rowsAndCols.cols, col: 1)
            return Broadcast(result: a, a: whole, b: whole)
        }
        let (ra, ca) = a.rowsAndCols, (rb, cb) = b.rowsAndCols
        guard ra == rb || ra == 1 || rb == 1, ca == cb || ca == 1 || cb == 1 else { return nil }
        let rows = max(ra, rb), cols = max(ca, cb)
        let result: Shape
        switch max(a.dims.count, b.dims.count) {
        case 2: result = .matrix(rows, cols)
        case 1: result = .vector(cols)
        default: result = .scalar
        }
        // A size of 1 repeats: its stride along that axis is 0.
        func stride(_ r: Int, _ c: Int) -> Stride { Stride(row: r == 1 ? 0 : c, col: c == 1 ? 0 : 1) }
        return Broadcast(result: result, a: stride(ra, ca), b: stride(rb, cb))
    }

    /// NumPy's broadcasting of any number of operands (`where`, `clip`): the result's shape and
    /// each operand's strides over it; nil when some axis has two sizes that differ and are not 1.
    static func broadcast(_ shapes: [Shape]) -> (result: Shape, strides: [Stride])? {
        guard !shapes.isEmpty else { return nil }
        var rows = 1, cols = 1, rank = 0
        for shape in shapes {
            let (r, c) = shape.rowsAndCols
            guard r == rows || r == 1 || rows == 1, c == cols || c == 1 || cols == 1 else { return nil }
            rows = max(rows, r); cols = max(cols, c); rank = max(rank, shape.dims.count)
        }
        let result: Shape = rank == 2 ? .matrix(rows, cols) : rank == 1 ? .vector(cols) : .scalar
        // A size of 1 repeats: its stride along that axis is 0.
        let strides = shapes.map { shape in
            let (r, c) = shape.rowsAndCols
            return Stride(row: r == 1 ? 0 : c, col: c == 1 ? 0 : 1)
        }
        return (result, strides)
    }

    /// The shape `dims` asks for (one or two sizes; one may be -1, inferred from the count, as
    /// NumPy's reshape does), or an error saying why it cannot hold `x`'s numbers.
    static func reshaped(_ x: Shape, to dims: [Int]) throws(ShapeError) -> Shape {
        let count = x.count
        let asked = dims.map { $0 == -1 ? "-1" : String($0) }.joined(separator: ", ")
        guard dims.count == 1 || dims.count == 2 else {
            throw ShapeError("reshape takes one or two sizes (rows and columns), got \(dims.count)")
        }
        guard dims.allSatisfy({ $0 > 0 || $0 == -1 }) else {
            throw ShapeError("reshape sizes must be positive whole numbers or -1 (inferred), got (\(asked))")
        }
        guard dims.filter({ $0 == -1 }).count <= 1 else {
            throw ShapeError("only one size of reshape can be -1 (inferred), got (\(asked))")
        }
        let known = dims.filter { $0 != -1 }.reduce(1) { $0.multipliedReportingOverflow(by: $1).overflow ? Int.max : $0 * $1 }
        var sizes = dims
        if let free = dims.firstIndex(of: -1) {
            guard known > 0, count % known == 0 else {
                throw ShapeError("cannot reshape \(x) (\(count) numbers) to (\(asked)): \(count) is not a multiple of \(known)")
            }
            sizes[free] = count / known
        } else if known != count {
            throw ShapeError("cannot reshape \(x) (\(count) numbers) to (\(asked)), which holds \(known)")
        }
        return sizes.count == 1 ? .vector(sizes[0]) : .matrix(sizes[0], sizes[1])
    }

    /// NumPy's matmul for ranks 1 and 2, as an m×k by k×n product (a vector on the left is
    /// 1×k, on the right k×1); nil when the inner sizes differ or an operand is a scalar.
    static func matmul(_ a: Shape, _ b: Shape) -> (result: Shape, m: Int, k: Int, n: Int)? {
        switch (a.dims.count, b.dims.count) {
        case (1, 1) where a.dims[0] == b.dims[0]:
            return (.scalar, 1, a.dims[0], 1)
        case (2, 2) where a.dims[1] == b.dims[0]:
            return (.matrix(a.dims[0], b.dims[1]), a.dims[0], a.dims[1], b.dims[1])
        case (2, 1) where a.dims[1] == b.dims[0]:
            return (.vector(a.dims[0]), a.dims[0], a.dims[1], 1)
        case (1, 2) where a.dims[0] == b.dims[0]:
            return (.vector(b.dims[1]), 1, a.dims[0], b.dims[1])
        default:
            return nil
        }
    }

    /// The result shape of a non-leaf op, or an error naming the op and the shapes.
    static func resultShape(of op: Op, _ inputs: [Shape]) throws(ShapeError) -> Shape {
        guard !op.isLeaf else {
            throw ShapeError("\(op.name) is a leaf: create it with leaf(_:value:), not apply")
        }
        guard inputs.count == op.arity else {
            throw ShapeError("\(op.name) takes \(counted(op.arity, "input")), got \(inputs.count)")
        }
        switch op.kind {
        case .binary:
            guard let b = broadcast(inputs[0], inputs[1]) else {
                throw ShapeError(mismatch(op, inputs[0], inputs[1]))
            }
            return b.result
        case .matmul:
            guard let product = matmul(inputs[0], inputs[1]) else {
                throw ShapeError("cannot multiply \(inputs[0]) by \(inputs[1])")
            }
            return product.result
        case .unary:
            if case .power(let p) = op, !p.isFinite {
                throw ShapeError("the exponent of pow must be a finite number, got \(p)")
            }
            if case .dropout(let p, let seed) = op, !(p >= 0 && p < 1) || seed < 0 {
                throw ShapeError("dropout's p must be at least 0 and below 1 and its seed a whole number ≥ 0, got p \(p), seed \(seed)")
            }
            return inputs[0]
        case .reduction, .normalization:
            try NormRule.check(op, inputs[0])
            return try AxisRules.slices(of: op, inputs[0]).result
        case .transpose:
            let dims = inputs[0].dims
            return dims.count == 2 ? .matrix(dims[1], dims[0]) : inputs[0]
        case .loss:
            try checkLoss(op, logits: inputs[0], targets: inputs[1])
            return .scalar
        case .convolution, .pooling:
            let window = try WindowRule.window(op, inputs)
            // The output channels stacked along the rows, as the image's are (Kernels+Conv.swift).
            return .matrix(window.outChannels * window.outRows, window.outCols)
        case .reshape:
            guard case .reshape(let dims) = op else { return inputs[0] }
            return try reshaped(inputs[0], to: dims)
        case .index:
            guard case .index(let spec) = op else { return inputs[0] }
            return try IndexRules.block(of: inputs[0], spec).result
        case .concat:
            guard case .concat(let axis, _) = op else { return inputs[0] }
            return try ConcatRules.layout(inputs, axis: axis).result
        case .embedding:
            return try EmbeddingRules.result(table: inputs[0], ids: inputs[1])
        case .ternary:
            guard let b = broadcast(inputs) else {
                let names = op == .clip ? "x, lo and hi" : "mask, a and b"
                throw ShapeError("cannot broadcast \(names) of \(op.name) together: \(inputs[0]), \(inputs[1]) and \(inputs[2])")
            }
            return b.result
        case .leaf:
            throw ShapeError("\(op.name) is a leaf: create it with leaf(_:value:), not apply")
        }
    }

    /// Both losses pair each logit with its target, so the shapes must be equal (no
    /// broadcasting: a silently repeated target is a bug in a lesson, not a convenience).
    /// Softmax also needs classes along a last axis: a vector of k or an m×k matrix.
    static func checkLoss(_ op: Op, logits z: Shape, targets y: Shape) throws(ShapeError) {
        if op == .softmaxCrossEntropy, z.isScalar {
            throw ShapeError("\(op.name) needs a vector of logits or a matrix with one row per example, got a scalar")
        }
        guard z == y else {
            throw ShapeError("\(op.name) needs logits and targets of the same shape, got \(z) and \(y)")
        }
    }

    /// "cannot add 2x3 and 3x2", "cannot subtract 3x2 from 2x3", ...: one verb per op.
    static func mismatch(_ op: Op, _ a: Shape, _ b: Shape) -> String {
        switch op {
        case .subtract: "cannot subtract \(b) from \(a)"
        case .multiply: "cannot multiply \(a) and \(b) elementwise"
        case .divide: "cannot divide \(a) by \(b)"
        case .maximum: "cannot take the maximum of \(a) and \(b)"
        case .minimum: "cannot take the minimum of \(a) and \(b)"
        case .greater, .less, .greaterEqual, .lessEqual, .equal, .notEqual:
            "cannot compare \(a) and \(b) with '\(op.operation?.operatorSymbol ?? "")'"
        default: "cannot add \(a) and \(b)"
        }
    }
}
