import Foundation
import Site

/// Numbers as people read them: 4 significant digits, a real minus sign, no `+` in exponents.
/// (Traces keep every digit; this is only for pages and pictures.)
package enum DisplayNumber {
    package static func format(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x < 0 ? "−∞" : "∞") }
        if x == 0 { return "0" }
        if let fast = shortestSignificant4(x) { return fast }
        var s = significant4(x)
        if let e = s.firstIndex(of: "e") {
            var mantissa = String(s[..<e])
            var exponent = String(s[s.index(after: e)...])
            let negative = exponent.hasPrefix("-")
            exponent = String(exponent.drop { $0 == "+" || $0 == "-" || $0 == "0" })
            if mantissa.contains(".") {
                while mantissa.hasSuffix("0") { mantissa.removeLast() }
                if mantissa.hasSuffix(".") { mantissa.removeLast() }
            }
            s = mantissa + "e" + (negative ? "-" : "") + exponent
        }
        return s.contains("-") ? String(s.map { $0 == "-" ? "−" : $0 }) : s
    }

    /// What `format` gives, from the shortest decimal that is `x` (Swift's `description`) rounded
    /// to four digits, or nil when that decimal is a tie after its fourth digit: then only the
    /// binary value can say which way `%.4g` rounds. (No other decimal lies between `x` and its
    /// shortest form that could round differently: five-digit decimals are far wider apart than
    /// a normal double's precision.) The C library's formatting was most of a page's number work.
    static func shortestSignificant4(_ x: Double) -> String? {
        // Subnormal numbers have too few bits for that (5e-324 is 4.941e-324).
        guard x.isNormal else { return nil }
        let text = x.magnitude.description.utf8
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        var pointAt: Int?
        var exponent = 0
        var i = text.startIndex
        while i != text.endIndex {
            let c = text[i]
            if c == UInt8(ascii: ".") {
                pointAt = digits.count
            } else if c == UInt8(ascii: "e") {
                guard let e = Int(String(decoding: text[text.index(after: i)...], as: UTF8.self)) else { return nil }
                exponent = e
                break
            } else if c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") {
                digits.append(c - UInt8(ascii: "0"))
            } else {
                return nil
            }
            i = text.index(after: i)
        }
        // The value is 0.d1d2... x 10^scale; leading zeros go.
        var scale = (pointAt ?? digits.count) + exponent
        while let first = digits.first, first == 0 {
            digits.removeFirst()
            scale -= 1
        }
        while let last = digits.last, last == 0 { digits.removeLast() }
        guard !digits.isEmpty else { return nil }
        if digits.count > 4 {
            let tail = digits[4...]
            if tail.first == 5, tail.dropFirst().allSatisfy({ $0 == 0 }) { return nil }
            let up = tail.first.map { $0 >= 5 } ?? false
            digits.removeLast(digits.count - 4)
            if up {
                var k = 3
                while k >= 0, digits[k] == 9 { digits[k] = 0; k -= 1 }
                if k < 0 { digits.insert(1, at: 0); digits.removeLast(); scale += 1 } else { digits[k] += 1 }
            }
            while let last = digits.last, last == 0 { digits.removeLast() }
        }
        let x10 = scale - 1  // the exponent of d1.d2d3d4
        var out = x < 0 ? "−" : ""
        func append(_ range: Range<Int>) { for k in range { out.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: "0") + (k < digits.count ? digits[k] : 0))) } }
        if x10 < -4 || x10 >= 4 {
            append(0..<1)
            if digits.count > 1 { out += "."; append(1..<digits.count) }
            out += "e" + (x10 < 0 ? "−" : "") + String(x10.magnitude)
        } else if x10 < 0 {
            out += "0." + String(repeating: "0", count: -x10 - 1)
            append(0..<digits.count)
        } else {
            append(0..<(x10 + 1))
            if digits.count > x10 + 1 { out += "."; append((x10 + 1)..<digits.count) }
        }
        return out
    }

    /// `%.4g` from the C library: what `String(format:)` gives, without Foundation's formatter
    /// (pages show thousands of numbers, and that was a tenth of a cold build).
    private static func significant4(_ x: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 40) { buffer in
            guard let base = buffer.baseAddress,
                  withVaList([x], { vsnprintf(base, 40, "%.4g", $0) }) > 0 else { return String(format: "%.4g", x) }
            return String(cString: base)
        }
    }

    /// A probability as a percentage: `62%`, with a decimal where rounding would claim certainty (`99.8%`, `0.3%`).
    package static func percent(_ p: Double) -> String {
        guard p.isFinite else { return "–" }
        let whole = (p * 100).rounded()
        if (whole == 100 && p < 1) || (whole == 0 && p > 0) {
            return String(format: "%.1f%%", min(max(p * 100, 0.1), 99.9))
        }
        return "\(Int(whole))%"
    }

    /// A count with thousands separators: `50,000`.
    package static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "−" : "") + out
    }

    /// A shape as the engine's dims: `scalar`, `vector of 3`, `2x3`.
    package static func shape(_ dims: [Int], words: Words = .english) -> String {
        switch dims.count {
        case 0: return words.scalar
        case 1: return words.vectorOf(dims[0])
        default: return dims.map(String.init).joined(separator: "x")
        }
    }
}

