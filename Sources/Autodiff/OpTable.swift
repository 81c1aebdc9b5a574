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
//   max       a if a >= b else b              ∂y/∂a = [a >= b]      ∂y/∂b = [a < b]   (tie -> a)
//   neg       -x                              dy/dx = -1
//   pow p     x^p                             dy/dx = p·x^(p-1)
//   exp       e^x                             dy/dx = y
//   log       ln x                            dy/dx = 1/x
//   sigmoid   1 / (1 + e^-x)                  dy/dx = y·(1 - y)
//   tanh      tanh x                          dy/dx = 1 - y²
//   relu      x if x > 0 else 0               dy/dx = [x > 0]                          (relu'(0) = 0)
//
// The rest have whole-tensor rules, kept in Kernels.swift next to their loops:
//   sum       Σ x                             ∂y/∂xᵢ = 1
//   mean      Σ x / n                         ∂y/∂xᵢ = 1/n
//   matmul    C = A B                         ∂L/∂A = G Bᵀ          ∂L/∂B = Aᵀ G
//   transpose Y = Xᵀ                          ∂L/∂X = Gᵀ
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
    static func partials(_ a: Double, _ b: Double, _ y: Double) -> (da: Double, db: Double) { a >= b ? (1, 0) : (0, 1) }
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
    static func value(_ x: Double, _ p: Double) -> Double { exp(x) }
    static func derivative(_ x: Double, _ y: Double, _ p: Double) -> Double { y }
}

enum LogRule: UnaryRule {
    static func value(_ x: Double, _ p: Double) -> Double { log(x) }
    static func derivative(_ x: Double, _ y: Double, _ p: Double) -> Double { 1 / x }
}

enum SigmoidRule: UnaryRule {
    // Only ever exponentiate a non-positive number, so large |x| gives 0 or 1, never inf/inf.
    static func value(_ x: Double, _ p: Double) -> Double {
        if x >= 0 { return 1 / (1 + exp(-x)) }
        let e = exp(x)
        return e / (1 + e)
    }
    static func derivative(_ x: Double, _ y: Double, _ p: Double) -> Double { y * (1 - y) }
}

enum TanhRule: UnaryRule {
    static func value(_ x: Double, _ p: Double) -> Double { tanh(x) }
    static func derivative(_ x: Double, _ y: Double, _ p: Double) -> Double { 1 - y * y }
}

enum ReluRule: UnaryRule {
    // NaN stays NaN so a diverging run is not hidden behind a zero.
    static func value(_ x: Double, _ p: Double) -> Double { x > 0 || x.isNaN ? x : 0 }
    static func derivative(_ x: Double, _ y: Double, _ p: Double) -> Double { x > 0 ? 1 : 0 }
}
