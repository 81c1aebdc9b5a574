import Foundation

/// A number `significand × 10^exponent` held exactly, so tick values are computed and printed
/// without binary noise (3 × 0.1 is the tick "0.3", never 0.30000000000000004).
struct DecimalNumber: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// No trailing zeros (0 has exponent 0), so equal numbers have equal fields.
    let significand: Int
    let exponent: Int

    init(_ significand: Int, _ exponent: Int) {
        var s = significand, e = exponent
        if s == 0 {
            e = 0
        } else {
            while s % 10 == 0 { s /= 10; e += 1 }
        }
        self.significand = s
        self.exponent = e
    }

    /// The nearest Double (one correctly rounded operation for exponents within ±22).
    var value: Double { Self.scale(Double(significand), by: exponent) }

    /// The number as a compact tick label (see `TickFormat`).
    var description: String { TickFormat.compact(self) }

    static func < (a: DecimalNumber, b: DecimalNumber) -> Bool { a.value < b.value }

    /// `x × 10^e`, exact powers of ten where Double has them.
    static func scale(_ x: Double, by e: Int) -> Double {
        if e == 0 { return x }
        if e > 0 && e < exactPowers.count { return x * exactPowers[e] }
        if e < 0 && -e < exactPowers.count { return x / exactPowers[-e] }
        return x * pow(10, Double(e))
    }

    /// 1e0 ... 1e22: every one is exactly representable, so the products are exact too.
    private static let exactPowers: [Double] = {
        var powers: [Double] = [1]
        for _ in 1...22 { powers.append(powers[powers.count - 1] * 10) }
        return powers
    }()
}

/// Compact tick labels: `0`, `0.25`, `1.5k`, `20k`, `3M`, `1e−4`, `2.5e9`, with a real minus sign.
enum TickFormat {
    static let minus = "\u{2212}"

    static func compact(_ n: DecimalNumber) -> String {
        if n.significand == 0 { return "0" }
        let sign = n.significand < 0 ? minus : ""
        let digits = String(n.significand.magnitude)
        // The power of ten of the leading digit: 1 for 10..99, −4 for 0.0001.
        let lead = digits.count - 1 + n.exponent
        if lead >= 9 || lead < -3 {
            let mantissa = digits.count == 1 ? digits : digits.prefix(1) + "." + digits.dropFirst()
            return sign + mantissa + "e" + (lead < 0 ? minus : "") + String(lead.magnitude)
        }
        if lead >= 6 { return sign + decimal(digits, n.exponent - 6) + "M" }
        if lead >= 3 { return sign + decimal(digits, n.exponent - 3) + "k" }
        return sign + decimal(digits, n.exponent)
    }

    /// `digits × 10^exponent` written out in positional notation.
    private static func decimal(_ digits: String, _ exponent: Int) -> String {
        if exponent >= 0 { return digits + String(repeating: "0", count: exponent) }
        let fraction = -exponent
        if digits.count > fraction {
            let split = digits.index(digits.endIndex, offsetBy: -fraction)
            return digits[..<split] + "." + digits[split...]
        }
        return "0." + String(repeating: "0", count: fraction - digits.count) + digits
    }
}

/// Which values are ticks: multiples of a 1-2-5 step (linear axes), powers of ten every
/// `stride` decades, or 1, 2 and 5 times each power of ten (log axes over a short range).
enum TickPattern: Hashable, Sendable {
    case multiples(of: DecimalNumber)
    case decades(stride: Int)
    case oneTwoFive

    /// Slack for floating-point division, relative to one step.
    private static let slack = 1e-9

    /// The ticks in `lo...hi` in increasing order (empty if the range holds none or is not usable).
    func ticks(in lo: Double, _ hi: Double) -> [DecimalNumber] {
        guard lo.isFinite, hi.isFinite, lo <= hi else { return [] }
        switch self {
        case .multiples(let step):
            let s = step.value
            let first = (lo / s - Self.slack).rounded(.up), last = (hi / s + Self.slack).rounded(.down)
            guard first.isFinite, last.isFinite, abs(first) < 1e15, abs(last) < 1e15, last - first < 100_000 else { return [] }
            guard first <= last else { return [] }
            return (Int(first)...Int(last)).map { DecimalNumber($0 * step.significand, step.exponent) }
        case .decades(let stride):
            guard lo > 0 else { return [] }
            let first = Self.ceilDiv(Int((log10(lo) - Self.slack).rounded(.up)), stride)
            let last = Self.floorDiv(Int((log10(hi) + Self.slack).rounded(.down)), stride)
            guard first <= last else { return [] }
            return (first...last).map { DecimalNumber(1, $0 * stride) }
        case .oneTwoFive:
            guard lo > 0 else { return [] }
            let e0 = Int((log10(lo)).rounded(.down)) - 1, e1 = Int((log10(hi)).rounded(.up))
            guard e1 - e0 < 1000 else { return [] }
            var out: [DecimalNumber] = []
            for e in e0...e1 {
                for m in [1, 2, 5] {
                    let n = DecimalNumber(m, e)
                    let v = n.value
                    if v >= lo * (1 - Self.slack) && v <= hi * (1 + Self.slack) { out.append(n) }
                }
            }
            return out
        }
    }

