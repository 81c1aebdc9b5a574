/// Cairo writes SVG coordinates with six decimals (glyph outlines, curves, colours in percent);
/// a hundredth of a pixel is finer than any screen or printer shows, and the shorter numbers
/// make figures about a fifth smaller. Rounding is done on the digits, so it is exact and the
/// same on every platform.
enum SVGNumbers {
    static let decimals = 2

    /// `bytes` with every number of more than `decimals` decimals rounded (half up) to that many,
    /// trailing zeros dropped; `-0` becomes `0`.
    static func rounded(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var digits: [UInt8] = []
        var i = 0
        let n = bytes.count
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        while i < n {
            let b = bytes[i]
            // A number starts at a digit not preceded by a digit, a dot or a letter (ids like g1).
            guard isDigit(b), i == 0 || !(isDigit(bytes[i - 1]) || bytes[i - 1] == UInt8(ascii: ".") || isLetter(bytes[i - 1])) else {
                out.append(b)
                i += 1
                continue
            }
            var end = i
            while end < n, isDigit(bytes[end]) { end += 1 }
            guard end + 1 < n, bytes[end] == UInt8(ascii: "."), isDigit(bytes[end + 1]) else {
                out += bytes[i..<end]
                i = end
                continue
            }
            var fractionEnd = end + 1
            while fractionEnd < n, isDigit(bytes[fractionEnd]) { fractionEnd += 1 }
            if fractionEnd - end - 1 <= decimals {
                out += bytes[i..<fractionEnd]
                i = fractionEnd
                continue
            }
            // Integer digits and the kept decimals as one digit string, rounded by the next digit
            // (in one buffer reused for every number: a figure has tens of thousands of them).
            digits.removeAll(keepingCapacity: true)
            digits += bytes[i..<end]
            digits += bytes[(end + 1)..<(end + 1 + decimals)]
            if bytes[end + 1 + decimals] >= UInt8(ascii: "5") {
                var k = digits.count - 1
                while k >= 0 {
                    if digits[k] == UInt8(ascii: "9") { digits[k] = UInt8(ascii: "0"); k -= 1 } else { digits[k] += 1; break }
                }
                if k < 0 { digits.insert(UInt8(ascii: "1"), at: 0) }
            }
            // The integer part without leading zeros (one kept), the fraction without trailing ones.
            let point = digits.count - decimals
            var first = 0
            while point - first > 1, digits[first] == UInt8(ascii: "0") { first += 1 }
            var last = digits.count
            while last > point, digits[last - 1] == UInt8(ascii: "0") { last -= 1 }
            if point - first == 1, digits[first] == UInt8(ascii: "0"), last == point, out.last == UInt8(ascii: "-") { out.removeLast() }
            out += digits[first..<point]
            if last > point { out.append(UInt8(ascii: ".")); out += digits[point..<last] }
            i = fractionEnd
        }
        return out
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F }
}
