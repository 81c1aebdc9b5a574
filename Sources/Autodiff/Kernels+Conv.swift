import Operations

// conv2d and the pools slide a window over a matrix image X (H×W) with a stride; output element
// (i, j) reads the window whose top left corner is (i·stride − padding, j·stride − padding),
// elements outside the image reading 0 (conv2d's zero padding; the pools have none).
//
// Channels are stacked along the rows (tensors have at most two axes): an image of C channels
// is (C·H)×W with channel c in rows c·H ..< (c+1)·H; conv2d's kernels are (D·C·kh)×kw with
// kernel (d, c) the block d·C + c; its result is (D·Hout)×Wout, channel d the sum over c of
// channel c correlated with kernel (d, c), as PyTorch's conv2d on (1, C, H, W). A pool pools
// each channel alone. With one channel the loops below are the one-channel loops, sum for sum.
//
//   conv2d    Y[i,j] = Σₐ Σᵦ X[i·s+a−p, j·s+b−p] · K[a,b]     (cross-correlation, as PyTorch)
//             ∂L/∂X[r,c] += G[i,j] · K[a,b]   ∂L/∂K[a,b] += G[i,j] · X[r,c]   over every window
//   max_pool  Y[i,j] = max of the window   ∂L/∂X += G[i,j] at the window's first largest element
//   avg_pool  Y[i,j] = Σ window / size²    ∂L/∂X += G[i,j] / size² at each element of the window
//
// Scattered over the windows, conv2d's gradient to X is the "full" convolution of G with the
// kernel flipped in both directions (for stride 1), which is how lessons derive it. A tie in a
// max-pool window sends the whole gradient to the first largest element in row-major order, as
// PyTorch's max_pool2d does (its CPU kernel keeps the first index, or the last NaN), not half
// to each as `max(a, b)` does. The step's fields: Step.swift; the browser's twins: JavaScriptKernels.
extension Kernels {
    static func convForward(_ s: Step, _ v: UnsafeMutablePointer<Double>) {
        let w = WindowRule.Walk(s)
        if w.padding == 0, w.rows == 3, w.cols == 3 { return conv3x3Forward(s, w, v) }
        if w.padding == 0 { return convForwardInside(s, w, v) }
        var total = 0.0
        w.visit(s, start: { _ in total = 0 }, pair: { _, image, kernel in total += v[image] * v[kernel] },
                end: { out in v[out] = total })
    }

    static func convBackward(_ s: Step, _ v: UnsafeMutablePointer<Double>, _ g: UnsafeMutablePointer<Double>) {
        let w = WindowRule.Walk(s)
        if w.padding == 0, w.rows == 3, w.cols == 3, s.a != s.b { return conv3x3Backward(s, w, v, g) }
        if w.padding == 0 { return convBackwardInside(s, w, v, g) }
        // In a parameters-only pass a data image gets no gradient; the kernel's sums keep their order.
        if s.skipsA {
            w.visit(s, start: { _ in }, pair: { out, image, kernel in g[kernel] += g[out] * v[image] }, end: { _ in })
            return
        }
        w.visit(s, start: { _ in }, pair: { out, image, kernel in
            g[image] += g[out] * v[kernel]
            g[kernel] += g[out] * v[image]
        }, end: { _ in })
    }

    /// Without padding every window lies inside the image: the walk of `WindowRule.Walk.visit`
    /// (same order of every sum, so the same bits) as plain loops with no bounds tests and no
    /// closures. W6's convolutions were 70% of its time through the general walk.
    private static func convForwardInside(_ s: Step, _ w: WindowRule.Walk, _ v: UnsafeMutablePointer<Double>) {
        let (channelSize, kernelSize, width) = (s.rows &* s.cols, w.rows &* w.cols, s.cols)
        for d in 0..<w.outChannels {
            for i in 0..<w.outRows {
                for j in 0..<w.outCols {
                    var total = 0.0
                    for channel in 0..<w.inChannels {
                        let corner: Int = s.a &+ channel &* channelSize &+ (i &* w.stride) &* width &+ j &* w.stride
                        let first: Int = s.b &+ (d &* w.inChannels &+ channel) &* kernelSize
                        let image = v + corner, kernel = v + first
                        for a in 0..<w.rows {
                            for b in 0..<w.cols { total += image[a &* width &+ b] * kernel[a &* w.cols &+ b] }
                        }
                    }
                    v[s.out &+ (d &* w.outRows &+ i) &* w.outCols &+ j] = total
                }
            }
        }
    }