    /// The largest tick `<= x` (x must be positive for the log patterns).
    func atOrBelow(_ x: Double) -> DecimalNumber {
        switch self {
        case .multiples(let step):
            let k = (x / step.value + Self.slack).rounded(.down)
            return DecimalNumber(Self.clampedInt(k) * step.significand, step.exponent)
        case .decades(let stride):
            return DecimalNumber(1, Self.floorDiv(Int((log10(x) + Self.slack).rounded(.down)), stride) * stride)
        case .oneTwoFive:
            let e = Int((log10(x) + Self.slack).rounded(.down))
            let m = x / DecimalNumber.scale(1, by: e) * (1 + Self.slack)
            return DecimalNumber(m >= 5 ? 5 : m >= 2 ? 2 : 1, e)
        }
    }

    /// The smallest tick `>= x`.
    func atOrAbove(_ x: Double) -> DecimalNumber {
        switch self {
        case .multiples(let step):
            let k = (x / step.value - Self.slack).rounded(.up)
            return DecimalNumber(Self.clampedInt(k) * step.significand, step.exponent)
        case .decades(let stride):
            return DecimalNumber(1, Self.ceilDiv(Int((log10(x) - Self.slack).rounded(.up)), stride) * stride)
        case .oneTwoFive:
            let below = atOrBelow(x)
            return below.value >= x * (1 - Self.slack) ? below : next(after: below)
        }
    }

    /// The tick after `n`.
    func next(after n: DecimalNumber) -> DecimalNumber {
        switch self {
        case .multiples(let step):
            return atOrAbove(n.value + step.value)
        case .decades(let stride):
            return DecimalNumber(1, Int((log10(n.value)).rounded()) + stride)
        case .oneTwoFive:
            let e = Int((log10(n.value) + Self.slack).rounded(.down))
            let m = n.value / DecimalNumber.scale(1, by: e)
            return m < 1.5 ? DecimalNumber(2, e) : m < 3.5 ? DecimalNumber(5, e) : DecimalNumber(1, e + 1)
        }
    }

    /// Tick indices stay far below this (labels have at most 4 significant digits); the clamp only guards the conversion.
    private static func clampedInt(_ k: Double) -> Int { k.isFinite ? Int(min(max(k, -1e15), 1e15)) : 0 }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
    private static func ceilDiv(_ a: Int, _ b: Int) -> Int { -floorDiv(-a, b) }
}

/// Choosing tick values: the Heckbert-style 1-2-5 search on linear axes, decades on log axes.
enum NiceTicks {
    /// Labels never need more significant digits than this.
    static let maxSignificantDigits = 4

    /// The smallest step of the form {1, 2, 5} × 10^k that puts at most `maxCount` ticks in
    /// `lo...hi` and is coarse enough that every tick prints with at most 4 significant digits.
    /// `minExponent` (e.g. 0 for whole training steps) rules out finer steps.
    static func linearStep(_ lo: Double, _ hi: Double, maxCount: Int, minExponent floor: Int? = nil) -> DecimalNumber {
        let maxCount = max(maxCount, 1)
        guard lo.isFinite, hi.isFinite else { return DecimalNumber(1, 0) }
        let maxAbs = max(abs(lo), abs(hi), .leastNormalMagnitude)
        let minExponent = max(Int(log10(maxAbs).rounded(.down)) - (maxSignificantDigits - 1), floor ?? Int.min)
        // hi - lo can overflow for ±1e308; halves cannot.
        let span = max(hi / 2 - lo / 2, 0) * 2
        let raw = span / Double(maxCount)
        var exponent = raw > 0 && raw.isFinite ? Int(log10(raw).rounded(.down)) - 1 : minExponent
        exponent = max(exponent, minExponent)
        for _ in 0..<700 {
            for m in [1, 2, 5] {
                let step = DecimalNumber(m, exponent)
                let s = step.value
                guard s > 0, s.isFinite else { continue }
                let count = (hi / s + 1e-9).rounded(.down) - (lo / s - 1e-9).rounded(.up) + 1
                if count <= Double(maxCount) { return step }
            }
            exponent += 1
        }
        return DecimalNumber(1, exponent)
    }

