#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The op table: every elementwise primitive's forward rule next to its local derivative.
//
//   op        forward y                       local derivative
//   add       a + b                           ∂y/∂a = 1             ∂y/∂b = 1
//   sub       a - b                           ∂y/∂a = 1             ∂y/∂b = -1
//   mul       a · b                           ∂y/∂a = b             ∂y/∂b = a
//   div       a / b                           ∂y/∂a = 1/b           ∂y/∂b = -a/b²
//   max       a if a >= b else b              ∂y/∂a = [a > b]       ∂y/∂b = [a < b]   (tie: ½ each)
//   min       a if a <= b else b              ∂y/∂a = [a < b]       ∂y/∂b = [a > b]   (tie: ½ each)
//   gt lt ge  [a > b], [a < b], [a >= b],     ∂y/∂a = 0             ∂y/∂b = 0   (a mask: no gradient
//   le eq ne  [a <= b], [a == b], [a != b]                                     flows, as in PyTorch)
//   neg       -x                              dy/dx = -1
//   pow p     x^p                             dy/dx = p·x^(p-1)
//   exp       e^x                             dy/dx = y
//   log       ln x                            dy/dx = 1/x
//   sigmoid   1 / (1 + e^-x)                  dy/dx = y·(1 - y)
//   tanh      tanh x                          dy/dx = 1 - y²
//   relu      x if x > 0 else 0               dy/dx = [x > 0]                          (relu'(0) = 0)
//   sqrt      √x                              dy/dx = 1/(2y)
//   abs       |x|                             dy/dx = sign x                           (abs'(0) = 0)
//
// The rest have whole-tensor rules, kept in Kernels.swift next to their loops:
//   sum       Σ x                             ∂y/∂xᵢ = 1
//   mean      Σ x / n                         ∂y/∂xᵢ = 1/n
//   matmul    C = A B                         ∂L/∂A = G Bᵀ          ∂L/∂B = Aᵀ G
//   transpose Y = Xᵀ                          ∂L/∂X = Gᵀ
//
// The two losses take logits z and targets y of one shape and return a scalar. Their rules
// are below (per element, per row); the loops that average them are in Kernels+Losses.swift:
//   bce_logits  mean over n elements of       ∂/∂zᵢ = (σ(zᵢ) − yᵢ)/n   ∂/∂yᵢ = −zᵢ/n
//               max(z,0) − z·y + log(1 + e^−|z|)
//   softmax_cross_entropy, per row of k       ∂/∂zⱼ = (softmaxⱼ · Σₗ yₗ − yⱼ)/m
//               −Σⱼ yⱼ · log_softmax(z)ⱼ,     ∂/∂yⱼ = −log_softmax(z)ⱼ/m
//               mean over m rows              (with Σₗ yₗ = 1, one-hot or probabilities,
//                                              ∂/∂zⱼ is the familiar (softmaxⱼ − yⱼ)/m)
//
// Kernels multiply a local derivative by the node's upstream gradient and add the product to
// the input's gradient (the chain rule); broadcasting needs nothing more, because repeated
// operand elements simply receive several contributions (a sum over the broadcast dimension).

/// An elementwise binary primitive.
protocol BinaryRule {
    /// The forward rule.
    static func value(_ a: Double, _ b: Double) -> Double
    /// ∂y/∂a and ∂y/∂b at (a, b), where y = value(a, b) is passed in to save recomputing it.
    static func partials(_ a: Double, _ b: Double, _ y: Double) -> (da: Double, db: Double)
}

/// An elementwise unary primitive; `p` is the op's constant (the exponent of pow, else unused).
protocol UnaryRule {
    /// The forward rule.
    static func value(_ x: Double, _ p: Double) -> Double
    /// dy/dx at x, where y = value(x, p) is passed in because several derivatives reuse it.
    static func derivative(_ x: Double, _ y: Double, _ p: Double) -> Double
}

enum AddRule: BinaryRule {
    static func value(_ a: Double, _ b: Double) -> Double { a + b }
    static func partials(_ a: Double, _ b: Double, _ y: Double) -> (da: Double, db: Double) { (1, 1) }
}

enum SubtractRule: BinaryRule {
    static func value(_ a: Double, _ b: Double) -> Double { a - b }
    static func partials(_ a: Double, _ b: Double, _ y: Double) -> (da: Double, db: Double) { (1, -1) }
}

enum MultiplyRule: BinaryRule {
    static func value(_ a: Double, _ b: Double) -> Double { a * b }
    static func partials(_ a: Double, _ b: Double, _ y: Double) -> (da: Double, db: Double) { (b, a) }
}

enum DivideRule: BinaryRule {
    static func value(_ a: Double, _ b: Double) -> Double { a / b }
    static func partials(_ a: Double, _ b: Double, _ y: Double) -> (da: Double, db: Double) { (1 / b, -a / (b * b)) }
}