    /// The backward twin of `convForwardInside`: each pair adds to the image's gradient (unless
    /// `skipsA`) and to the kernel's, in the walk's order.
    private static func convBackwardInside(_ s: Step, _ w: WindowRule.Walk, _ v: UnsafeMutablePointer<Double>,
                                           _ g: UnsafeMutablePointer<Double>) {
        let (channelSize, kernelSize, width) = (s.rows &* s.cols, w.rows &* w.cols, s.cols)
        for d in 0..<w.outChannels {
            for i in 0..<w.outRows {
                for j in 0..<w.outCols {
                    let gOut = g[s.out &+ (d &* w.outRows &+ i) &* w.outCols &+ j]
                    for channel in 0..<w.inChannels {
                        let corner: Int = s.a &+ channel &* channelSize &+ (i &* w.stride) &* width &+ j &* w.stride
                        let kernel: Int = s.b &+ (d &* w.inChannels &+ channel) &* kernelSize
                        for a in 0..<w.rows {
                            for b in 0..<w.cols {
                                let image = corner &+ a &* width &+ b, k = kernel &+ a &* w.cols &+ b
                                if !s.skipsA { g[image] += gOut * v[k] }
                                g[k] += gOut * v[image]
                            }
                        }
                    }
                }
            }
        }
    }

    static func poolForward(_ s: Step, _ v: UnsafeMutablePointer<Double>, largest: Bool) {
        let w = WindowRule.Walk(s)
        for channel in 0..<w.inChannels {
            let image = s.a + channel * s.rows * s.cols, result = s.out + channel * w.outRows * w.outCols
            for i in 0..<w.outRows {
                for j in 0..<w.outCols {
                    let corner = image + i * w.stride * s.cols + j * w.stride
                    if largest {
                        v[result + i * w.outCols + j] = v[corner + WindowRule.firstLargest(s, v, corner, w)]
                    } else {
                        var total = 0.0
                        for a in 0..<w.rows { for b in 0..<w.cols { total += v[corner + a * s.cols + b] } }
                        v[result + i * w.outCols + j] = total / Double(w.rows * w.cols)
                    }
                }
            }
        }
    }

    static func poolBackward(_ s: Step, _ v: UnsafeMutablePointer<Double>, _ g: UnsafeMutablePointer<Double>, largest: Bool) {
        let w = WindowRule.Walk(s)
        for channel in 0..<w.inChannels {
            let image = s.a + channel * s.rows * s.cols, result = s.out + channel * w.outRows * w.outCols
            for i in 0..<w.outRows {
                for j in 0..<w.outCols {
                    let corner = image + i * w.stride * s.cols + j * w.stride
                    let gy = g[result + i * w.outCols + j]
                    if largest {
                        g[corner + WindowRule.firstLargest(s, v, corner, w)] += gy
                    } else {
                        let share = gy / Double(w.rows * w.cols)
                        for a in 0..<w.rows { for b in 0..<w.cols { g[corner + a * s.cols + b] += share } }
                    }
                }
            }
        }
    }
}

/// The shape rules of conv2d and the pools, and how their kernels walk a step.
enum WindowRule {
    /// A window's size (one kernel's), its stride and padding, the channels, and the size of one
    /// channel of the image (`height`) and of the result (`outRows`×`outCols`).
    struct Layout: Equatable {
        let rows: Int, cols: Int, stride: Int, padding: Int, outRows: Int, outCols: Int
        let inChannels: Int, outChannels: Int, height: Int
    }

    /// The layout a step carries (see Step.swift): each channel of the image is `s.rows`×`s.cols`,
    /// the channels in and out are `s.strideA.row` and `s.strideA.col`.
    struct Walk {
        let rows: Int, cols: Int, stride: Int, padding: Int, outRows: Int, outCols: Int
        let inChannels: Int, outChannels: Int
        init(_ s: Step) {
            (rows, cols, stride, padding) = (s.strideB.row, s.strideB.col, max(s.inner, 1), s.strideC.row)
            (inChannels, outChannels) = (max(s.strideA.row, 1), max(s.strideA.col, 1))
            outRows = (s.rows + 2 * padding - rows) / stride + 1
            outCols = (s.cols + 2 * padding - cols) / stride + 1
        }

        /// conv2d's one walk, forward and backward alike (so sums keep their order): for each output
        /// element `start`, then every (image, kernel) pair of its window inside the image, input
        /// channel by input channel, then `end`; the offsets are the output's, the image element's
        /// and the kernel element's.
        func visit(_ s: Step, start: (Int) -> Void, pair: (Int, Int, Int) -> Void, end: (Int) -> Void) {
            let (channelSize, kernelSize) = (s.rows * s.cols, rows * cols)
            for d in 0..<outChannels {
                for i in 0..<outRows {
                    for j in 0..<outCols {
                        let out = s.out + (d * outRows + i) * outCols + j
                        start(out)
                        for channel in 0..<inChannels {
                            let image = s.a + channel * channelSize, kernel = s.b + (d * inChannels + channel) * kernelSize
                            for a in 0..<rows {
                                let r = i * stride + a - padding
                                guard r >= 0, r < s.rows else { continue }
                                for b in 0..<cols {
                                    let c = j * stride + b - padding
                                    guard c >= 0, c < s.cols else { continue }
                                    pair(out, image + r * s.cols + c, kernel + a * cols + b)
                                }
                            }
                        }
                        end(out)
                    }
                }
            }
        }
    }

