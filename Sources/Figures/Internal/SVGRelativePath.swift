/// Path data in tenths of a pixel, relative to the current point: `M6.97-5.2L10.52 0L7.77 0ZM6.97-5.2`
/// as `m7-5.2l3.5 5.2h-2.7z`. Glyph outlines and chart geometry are most of a figure's bytes; a
/// tenth of a pixel is still finer than a screen (or a 600 dpi printer at 100%) shows, and
/// relative numbers are short. Each point is rounded to tenths in absolute coordinates before it
/// is made relative, so rounding errors never add up along a path.
///
/// Only Cairo's own vocabulary is rewritten (absolute `M`, `L`, `C`, `Z` with plain decimals);
/// anything else comes back nil and the caller keeps the path as it was.
enum SVGRelativePath {
    static func encode(_ d: ArraySlice<UInt8>) -> [UInt8]? {
        // The commands as two flat lists (each letter, then its numbers in order), not an array
        // per command: a figure has tens of thousands of commands, and this runs on all of them.
        var letters: [UInt8] = [], numbers: [Int] = []
        letters.reserveCapacity(d.count / 8)
        numbers.reserveCapacity(d.count / 3)
        guard parse(d, letters: &letters, numbers: &numbers) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(d.count / 2)
        var current = (x: 0, y: 0), start = (x: 0, y: 0)
        var previousLetter: UInt8 = 0
        // Whether the last number written has a decimal point; nil when a letter came after it.
        var previousHasDot: Bool? = nil
        var first = 0  // where this command's numbers start in `numbers`
        for (index, commandLetter) in letters.enumerated() {
            if commandLetter == UInt8(ascii: "M"), index == letters.count - 1, index > 0 { break }  // a trailing move draws nothing
            if commandLetter == UInt8(ascii: "Z") {
                out.append(UInt8(ascii: "z"))
                previousLetter = UInt8(ascii: "z")
                previousHasDot = nil
                current = start
                continue
            }
            let count = commandLetter == UInt8(ascii: "C") ? 6 : 2
            var letter = commandLetter | 0x20  // lower case: relative
            // A line along an axis is `h` or `v` with one number: glyph stems and chart rules are most lines.
            var only: Int? = nil
            if letter == UInt8(ascii: "l") {
                let dx = numbers[first] - current.x, dy = numbers[first + 1] - current.y
                if dy == 0 { letter = UInt8(ascii: "h"); only = dx } else if dx == 0 { letter = UInt8(ascii: "v"); only = dy }
            }
            // A repeated letter may be left out; after `m` further pairs would be line-tos, so `m` always stays.
            if letter != previousLetter || letter == UInt8(ascii: "m") {
                out.append(letter)
                previousHasDot = nil
            }
            previousLetter = letter
            if let only {
                appendNumber(only, to: &out, after: &previousHasDot)
            } else {
                for k in 0..<count {
                    appendNumber(numbers[first + k] - (k % 2 == 0 ? current.x : current.y), to: &out, after: &previousHasDot)
                }
            }
            current = (numbers[first + count - 2], numbers[first + count - 1])
            if letter == UInt8(ascii: "m") { start = current }
            first += count
        }
        return out
    }

    /// Writes `tenths` spelled, with a space before it when the number before it needs one: a
    /// number that starts with a sign, or with a dot while the one before has a dot, needs none.
    private static func appendNumber(_ tenths: Int, to out: inout [UInt8], after previousHasDot: inout Bool?) {
        let magnitude = tenths.magnitude
        let hasDot = magnitude % 10 != 0
        if let previous = previousHasDot {
            let startsWithSign = tenths < 0
            let startsWithDot = tenths > 0 && magnitude < 10
            if !(startsWithSign || (startsWithDot && previous)) { out.append(UInt8(ascii: " ")) }
        }
        appendSpelled(tenths, to: &out)
        previousHasDot = hasDot
    }

