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
        guard let commands = parse(d) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(d.count / 2)
        var current = (x: 0, y: 0), start = (x: 0, y: 0)
        var previousLetter: UInt8 = 0
        var previousNumber: [UInt8]? = nil
        for (index, command) in commands.enumerated() {
            if command.letter == UInt8(ascii: "M"), index == commands.count - 1, index > 0 { break }  // a trailing move draws nothing
            if command.letter == UInt8(ascii: "Z") {
                out.append(UInt8(ascii: "z"))
                previousLetter = UInt8(ascii: "z")
                previousNumber = nil
                current = start
                continue
            }
            var letter = command.letter | 0x20  // lower case: relative
            var deltas: [Int] = []
            for pair in stride(from: 0, to: command.tenths.count, by: 2) {
                deltas += [command.tenths[pair] - current.x, command.tenths[pair + 1] - current.y]
            }
            // A line along an axis is `h` or `v` with one number: glyph stems and chart rules are most lines.
            if letter == UInt8(ascii: "l") {
                if deltas[1] == 0 { letter = UInt8(ascii: "h"); deltas = [deltas[0]] }
                else if deltas[0] == 0 { letter = UInt8(ascii: "v"); deltas = [deltas[1]] }
            }
            // A repeated letter may be left out; after `m` further pairs would be line-tos, so `m` always stays.
            if letter != previousLetter || letter == UInt8(ascii: "m") {
                out.append(letter)
                previousNumber = nil
            }
            previousLetter = letter
            for delta in deltas {
                let number = spelled(delta)
                if let previous = previousNumber, needsSeparator(previous, number) { out.append(UInt8(ascii: " ")) }
                out += number
                previousNumber = number
            }
            current = (command.tenths[command.tenths.count - 2], command.tenths[command.tenths.count - 1])
            if letter == UInt8(ascii: "m") { start = current }
        }
        return out
    }

    private struct Command {
        var letter: UInt8
        var tenths: [Int]
    }

    private static func parse(_ d: ArraySlice<UInt8>) -> [Command]? {
        var commands: [Command] = []
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
                return nil
            }
            i += 1
            var tenths: [Int] = []
            while tenths.count < arity {
                while i < d.endIndex, d[i] == UInt8(ascii: " ") || d[i] == UInt8(ascii: ",") { i += 1 }
                guard let (value, end) = number(d, at: i) else { return nil }
                tenths.append(value)
                i = end
            }
            commands.append(Command(letter: b, tenths: tenths))
        }
        return commands.isEmpty ? nil : commands
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
        let magnitude = tenths.magnitude
        var out: [UInt8] = tenths < 0 ? [UInt8(ascii: "-")] : []
        let whole = magnitude / 10, fraction = magnitude % 10
        if whole > 0 || fraction == 0 { out += Array(String(whole).utf8) }
        if fraction > 0 { out += [UInt8(ascii: "."), UInt8(ascii: "0") + UInt8(fraction)] }
        return out
    }

    /// Two numbers need a space between them unless the second starts with a sign, or with a dot
    /// while the first already has one.
    private static func needsSeparator(_ previous: [UInt8], _ number: [UInt8]) -> Bool {
        if number.first == UInt8(ascii: "-") { return false }
        if number.first == UInt8(ascii: "."), previous.contains(UInt8(ascii: ".")) { return false }
        return true
    }
}