enum MaximumRule: BinaryRule {
    // `a.isNaN` keeps a NaN in the first argument visible instead of silently picking b.
    static func value(_ a: Double, _ b: Double) -> Double { a >= b || a.isNaN ? a : b }
    // A tie splits the gradient evenly, as PyTorch's and JAX's maximum do (the page's PyTorch tab
    // must print what the trace shows).
    static func partials(_ a: Double, _ b: Double, _ y: Double) -> (da: Double, db: Double) {
        a > b ? (1, 0) : a < b ? (0, 1) : (0.5, 0.5)
    }
}

enum MinimumRule: BinaryRule {
    // `a.isNaN` keeps a NaN in the first argument visible instead of silently picking b.
    static func value(_ a: Double, _ b: Double) -> Double { a <= b || a.isNaN ? a : b }
    static func partials(_ a: Double, _ b: Double, _ y: Double) -> (da: Double, db: Double) {
        a < b ? (1, 0) : a > b ? (0, 1) : (0.5, 0.5)
    }
}

/// The comparisons: 1 where they hold, else 0 (NaN compares false, except `!=`, as in IEEE 754
/// and NumPy). Their partials are 0, and the kernels pass nothing back at all (so an infinite
/// upstream gradient cannot turn 0 · inf into NaN).
enum GreaterRule: BinaryRule {
    static func value(_ a: Double, _ b: Double) -> Double { a > b ? 1 : 0 }
    static func partials(_ a: Double, _ b: Double, _ y: Double) -> (da: Double, db: Double) { (0, 0) }
}

enum LessRule: BinaryRule {
    static func value(_ a: Double, _ b: Double) -> Double { a < b ? 1 : 0 }
    static func partials(_ a: Double, _ b: Double, _ y: Double) -> (da: Double, db: Double) { (0, 0) }
}

enum GreaterEqualRule: BinaryRule {
    static func value(_ a: Double, _ b: Double) -> Double { a >= b ? 1 : 0 }
    static func partials(_ a: Double, _ b: Double, _ y: Double) -> (da: Double, db: Double) { (0, 0) }
}

enum LessEqualRule: BinaryRule {
    static func value(_ a: Double, _ b: Double) -> Double { a <= b ? 1 : 0 }
    static func partials(_ a: Double, _ b: Double, _ y: Double) -> (da: Double, db: Double) { (0, 0) }
}

enum EqualRule: BinaryRule {
    static func value(_ a: Double, _ b: Double) -> Double { a == b ? 1 : 0 }
    static func partials(_ a: Double, _ b: Double, _ y: Double) -> (da: Double, db: Double) { (0, 0) }
}

enum NotEqualRule: BinaryRule {
    static func value(_ a: Double, _ b: Double) -> Double { a != b ? 1 : 0 }
    static func partials(_ a: Double, _ b: Double, _ y: Double) -> (da: Double, db: Double) { (0, 0) }
}

enum SqrtRule: UnaryRule {
    static func value(_ x: Double, _ p: Double) -> Double { x.squareRoot() }
    // 1/(2√x): infinite at 0, which the engine reports like any infinite gradient.
    static func derivative(_ x: Double, _ y: Double, _ p: Double) -> Double { 0.5 / y }
}

enum AbsRule: UnaryRule {
    static func value(_ x: Double, _ p: Double) -> Double { Swift.abs(x) }
    static func derivative(_ x: Double, _ y: Double, _ p: Double) -> Double { x > 0 ? 1 : x < 0 ? -1 : 0 }
}

/// reshape: row-major storage is the same in any shape, so the numbers are copied as they are
/// and the gradient comes back the same way (1 · g is exactly g).
enum IdentityRule: UnaryRule {
    static func value(_ x: Double, _ p: Double) -> Double { x }
    static func derivative(_ x: Double, _ y: Double, _ p: Double) -> Double { 1 }
}

enum NegateRule: UnaryRule {
    static func value(_ x: Double, _ p: Double) -> Double { -x }
    static func derivative(_ x: Double, _ y: Double, _ p: Double) -> Double { -1 }
}

enum PowerRule: UnaryRule {
    // Small integer exponents are special-cased so x^2 and its derivative 2x are exact.
    static func value(_ x: Double, _ p: Double) -> Double {
        switch p {
        case 0: 1
        case 1: x
        case 2: x * x
        case 3: x * x * x
        default: pow(x, p)
        }
    }
    static func derivative(_ x: Double, _ y: Double, _ p: Double) -> Double {
        switch p {
        case 0: 0
        case 1: 1
        case 2: 2 * x
        case 3: 3 * x * x
        default: p * pow(x, p - 1)
        }
    }
}

enum ExpRule: UnaryRule {
    static func value(_ x: Double, _ p: Double) -> Double { DeterministicMath.exp(x) }
    static func derivative(_ x: Double, _ y: Double, _ p: Double) -> Double { y }
}

enum LogRule: UnaryRule {
    static func value(_ x: Double, _ p: Double) -> Double { DeterministicMath.log(x) }
    static func derivative(_ x: Double, _ y: Double, _ p: Double) -> Double { 1 / x }
}

enum SigmoidRule: UnaryRule {
    static func value(_ x: Double, _ p: Double) -> Double { DeterministicMath.sigmoid(x) }
    static func derivative(_ x: Double, _ y: Double, _ p: Double) -> Double { y * (1 - y) }
}

