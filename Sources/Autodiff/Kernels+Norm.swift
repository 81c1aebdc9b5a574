// layer_norm and batch_norm: one normalization along an axis (AxisRules lays out the slices:
// rows for layer_norm, columns, i.e. the batch, for batch_norm). Per slice of n elements:
//
//   μ = Σ xₖ / n      v = Σ (xₖ − μ)² / n   (biased, as PyTorch normalizes)    σ = √(v + eps)
//   yₖ = (xₖ − μ) / σ                        ∂L/∂xₖ = (gₖ − mean(g) − yₖ · mean(g·y)) / σ
//
// The gradient is the CS231n one: through μ every element loses the mean gradient, through v
// each loses its share along y. σ is recomputed from x in the backward pass rather than stored,
// so a step needs no storage beyond its value. Every operation is correctly rounded (no libm),
// so the browser's kernels (JavaScriptKernels.swift) give the same bits.
extension Kernels {
    static func normForward(_ s: Step, _ v: UnsafeMutablePointer<Double>, eps: Double) {
        for group in 0..<s.rows {
            let (mean, sigma) = NormRule.moments(s, v, group, eps: eps)
            for k in 0..<s.cols {
                let offset = group * s.strideA.row + k * s.strideA.col
                v[s.out + offset] = (v[s.a + offset] - mean) / sigma
            }
        }
    }

    static func normBackward(_ s: Step, _ v: UnsafeMutablePointer<Double>, _ g: UnsafeMutablePointer<Double>, eps: Double) {
        let n = Double(s.cols)
        for group in 0..<s.rows {
            let sigma = NormRule.moments(s, v, group, eps: eps).sigma
            var total = 0.0, along = 0.0
            for k in 0..<s.cols {
                let o = s.out + group * s.strideA.row + k * s.strideA.col
                total += g[o]
                along += g[o] * v[o]
            }
            let (meanG, meanGY) = (total / n, along / n)
            for k in 0..<s.cols {
                let offset = group * s.strideA.row + k * s.strideA.col
                g[s.a + offset] += (g[s.out + offset] - meanG - v[s.out + offset] * meanGY) / sigma
            }
        }
    }
}

/// The shape rules and the slice statistics of the norms.
enum NormRule {
    /// The slice's mean and σ = √(biased variance + eps), each sum from 0 in element order.
    static func moments(_ s: Step, _ v: UnsafeMutablePointer<Double>, _ group: Int, eps: Double) -> (mean: Double, sigma: Double) {
        let start = s.a + group * s.strideA.row
        let n = Double(s.cols)
        var total = 0.0
        for k in 0..<s.cols { total += v[start + k * s.strideA.col] }
        let mean = total / n
        var squares = 0.0
        for k in 0..<s.cols {
            let d = v[start + k * s.strideA.col] - mean
            squares += d * d
        }
        return (mean, (squares / n + eps).squareRoot())
    }

    /// layer_norm needs a vector or a matrix; batch_norm a matrix of at least two examples (one
    /// example has no spread to normalize by, and PyTorch refuses it in training mode); eps ≥ 0.
    static func check(_ op: Op, _ x: Shape) throws(ShapeError) {
        switch op {
        case .layerNorm(let eps), .batchNorm(let eps):
            let name = op.name
            guard eps.isFinite, eps >= 0 else { throw ShapeError("eps of \(name) must be a number ≥ 0, got \(eps)") }
            if case .layerNorm = op, x.isScalar {
                throw ShapeError("layer_norm needs a vector or a matrix (it normalizes each row), got a scalar")
            }
            if case .batchNorm = op, x.dims.count != 2 || x.dims[0] < 2 {
                throw ShapeError("batch_norm needs a matrix of examples × features with at least 2 examples (rows), got "
                    + (x.dims.count == 2 ? "1 row (\(x))" : "a \(x)"))
            }
        default:
            return
        }
    }
}