    /// The offset from `corner` of the window's first largest element, row by row (a NaN wins,
    /// and a later NaN wins over an earlier one, as in PyTorch's max_pool2d).
    static func firstLargest(_ s: Step, _ v: UnsafeMutablePointer<Double>, _ corner: Int, _ w: Walk) -> Int {
        var best = v[corner], at = 0
        for a in 0..<w.rows {
            for b in 0..<w.cols where a > 0 || b > 0 {
                let x = v[corner + a * s.cols + b]
                if x > best || x.isNaN { (best, at) = (x, a * s.cols + b) }
            }
        }
        return at
    }

    /// The window of `op` over `inputs` (an image and, for conv2d, a kernel), or an error naming
    /// what does not fit: an operand that is not a matrix, a window larger than the (padded) image.
    static func window(_ op: Op, _ inputs: [Shape]) throws(ShapeError) -> Layout {
        guard let option = op.window, let image = inputs.first else { throw ShapeError("\(op.name) is not a window op") }
        let name = op.name
        guard option.stride >= 1, option.padding >= 0, option.padding <= 1_000_000 else {
            throw ShapeError("the stride of \(name) must be at least 1 and its padding between 0 and 1000000, "
                + "got stride \(option.stride) and padding \(option.padding)")
        }
        guard image.dims.count == 2 else {
            throw ShapeError("\(name) needs an image as a matrix (rows × columns), got a \(image)")
        }
        let isConv = op.operation == .conv2d
        let (inChannels, outChannels) = (option.inChannels, isConv ? option.outChannels : option.inChannels)
        guard inChannels >= 1, outChannels >= 1 else { throw ShapeError("the channels of \(name) must be at least 1") }
        let channelsOption = isConv ? "in_channels: \(inChannels)" : "channels: \(inChannels)"
        guard image.dims[0] % inChannels == 0 else {
            throw ShapeError("the image of \(name) has \(image.dims[0]) rows, which is not \(inChannels) channels of equal "
                + "height (\(channelsOption); the channels are stacked along the rows)")
        }
        let channelRows = image.dims[0] / inChannels
        let rows: Int, cols: Int
        if isConv {
            guard inputs.count == 2, inputs[1].dims.count == 2 else {
                throw ShapeError("the kernel of conv2d must be a matrix, got a \(inputs.count == 2 ? inputs[1].description : "nothing")")
            }
            let kernels = outChannels * inChannels
            guard inputs[1].dims[0] % kernels == 0 else {
                throw ShapeError("the kernel of conv2d has \(inputs[1].dims[0]) rows, which is not \(kernels) kernels of equal "
                    + "height (out_channels: \(outChannels) × in_channels: \(inChannels), stacked along the rows)")
            }
            (rows, cols) = (inputs[1].dims[0] / kernels, inputs[1].dims[1])
        } else {
            guard option.size >= 1 else { throw ShapeError("the size of \(name) must be at least 1, got \(option.size)") }
            (rows, cols) = (option.size, option.size)
        }
        let (height, width) = (channelRows + 2 * option.padding, image.dims[1] + 2 * option.padding)
        guard rows <= height, cols <= width else {
            let what = isConv ? "kernel" : "window"
            let padded = option.padding > 0 ? ", \(height)x\(width) padded" : ""
            let picture = inChannels > 1 ? "each channel of the image (\(channelRows)x\(image.dims[1]) of the \(image)\(padded))"
                : "the image (\(image)\(padded))"
            throw ShapeError("the \(what) of \(name) (\(rows)x\(cols)) is larger than \(picture)")
        }
        return Layout(rows: rows, cols: cols, stride: option.stride, padding: option.padding,
                      outRows: (height - rows) / option.stride + 1, outCols: (width - cols) / option.stride + 1,
                      inChannels: inChannels, outChannels: outChannels, height: channelRows)
    }
}

extension WindowRule {
    /// The rounding scale of a window step for the gradient check: each output is a sum over a
    /// window of rows·cols terms (times the input channels for conv2d), each at most the largest
    /// |x| (times the largest |k| for conv2d); max_pool picks an element exactly.
    static func rounding(_ s: Step, _ v: UnsafePointer<Double>, _ g: UnsafePointer<Double>) -> Double {
        if s.op.operation == .maxPool { return 0 }
        let w = Walk(s)
        var largest = 0.0, kernel = 1.0, gradients = 0.0, terms = w.rows * w.cols
        for i in 0..<(w.inChannels * s.rows * s.cols) { largest = max(largest, abs(v[s.a + i])) }
        if s.op.operation == .conv2d {
            kernel = 0
            for i in 0..<(w.outChannels * w.inChannels * w.rows * w.cols) { kernel = max(kernel, abs(v[s.b + i])) }
            terms *= w.inChannels
        }
        for i in 0..<(w.outChannels * w.outRows * w.outCols) { gradients += abs(g[s.out + i]) }
        let area = Double(terms)
        return area * area * largest * kernel * gradients
    }
}
