import CVectorMath

/// The width kernels run `DeterministicMath`'s functions at: four doubles, two SSE2 registers
/// (the baseline x86-64 vector unit) or one AVX register. Two independent register chains keep
/// more of the CPU busy than one: measured, four lanes ran tanh about 1.5x faster than two on
/// the baseline build, and eight no faster than four. The functions are generic over the SIMD
/// type (each lane is computed on its own, so every width gives the same bits); a single
/// argument goes through `SIMD2`, one SSE2 register, as cheap as scalar code.
package typealias Lanes = SIMD4<Double>

/// Error-free transformations (Knuth, Dekker): a sum or product as a rounded result plus its
/// exact rounding error. The error is exact, so it is the same number however it is computed:
/// the same bits everywhere.
enum DoubleDouble {
    /// a + b = sum + error exactly, for any a and b (Knuth's two-sum, six operations).
    @inline(__always)
    static func twoSum<V: SIMD>(_ a: V, _ b: V) -> (sum: V, error: V) where V.Scalar == Double {
        let sum = a + b
        let bVirtual = sum - a
        let aVirtual = sum - bVirtual
        return (sum, (a - aVirtual) + (b - bVirtual))
    }

    /// a + b = sum + error exactly when |a| ≥ |b| (Dekker's fast two-sum, three operations).
    @inline(__always)
    static func fastTwoSum<V: SIMD>(_ a: V, _ b: V) -> (sum: V, error: V) where V.Scalar == Double {
        let sum = a + b
        return (sum, b - (sum - a))
    }

    /// a · b = product + error exactly, for |a · b| well inside the normal range. With FMA
    /// instructions (ARM64, or `FUSED_MULTIPLY_ADD`, which the Makefile defines when the CPU it
    /// builds for has them) the error is a · b − product in one fused multiply-add; otherwise
    /// Dekker's two-product finds the same exact error from 26-bit halves in 16 operations (as
    /// the live graphs' script does: JavaScript has no FMA), since the C library's `fma` that
    /// Swift would call instead made the baseline build's W3 1.4x slower. With the FMA, W3
    /// trains 5% faster. The error is exact either way, so the bits are the same.
    @inline(__always)
    static func twoProduct<V: SIMD>(_ a: V, _ b: V) -> (product: V, error: V) where V.Scalar == Double {
        let product = a * b
        #if arch(arm64) || FUSED_MULTIPLY_ADD
        return (product, (-product).addingProduct(a, b))
        #else
        let (ah, al) = split(a)
        let (bh, bl) = split(b)
        return (product, ((ah * bh - product) + ah * bl + al * bh) + al * bl)
        #endif
    }

    /// a = high + low with `high` holding the top 26 bits (Veltkamp's split).
    @inline(__always)
    static func split<V: SIMD>(_ a: V) -> (high: V, low: V) where V.Scalar == Double {
        let c = 0x1.0000002p27 * a  // 2²⁷ + 1
        let high = c - (c - a)
        return (high, a - high)
    }
}

extension DeterministicMath {
    /// √x of each lane in one vector instruction (`CVectorMath`: Swift's own square root is a C
    /// library call per lane); correctly rounded, so the bits of `Double.squareRoot()`.
    @inline(__always)
    package static func squareRoot(_ x: Lanes) -> Lanes { lessons_sqrt4(x) }
}
