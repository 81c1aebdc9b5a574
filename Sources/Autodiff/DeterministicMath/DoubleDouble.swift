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

    /// a · b = product + error exactly, for |a · b| well inside the normal range: the error is
    /// a · b − product in one fused multiply-add (one instruction with FMA, else the C library's
    /// `fma`, which IEEE 754 requires to be correctly rounded). Dekker's two-product (which the
    /// live graphs' script keeps: JavaScript has no FMA) finds the same exact error from 26-bit
    /// halves in 16 operations; W3 trains 5% faster with the FMA.
    @inline(__always)
    static func twoProduct<V: SIMD>(_ a: V, _ b: V) -> (product: V, error: V) where V.Scalar == Double {
        let product = a * b
        return (product, (-product).addingProduct(a, b))
    }
}

extension DeterministicMath {
    /// √x of each lane in one vector instruction (`CVectorMath`: Swift's own square root is a C
    /// library call per lane); correctly rounded, so the bits of `Double.squareRoot()`.
    @inline(__always)
    package static func squareRoot(_ x: Lanes) -> Lanes { lessons_sqrt4(x) }
}
