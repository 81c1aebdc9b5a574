import Foundation
import Testing
@testable import Presentation
import TestSupport

/// `%.4g` from the C library, with `DisplayNumber`'s own spelling (real minus signs, exponents
/// without `+` and leading zeros): the reference the fast formatting must equal.
private func reference(_ x: Double) -> String {
    var s = String(format: "%.4g", x)
    if let e = s.firstIndex(of: "e") {
        var mantissa = String(s[..<e])
        let exponent = String(s[s.index(after: e)...])
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        s = mantissa + "e" + (exponent.hasPrefix("-") ? "-" : "") + String(exponent.drop { "+-0".contains($0) })
    }
    return s.replacingOccurrences(of: "-", with: "−")
}

@Test func fourDigitsFromTheShortestDecimalEqualTheCLibrarysEverywhere() {
    var rng = SplitMix64(seed: 17)
    var values: [Double] = [1, -1, 0.5, 9.9995, 99.995, 0.00099995, 0.0001, 0.00001, 9999.5, 10000, 99999, 123456,
                            1e-5, 9.99949999e-5, 1.0005, 12.345, .leastNonzeroMagnitude, .greatestFiniteMagnitude, .leastNormalMagnitude, 0.1 + 0.2]
    for _ in 0..<100_000 {
        let mantissa = 1 + Double(rng.next() >> 11) / Double(1 << 53) * 9
        let exponent = Int(rng.next() % 61) - 30
        values.append(mantissa * pow(10, Double(exponent)) * (rng.next() % 2 == 0 ? 1 : -1))
    }
    for _ in 0..<50_000 {
        let bits = Double(bitPattern: rng.next())
        if bits.isFinite, bits != 0 { values.append(bits) }
    }
    // Four-digit numbers and the halves between them, where rounding is decided.
    for d in stride(from: 1000, through: 9999, by: 7) {
        for shift in -8...8 {
            values.append(Double(d) * pow(10, Double(shift)))
            values.append((Double(d) + 0.5) * pow(10, Double(shift)))
        }
    }
    var fast = 0
    for x in values {
        guard let quick = DisplayNumber.shortestSignificant4(x) else { continue }
        fast += 1
        #expect(quick == reference(x), "\(x)")
        #expect(DisplayNumber.format(x) == reference(x), "\(x)")
    }
    #expect(fast > values.count * 9 / 10)
}