enum TanhRule: UnaryRule {
    static func value(_ x: Double, _ p: Double) -> Double { DeterministicMath.tanh(x) }
    static func derivative(_ x: Double, _ y: Double, _ p: Double) -> Double { 1 - y * y }
}

enum ReluRule: UnaryRule {
    // NaN stays NaN so a diverging run is not hidden behind a zero.
    static func value(_ x: Double, _ p: Double) -> Double { x > 0 || x.isNaN ? x : 0 }
    static func derivative(_ x: Double, _ y: Double, _ p: Double) -> Double { x > 0 ? 1 : 0 }
}

/// Binary cross-entropy of one logit z against its target y: −[y·log σ(z) + (1 − y)·log(1 − σ(z))],
/// rewritten so no exp overflows and no log sees 0: with log σ(z) = min(z, 0) − log(1 + e^−|z|),
/// it is max(z, 0) − z·y + log(1 + e^−|z|). `log1p` keeps the last term accurate when e^−|z|
/// is tiny, which is every confident prediction.
enum BCELogitsRule {
    static func value(_ z: Double, _ y: Double) -> Double {
        max(z, 0) - z * y + DeterministicMath.log1p(DeterministicMath.exp(-abs(z)))
    }
    /// ∂/∂z = σ(z) − y (the sigmoid from the op table, stable for any z); ∂/∂y = −z.
    static func partials(_ z: Double, _ y: Double) -> (dz: Double, dy: Double) {
        (SigmoidRule.value(z, 0) - y, -z)
    }
}

/// Cross-entropy of softmax(z) against targets y over one row of k classes, read through raw
/// pointers (rows sit side by side in plan storage). Stable: with m = max z and
/// s = log Σₗ e^(zₗ − m), log_softmax(z)ⱼ = (zⱼ − m) − s. Every exponent is ≤ 0 and one is 0,
/// so nothing overflows and s ∈ [0, log k]; subtracting m before s (not m + s at once) keeps
/// the digits a large m would round away.
enum SoftmaxCrossEntropyRule {
    /// m = max z and s = log Σₗ e^(zₗ − m); NaN in z gives NaN, an infinite max gives (±inf, 0).
    static func shift(_ z: UnsafePointer<Double>, _ k: Int) -> (max: Double, logSum: Double) {
        var m = z[0]
        for j in 1..<max(k, 1) where z[j] > m || z[j].isNaN { m = z[j] }
        // Nothing to shift by; zⱼ − m below then yields NaN, so divergence is not hidden.
        guard m.isFinite else { return (m, 0) }
        var total = 0.0
        eachExp(k, of: { z[$0] - m }) { _, e in total += e }
        return (m, DeterministicMath.log(total))
    }

    /// Calls `body(j, e^argument(j))` for j = 0..<k in order, the exponentials four at a time
    /// (the same bits as one at a time, which took a sixth of W5's time).
    @inline(__always)
    static func eachExp(_ k: Int, of argument: (Int) -> Double, _ body: (Int, Double) -> Void) {
        let table = DeterministicMath.exp2Table
        var j = 0
        while j + 4 <= k {
            let e = DeterministicMath.exp(Lanes(argument(j), argument(j + 1), argument(j + 2), argument(j + 3)), table)
            body(j, e[0]); body(j + 1, e[1]); body(j + 2, e[2]); body(j + 3, e[3])
            j += 4
        }
        guard j < k else { return }
        // The last one to three in one more call, the spare lanes repeating the last argument.
        var rest = Lanes(repeating: argument(k - 1))
        for lane in 0..<(k - j - 1) { rest[lane] = argument(j + lane) }
        let e = DeterministicMath.exp(rest, table)
        for lane in 0..<(k - j) { body(j + lane, e[lane]) }
    }

    /// −Σⱼ yⱼ · log_softmax(z)ⱼ = Σⱼ yⱼ · (s − (zⱼ − m)), with (m, s) = `shift(z, k)`.
    static func value(_ z: UnsafePointer<Double>, _ y: UnsafePointer<Double>, _ k: Int,
                      shift: (max: Double, logSum: Double)) -> Double {
        let (m, s) = shift
        var total = 0.0
        for j in 0..<k { total += y[j] * (s - (z[j] - m)) }
        return total
    }

    /// Adds `scale` times this row's partials into `gz` and `gy`:
    /// ∂/∂zⱼ = softmaxⱼ · Σₗ yₗ − yⱼ and ∂/∂yⱼ = −log_softmax(z)ⱼ, with (m, s) = `shift(z, k)`.
    static func addPartials(
        _ z: UnsafePointer<Double>, _ y: UnsafePointer<Double>, _ k: Int, shift: (max: Double, logSum: Double), scale: Double,
        _ gz: UnsafeMutablePointer<Double>, _ gy: UnsafeMutablePointer<Double>
    ) {
        let (m, s) = shift
        var targetSum = 0.0
        for j in 0..<k { targetSum += y[j] }
        eachExp(k, of: { (z[$0] - m) - s }) { j, softmax in
            gz[j] += scale * (softmax * targetSum - y[j])
            gy[j] += scale * -((z[j] - m) - s)
        }
    }
}
