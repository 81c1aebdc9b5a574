/// One compiled node: its op plus every offset and size its kernel needs, so the hot loop
/// reads plain integers and never looks at shapes, arrays or the graph.
///
/// Offsets index the value half of the plan's storage; a node's gradient sits at the same
/// offset in the gradient half, so kernels take one pointer per half and share the offsets.
struct Step {
    /// The node this step computes (creation index).
    let node: Int
    var op: KernelOp
    /// Where the result starts.
    let out: Int
    /// Where the first input starts.
    let a: Int
    /// Where the second input starts (binary ops and matmul; equal to `a` otherwise).
    let b: Int
    /// Where the third input starts (ternary ops; equal to `b` otherwise).
    let c: Int
    /// Binary: the result walked as rows×cols. Unary: 1 × element count of the input. Reductions
    /// and normalizations: slices × slice length, with `strideA` the slice and element strides. Transpose: the input's rows and cols. Matmul: m and n of the m×k by k×n product.
    /// Losses: the logits as rows×cols (examples × classes for softmax; a vector is one row).
    let rows: Int
    let cols: Int
    /// Convolution and pooling: `rows`×`cols` is one channel of the image, `inner` the stride,
    /// `strideA` the channels in and out, `strideB` one kernel's (window's) rows and cols,
    /// `strideC.row` the padding (Kernels+Conv.swift).
    /// Matmul: the shared size k. Dropout: the seed. Unused otherwise.
    let inner: Int
    /// Binary ops: how each operand lines up with the result (stride 0 = broadcast).
    let strideA: Stride
    let strideB: Stride
    /// Ternary ops: how the third operand lines up with the result.
    let strideC: Stride
    /// Matmul and conv2d in a parameters-only backward pass: an operand that needs no gradient (data, or
    /// computed from data alone) gets none (`Plan.backward(parametersOnly:)`).
    var skipsA = false, skipsB = false
    /// softmax_cross_entropy: where forward leaves each row's shift (its max and log Σ e^(z − max),
    /// two values a row) for backward, in the plan's storage after every node's value.
    var scratch = 0

    /// Lays out node `index` of `graph`, whose value offsets are `offsets`; nil for leaves
    /// (they have no kernel) or when the graph's shapes do not fit (GraphBuilder prevents that).
    init?(node index: Int, of graph: GraphBuilder, offsets: [Int]) {
        guard index >= 0, index < graph.nodes.count else { return nil }
        let node = graph.nodes[index]
        var shapes: [Shape] = []
        var starts: [Int] = []
        for input in node.inputs {
            guard input.index >= 0, input.index < index else { return nil }
            shapes.append(graph.nodes[input.index].shape)
            starts.append(offsets[input.index])
        }
        guard node.op.arity > 0, shapes.count == node.op.arity else { return nil }
        var (rows, cols, inner) = (1, shapes[0].count, 0)
        var (strideA, strideB, strideC) = (Stride(row: 0, col: 1), Stride(row: 0, col: 1), Stride(row: 0, col: 1))
        switch node.op.kind {
        case .binary:
            guard let broadcast = ShapeRules.broadcast(shapes[0], shapes[1]) else { return nil }
            (rows, cols) = broadcast.result.rowsAndCols
            (strideA, strideB) = (broadcast.a, broadcast.b)
        case .matmul:
            guard let product = ShapeRules.matmul(shapes[0], shapes[1]) else { return nil }
            (rows, cols, inner) = (product.m, product.n, product.k)
        case .transpose, .loss:
            (rows, cols) = shapes[0].rowsAndCols
        case .reduction, .normalization:
            guard let slices = try? AxisRules.slices(of: node.op, shapes[0]) else { return nil }
            (rows, cols) = (slices.groups, slices.length)
            strideA = Stride(row: slices.groupStride, col: slices.elementStride)
        case .ternary:
            guard let broadcast = ShapeRules.broadcast(shapes) else { return nil }
            (rows, cols) = broadcast.result.rowsAndCols
            (strideA, strideB, strideC) = (broadcast.strides[0], broadcast.strides[1], broadcast.strides[2])
        case .convolution, .pooling:
            guard let window = try? WindowRule.window(node.op, shapes) else { return nil }
            (rows, cols) = (window.height, shapes[0].rowsAndCols.cols)
            inner = window.stride
            strideA = Stride(row: window.inChannels, col: window.outChannels)
            strideB = Stride(row: window.rows, col: window.cols)
            strideC = Stride(row: window.padding, col: 0)
        case .unary, .reshape:
            // Dropout's seed rides in the otherwise unused `inner` (the browser's kernel reads it there).
            inner = node.op.seed ?? 0
        case .index:
            // The picked block: rows×cols of it, rows `strideA.row` apart, from `a` moved to its first element.
            guard case .index(let spec) = node.op, let block = try? IndexRules.block(of: shapes[0], spec) else { return nil }
            (rows, cols, strideA) = (block.rows, block.cols, Stride(row: block.rowStride, col: 1))
            starts[0] += block.offset
        case .concat:
            // Each output row is a row of each operand in turn; `strideX.row` is that operand's width (0: absent).
            guard case .concat(let axis, _) = node.op, let layout = try? ConcatRules.layout(shapes, axis: axis) else { return nil }
            (rows, cols) = (layout.rows, layout.widths.reduce(0, +))
            let widths = layout.widths + [0]
            (strideA, strideB, strideC) = (Stride(row: widths[0], col: 1), Stride(row: widths[1], col: 1), Stride(row: widths[2], col: 1))
        case .embedding:
            // One output row per id, of the table's width; `inner` is the table's row count (the ids' range).
            guard shapes[0].dims.count == 2 else { return nil }
            (rows, cols, inner) = (shapes[1].count, shapes[0].dims[1], shapes[0].dims[0])
        case .leaf:
            return nil
        }
        guard let op = KernelOp(node.op) else { return nil }
        self.node = index
        self.op = op
        out = offsets[index]
        a = starts[0]
        b = starts.count > 1 ? starts[1] : starts[0]
        c = starts.count > 2 ? starts[2] : b
        self.rows = rows
        self.cols = cols
        self.inner = inner
        self.strideA = strideA
        self.strideB = strideB
        self.strideC = strideC
    }
}
