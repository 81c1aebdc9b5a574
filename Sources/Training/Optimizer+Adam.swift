import Autodiff

/// Adam's (and AdamW's) update of one parameter, four elements at a time: the scalar loop's
/// divisions and square roots, one element after another, were 16% of W5's time. Each lane does
/// what the scalar rule did, operation for operation, so every bit is the same.
extension Optimizer {
    /// One step's numbers, the same for every element of every parameter.
    struct AdamStep {
        let beta2, stepSize, correction2, eps, lr, decay: Double
        /// 1 − β₁, the weight of the new gradient in the first moment.
        let weight: Double
        let decoupled: Bool
    }

    /// Moves `value` by its gradients `g`, updating its moments `m` and `v` (as many as `value`).
    static func adam(_ value: UnsafeMutableBufferPointer<Double>, _ g: UnsafeBufferPointer<Double>,
                     m: UnsafeMutablePointer<Double>, v: UnsafeMutablePointer<Double>, _ step: AdamStep) {
        guard let x = value.baseAddress, let gradient = g.baseAddress else { return }
        let count = value.count
        var i = 0
        while i + 4 <= count {
            let out = adamLanes(load(x + i), load(gradient + i), load(m + i), load(v + i), step, DeterministicMath.squareRoot)
            store(out.x, x + i); store(out.m, m + i); store(out.v, v + i)
            i += 4
        }
        while i < count {
            let out = adamLanes(SIMD2(repeating: x[i]), SIMD2(repeating: gradient[i]),
                                SIMD2(repeating: m[i]), SIMD2(repeating: v[i]), step, { $0.squareRoot() })
            (x[i], m[i], v[i]) = (out.x[0], out.m[0], out.v[0])
            i += 1
        }
    }

    /// The rule on each lane: weight decay, the moments, then the step.
    @inline(__always)
    private static func adamLanes<V: SIMD>(_ x: V, _ g: V, _ m: V, _ v: V, _ s: AdamStep,
                                           _ squareRoot: (V) -> V) -> (x: V, m: V, v: V) where V.Scalar == Double {
        var x = x
        let gradient: V
        if s.decoupled {
            x *= 1 - s.lr * s.decay
            gradient = g
        } else {
            gradient = g + s.decay * x
        }
        let m = lerp(m, gradient, s.weight)
        let v = v * s.beta2 + (1 - s.beta2) * gradient * gradient
        x -= s.stepSize * (m / (squareRoot(v) / s.correction2 + s.eps))
        return (x, m, v)
    }

    @inline(__always)
    private static func load(_ p: UnsafePointer<Double>) -> SIMD4<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self)
    }

    @inline(__always)
    private static func store(_ x: SIMD4<Double>, _ p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: x, as: SIMD4<Double>.self)
    }
}
