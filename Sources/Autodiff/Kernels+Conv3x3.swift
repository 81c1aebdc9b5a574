// conv2d with a 3×3 kernel and no padding (the course's and W6's), written out: the general
// loops' two innermost levels run three times each, so their bookkeeping (and the spills of
// their many counters) cost more than the arithmetic: W6's backward was half its time.
//
// Every sum is formed as in `convForwardInside` and `convBackwardInside`, term by term in the
// same order, so the bits are the same (`ConvKernelTests` compares the general walk):
// - an output element adds, channel by channel, the nine products of its window row by row;
// - a kernel element's gradient adds its terms window by window (i, then j): here the nine
//   sums of one (d, channel) stay in registers for all windows, where the general loop stored
//   and reloaded each once per window;
// - an image element's gradient adds its terms in the order (d, i, j, a, b), as before: for one
//   image element the channel is fixed, so taking channels before windows changes nothing.
extension Kernels {
    static func conv3x3Forward(_ s: Step, _ w: WindowRule.Walk, _ v: UnsafeMutablePointer<Double>) {
        let (channelSize, width) = (s.rows &* s.cols, s.cols)
        for d in 0..<w.outChannels {
            for i in 0..<w.outRows {
                let out = v + (s.out &+ (d &* w.outRows &+ i) &* w.outCols)
                for j in 0..<w.outCols {
                    var total = 0.0
                    for channel in 0..<w.inChannels {
                        let x = v + (s.a &+ channel &* channelSize &+ (i &* w.stride) &* width &+ j &* w.stride)
                        let k = v + (s.b &+ (d &* w.inChannels &+ channel) &* 9)
                        let (x1, x2) = (x + width, x + 2 &* width)
                        total += x[0] * k[0]; total += x[1] * k[1]; total += x[2] * k[2]
                        total += x1[0] * k[3]; total += x1[1] * k[4]; total += x1[2] * k[5]
                        total += x2[0] * k[6]; total += x2[1] * k[7]; total += x2[2] * k[8]
                    }
                    out[j] = total
                }
            }
        }
    }

    /// The image and the kernel must be different nodes (else their gradients' additions would
    /// interleave differently); `convBackwardInside` takes the other case.
    static func conv3x3Backward(_ s: Step, _ w: WindowRule.Walk, _ v: UnsafeMutablePointer<Double>,
                                _ g: UnsafeMutablePointer<Double>) {
        let (channelSize, width) = (s.rows &* s.cols, s.cols)
        for d in 0..<w.outChannels {
            for channel in 0..<w.inChannels {
                let kernel = s.b &+ (d &* w.inChannels &+ channel) &* 9
                let (kv, kg) = (v + kernel, g + kernel)
                var (k0, k1, k2, k3, k4, k5, k6, k7, k8) = (kg[0], kg[1], kg[2], kg[3], kg[4], kg[5], kg[6], kg[7], kg[8])
                for i in 0..<w.outRows {
                    let gRow = g + (s.out &+ (d &* w.outRows &+ i) &* w.outCols)
                    for j in 0..<w.outCols {
                        let gOut = gRow[j]
                        let corner = s.a &+ channel &* channelSize &+ (i &* w.stride) &* width &+ j &* w.stride
                        let (x, x1, x2) = (v + corner, v + (corner &+ width), v + (corner &+ 2 &* width))
                        if !s.skipsA {
                            let (y, y1, y2) = (g + corner, g + (corner &+ width), g + (corner &+ 2 &* width))
                            y[0] += gOut * kv[0]; y[1] += gOut * kv[1]; y[2] += gOut * kv[2]
                            y1[0] += gOut * kv[3]; y1[1] += gOut * kv[4]; y1[2] += gOut * kv[5]
                            y2[0] += gOut * kv[6]; y2[1] += gOut * kv[7]; y2[2] += gOut * kv[8]
                        }
                        k0 += gOut * x[0]; k1 += gOut * x[1]; k2 += gOut * x[2]
                        k3 += gOut * x1[0]; k4 += gOut * x1[1]; k5 += gOut * x1[2]
                        k6 += gOut * x2[0]; k7 += gOut * x2[1]; k8 += gOut * x2[2]
                    }
                }
                (kg[0], kg[1], kg[2], kg[3], kg[4], kg[5], kg[6], kg[7], kg[8]) = (k0, k1, k2, k3, k4, k5, k6, k7, k8)
            }
        }
    }
}