    /// Each command's letter, and its numbers (in tenths) in order, or false if the data is not
    /// Cairo's vocabulary; also false for data without any command.
    private static func parse(_ d: ArraySlice<UInt8>, letters: inout [UInt8], numbers: inout [Int]) -> Bool {
        var i = d.startIndex
        while i < d.endIndex {
            let b = d[i]
            if b == UInt8(ascii: " ") || b == UInt8(ascii: ",") || b == UInt8(ascii: "\n") {
                i += 1
                continue
            }
            let arity: Int
            switch b {
            case UInt8(ascii: "M"), UInt8(ascii: "L"): arity = 2
            case UInt8(ascii: "C"): arity = 6
            case UInt8(ascii: "Z"): arity = 0
            default:
                // A number after a command's own arguments would be an implicit repeat: not Cairo's.
                return false
            }
            i += 1
            for _ in 0..<arity {
                while i < d.endIndex, d[i] == UInt8(ascii: " ") || d[i] == UInt8(ascii: ",") { i += 1 }
                guard let (value, end) = number(d, at: i) else { return false }
                numbers.append(value)
                i = end
            }
            letters.append(b)
        }
        return !letters.isEmpty
    }

    /// A plain decimal (`-12.345`, `.5`) at `i` in tenths, rounded half away from zero on its digits.
    private static func number(_ d: ArraySlice<UInt8>, at start: Int) -> (Int, Int)? {
        var i = start
        var negative = false
        if i < d.endIndex, d[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        var integer = 0, digits = 0
        while i < d.endIndex, let digit = digitValue(d[i]) {
            guard integer < 100_000_000 else { return nil }
            integer = integer * 10 + digit
            digits += 1
            i += 1
        }
        var tenth = 0, roundUp = false
        if i < d.endIndex, d[i] == UInt8(ascii: ".") {
            i += 1
            var position = 0
            while i < d.endIndex, let digit = digitValue(d[i]) {
                if position == 0 { tenth = digit } else if position == 1 { roundUp = digit >= 5 }
                position += 1
                digits += 1
                i += 1
            }
        }
        guard digits > 0 else { return nil }
        if i < d.endIndex, d[i] == UInt8(ascii: "e") || d[i] == UInt8(ascii: "E") { return nil }
        let magnitude = integer * 10 + tenth + (roundUp ? 1 : 0)
        return (negative ? -magnitude : magnitude, i)
    }

    /// A whole attribute value as tenths, or nil if it is not one plain decimal.
    static func tenths(_ value: ArraySlice<UInt8>) -> Int? {
        guard let (tenths, end) = number(value, at: value.startIndex), end == value.endIndex else { return nil }
        return tenths
    }

    private static func digitValue(_ b: UInt8) -> Int? {
        b >= 0x30 && b <= 0x39 ? Int(b - 0x30) : nil
    }

    /// Tenths as the shortest decimal: 25 → `2.5`, 5 → `.5`, -5 → `-.5`, 30 → `3`.
    static func spelled(_ tenths: Int) -> [UInt8] {
        var out: [UInt8] = []
        appendSpelled(tenths, to: &out)
        return out
    }

    /// Appends `spelled(tenths)` to `out`, without making an array of its own.
    static func appendSpelled(_ tenths: Int, to out: inout [UInt8]) {
        let magnitude = tenths.magnitude
        if tenths < 0 { out.append(UInt8(ascii: "-")) }
        let whole = magnitude / 10, fraction = magnitude % 10
        if whole > 0 || fraction == 0 {
            // The whole part's digits, most significant first (at most 20 for a UInt).
            var divisor: UInt = 1
            while whole / divisor >= 10 { divisor *= 10 }
            var rest = whole
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8(rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }
        if fraction > 0 {
            out.append(UInt8(ascii: "."))
            out.append(UInt8(ascii: "0") + UInt8(fraction))
        }
    }
}