    /// At most `maxCount` 1-2-5 ticks in `lo...hi`.
    static func linear(_ lo: Double, _ hi: Double, maxCount: Int, minExponent: Int? = nil) -> (ticks: [DecimalNumber], pattern: TickPattern) {
        let pattern = TickPattern.multiples(of: linearStep(lo, hi, maxCount: maxCount, minExponent: minExponent))
        return (pattern.ticks(in: lo, hi), pattern)
    }

    /// Ticks for a log axis over positive `lo...hi`: 1-2-5 within a short range, else powers of
    /// ten every 1, 2, 3, 5, 10, 20, ... decades; `minor` holds the unlabelled grid values.
    static func log(_ lo: Double, _ hi: Double, maxCount: Int) -> (ticks: [DecimalNumber], minor: [Double], pattern: TickPattern) {
        let maxCount = max(maxCount, 2)
        guard lo > 0, hi.isFinite, lo < hi else { return ([], [], .decades(stride: 1)) }
        let decadesSpanned = log10(hi) - log10(lo)
        if decadesSpanned <= 2.2 {
            let ticks = TickPattern.oneTwoFive.ticks(in: lo, hi)
            if ticks.count >= 2 && ticks.count <= maxCount {
                return (ticks, minorValues(lo, hi, decadeStride: 1, labelled: Set(ticks)), .oneTwoFive)
            }
        }
        for stride in decadeStrides {
            let pattern = TickPattern.decades(stride: stride)
            let ticks = pattern.ticks(in: lo, hi)
            if ticks.count <= maxCount {
                if ticks.count < 2 && stride == 1 {
                    // Less than a decade: fall back to the 1-2-5 values, then to linear ticks.
                    let short = TickPattern.oneTwoFive.ticks(in: lo, hi)
                    if short.count >= 2 && short.count <= maxCount {
                        return (short, minorValues(lo, hi, decadeStride: 1, labelled: Set(short)), .oneTwoFive)
                    }
                    let linear = linear(lo, hi, maxCount: maxCount)
                    if linear.ticks.count >= 2 { return (linear.ticks, [], linear.pattern) }
                }
                return (ticks, minorValues(lo, hi, decadeStride: stride, labelled: Set(ticks)), pattern)
            }
        }
        let pattern = TickPattern.decades(stride: decadeStrides[decadeStrides.count - 1])
        return (pattern.ticks(in: lo, hi), [], pattern)
    }

    static let decadeStrides = [1, 2, 3, 5, 10, 20, 25, 50, 100, 200]

    /// The unlabelled grid values that go with `pattern` over `lo...hi`.
    static func minor(_ lo: Double, _ hi: Double, pattern: TickPattern, labelled: [DecimalNumber]) -> [Double] {
        guard lo > 0, hi > lo else { return [] }
        switch pattern {
        case .multiples: return []
        case .oneTwoFive: return minorValues(lo, hi, decadeStride: 1, labelled: Set(labelled))
        case .decades(let stride): return minorValues(lo, hi, decadeStride: stride, labelled: Set(labelled))
        }
    }

    /// 2…9 × 10^k between labelled decades (stride 1), or the skipped decades (stride > 1).
    private static func minorValues(_ lo: Double, _ hi: Double, decadeStride: Int, labelled: Set<DecimalNumber>) -> [Double] {
        var out: [Double] = []
        let e0 = Int(log10(lo).rounded(.down)), e1 = Int(log10(hi).rounded(.up))
        guard e1 - e0 < 700 else { return [] }
        for e in e0...e1 {
            let multipliers = decadeStride == 1 ? Array(1...9) : [1]
            for m in multipliers {
                let n = DecimalNumber(m, e)
                let v = n.value
                if v >= lo && v <= hi && !labelled.contains(n) { out.append(v) }
            }
        }
        return out
    }
}