/// A tensor's numbers as a few lines of text: the whole thing when it is at most 4x4,
/// otherwise its shape and a summary.
package enum TensorText {
    static let maxSide = 4
    /// An exercise's worked answer has the width of the text for a grid (the asked entry may be any).
    static let exerciseSide = ExerciseView.gridSide

    package static func lines(label: String, dims: [Int], values: [Double], words: Words = .english, side: Int = maxSide) -> [String] {
        if dims.isEmpty, let v = values.first { return ["\(label) \(DisplayNumber.format(v))"] }
        let rows = dims.count == 2 ? dims[0] : 1
        let cols = dims.count == 2 ? dims[1] : (dims.first ?? values.count)
        guard rows <= side, cols <= side, rows * cols == values.count else {
            return ["\(label) \(DisplayNumber.shape(dims, words: words))", summary(values, words: words)]
        }
        let cells = values.map(DisplayNumber.format)
        let width = cells.map(\.count).max() ?? 1
        let padded = cells.map { String(repeating: " ", count: width - $0.count) + $0 }
        let rowText = (0..<rows).map { r in "[" + padded[(r * cols)..<((r + 1) * cols)].joined(separator: " ") + "]" }
        if dims.count == 1 { return ["\(label) " + rowText[0]] }
        return ["\(label) \(DisplayNumber.shape(dims, words: words))"] + rowText
    }

    /// One line: the values' range and mean.
    package static func summary(_ values: [Double], words: Words = .english) -> String {
        guard let lo = values.min(), let hi = values.max() else { return "(empty)" }
        let mean = values.reduce(0, +) / Double(values.count)
        return words.meanRange(DisplayNumber.format(mean), DisplayNumber.format(lo), DisplayNumber.format(hi))
    }

    /// A single-line form for tables and equations.
    package static func inline(dims: [Int], values: [Double], words: Words = .english) -> String {
        if dims.isEmpty, let v = values.first { return DisplayNumber.format(v) }
        let rows = dims.count == 2 ? dims[0] : 1
        let cols = dims.count == 2 ? dims[1] : (dims.first ?? values.count)
        guard rows <= maxSide, cols <= maxSide, rows * cols == values.count else {
            return "\(DisplayNumber.shape(dims, words: words)): \(summary(values, words: words))"
        }
        let rowText = (0..<rows).map { r in "[" + values[(r * cols)..<((r + 1) * cols)].map(DisplayNumber.format).joined(separator: ", ") + "]" }
        return dims.count == 1 ? rowText[0] : "[" + rowText.joined(separator: ", ") + "]"
    }
}
