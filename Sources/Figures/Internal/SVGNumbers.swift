/// Cairo writes SVG coordinates with six decimals (glyph outlines, curves, colours in percent);
/// a hundredth of a pixel is finer than any screen or printer shows, and the shorter numbers
/// make figures about a fifth smaller. Rounding is done on the digits, so it is exact and the
/// same on every platform.
enum SVGNumbers {
    static let decimals = 2

    /// `bytes` with every number of more than `decimals` decimals rounded (half up) to that many,
    /// trailing zeros dropped; `-0` becomes `0`.
    static func rounded(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { input in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { rounded(input, scratch: $0) }
        }
    }

    /// `scratch` holds a number's digits with one place in front for a carry.
    private static func rounded(_ bytes: UnsafeBufferPointer<UInt8>, scratch: UnsafeMutableBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var digits: [UInt8] = []
        var i = 0
        // Bytes from `copied` up to `i` go out unchanged, in one copy when something else comes.
        var copied = 0
        let n = bytes.count
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        func flush(to end: Int) {
            if end > copied { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<end])) }
            copied = end
        }
        while i < n {
            let b = bytes[i]
            // A number starts at a digit not preceded by a digit, a dot or a letter (ids like g1).
            guard isDigit(b), i == 0 || !(isDigit(bytes[i - 1]) || bytes[i - 1] == UInt8(ascii: ".") || isLetter(bytes[i - 1])) else {
                i += 1
                continue
            }
            var end = i
            while end < n, isDigit(bytes[end]) { end += 1 }
            guard end + 1 < n, bytes[end] == UInt8(ascii: "."), isDigit(bytes[end + 1]) else {
                i = end
                continue
            }
            var fractionEnd = end + 1
            while fractionEnd < n, isDigit(bytes[fractionEnd]) { fractionEnd += 1 }
            if fractionEnd - end - 1 <= decimals {
                i = fractionEnd
                continue
            }
            flush(to: i)
            let length = end - i + decimals
            if length < scratch.count {
                // Integer digits and the kept decimals as one digit string, rounded by the next
                // digit, in a buffer on the stack (a figure has tens of thousands of numbers).
                for k in 0..<(end - i) { scratch[k + 1] = bytes[i + k] }
                for k in 0..<decimals { scratch[end - i + 1 + k] = bytes[end + 1 + k] }
                var digitsStart = 1, digitsEnd = length + 1
                if bytes[end + 1 + decimals] >= UInt8(ascii: "5") {
                    var k = digitsEnd - 1
                    while k >= 1 {
                        if scratch[k] == UInt8(ascii: "9") { scratch[k] = UInt8(ascii: "0"); k -= 1 } else { scratch[k] += 1; break }
                    }
                    if k < 1 { scratch[0] = UInt8(ascii: "1"); digitsStart = 0 }
                }
                // The integer part without leading zeros (one kept), the fraction without trailing ones.
                let point = digitsEnd - decimals
                while point - digitsStart > 1, scratch[digitsStart] == UInt8(ascii: "0") { digitsStart += 1 }
                let last = digitsEnd
                digitsEnd = point
                for k in stride(from: last - 1, through: point, by: -1) where scratch[k] != UInt8(ascii: "0") { digitsEnd = k + 1; break }
                if point - digitsStart == 1, scratch[digitsStart] == UInt8(ascii: "0"), digitsEnd == point, out.last == UInt8(ascii: "-") { out.removeLast() }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[digitsStart..<point]))
                if digitsEnd > point {
                    out.append(UInt8(ascii: "."))
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[point..<digitsEnd]))
                }
                i = fractionEnd
                copied = fractionEnd
                continue
            }
            // Integer digits and the kept decimals as one digit string, rounded by the next digit.
            digits.removeAll(keepingCapacity: true)
            digits.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
            digits.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(end + 1)..<(end + 1 + decimals)]))
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
            copied = fractionEnd
        }
        flush(to: n)
        return out
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F }
}
