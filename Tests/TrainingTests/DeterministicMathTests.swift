#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import Autodiff
@testable import Training

// DeterministicMath against the C library (glibc here) over wide ranges. Tolerance: 1e-14
// relative, about 45 ulp; the implementation aims at a few ulp, and the largest error seen is
// reported in the message.

/// Arguments spread over many magnitudes: ±10^u for u uniform in the given exponent range.
private func logUniform(_ count: Int, exponents: ClosedRange<Double>, signed: Bool, seed: UInt64) -> [Double] {
    var rng = SeededRandom(seed: seed)
    return (0..<count).map { _ in
        let x = pow(10, rng.uniform(exponents.lowerBound, exponents.upperBound))
        return signed && rng.next() % 2 == 0 ? -x : x
    }
}

/// The largest relative error of `ours` against `reference` over `xs`, and where.
private func worst(_ xs: [Double], _ ours: (Double) -> Double, _ reference: (Double) -> Double) -> (error: Double, at: Double) {
    var result = (error: 0.0, at: 0.0)
    for x in xs {
        let a = ours(x), b = reference(x)
        let error = a == b ? 0 : abs(a - b) / max(abs(b), 1e-300)
        if !(error <= result.error) { result = (error, x) }
    }
    return result
}

@Test("log matches glibc to 1e-14 relative from 1e-300 to 1e300")
func logWideRange() {
    let xs = logUniform(100_000, exponents: -300...300, signed: false, seed: 1)
    let (error, at) = worst(xs, DeterministicMath.log, { log($0) })
    #expect(error <= 1e-14, "worst relative error \(error) at \(at)")
}

@Test("log matches glibc to 1e-14 relative near 1, where log x ≈ x − 1 is tiny")
func logNearOne() {
    var rng = SeededRandom(seed: 2)
    let xs = (0..<50_000).map { _ in 1 + rng.uniform(-0.3, 0.45) * pow(10, -rng.uniform(0, 15)) }
    let (error, at) = worst(xs, DeterministicMath.log, { log($0) })
    #expect(error <= 1e-14, "worst relative error \(error) at \(at)")
}

@Test("log matches glibc on subnormals and exact powers of two")
func logSubnormalsAndPowersOfTwo() {
    let xs = [Double.leastNonzeroMagnitude, 3 * .leastNonzeroMagnitude, .leastNormalMagnitude / 3, .greatestFiniteMagnitude]
        + (-1074...1023).map { Double(sign: .plus, exponent: $0, significand: 1) }
    let (error, at) = worst(xs, DeterministicMath.log, { log($0) })
    #expect(error <= 1e-14, "worst relative error \(error) at \(at)")
}

@Test("log's special values: log 1 = 0 exactly, log 0 = −inf, log(+inf) = +inf, NaN below 0")
func logSpecialValues() {
    #expect(DeterministicMath.log(1) == 0)
    #expect(DeterministicMath.log(0) == -.infinity && DeterministicMath.log(-0.0) == -.infinity)
    #expect(DeterministicMath.log(.infinity) == .infinity)
    #expect(DeterministicMath.log(-1).isNaN && DeterministicMath.log(.nan).isNaN && DeterministicMath.log(-.infinity).isNaN)
}

@Test("sin and cos match glibc to 1e-14 relative for |x| from 1e-10 to 1e6")
func sinCosWideRange() {
    let xs = logUniform(100_000, exponents: -10...6, signed: true, seed: 3)
    let s = worst(xs, DeterministicMath.sin, { sin($0) })
    let c = worst(xs, DeterministicMath.cos, { cos($0) })
    #expect(s.error <= 1e-14, "sin: worst relative error \(s.error) at \(s.at)")
    #expect(c.error <= 1e-14, "cos: worst relative error \(c.error) at \(c.at)")
}

@Test("sin and cos match glibc next to multiples of π/2, where the reduced argument is tiny")
func sinCosNearMultiplesOfHalfPi() {
    var xs: [Double] = []
    for k in 1...2_000 {
        let x = Double(k) * (Double.pi / 2)
        xs += [x.nextDown, x, x.nextUp, -x]
    }
    let s = worst(xs, DeterministicMath.sin, { sin($0) })
    let c = worst(xs, DeterministicMath.cos, { cos($0) })
    #expect(s.error <= 1e-14, "sin: worst relative error \(s.error) at \(s.at)")
    #expect(c.error <= 1e-14, "cos: worst relative error \(c.error) at \(c.at)")
}

@Test("sin and cos match glibc on the data generators' range [−50, 50], finely sampled")
func sinCosGeneratorRange() {
    let xs = (0...200_000).map { -50 + Double($0) * 0.0005 }
    let s = worst(xs, DeterministicMath.sin, { sin($0) })
    let c = worst(xs, DeterministicMath.cos, { cos($0) })
    #expect(s.error <= 1e-14, "sin: worst relative error \(s.error) at \(s.at)")
    #expect(c.error <= 1e-14, "cos: worst relative error \(c.error) at \(c.at)")
}

@Test("sin and cos special values: exact at 0 (keeping −0), NaN for infinities and NaN")
func sinCosSpecialValues() {
    #expect(DeterministicMath.sin(0) == 0 && DeterministicMath.cos(0) == 1)
    #expect(DeterministicMath.sin(-0.0).sign == .minus)
    #expect(DeterministicMath.sin(.infinity).isNaN && DeterministicMath.cos(-.infinity).isNaN)
    #expect(DeterministicMath.sin(.nan).isNaN && DeterministicMath.cos(.nan).isNaN)
    #expect(abs(DeterministicMath.sin(1e300)) <= 1 && abs(DeterministicMath.cos(-1e300)) <= 1, "a huge argument is reduced, not a trap")
}

@Test("the split constants add up to ln 2 and π/2 as Double rounds them")
func splitConstants() {
    #expect(DeterministicMath.ln2Hi + DeterministicMath.ln2Lo == 0.6931471805599453)
    #expect(DeterministicMath.halfPi1 + DeterministicMath.halfPi2 + DeterministicMath.halfPi3 == Double.pi / 2)
}
