/// The scanning half of `CSVTable`: lines, fields, quotes and numbers over UTF-8 bytes, with
/// 1-based line and column (counted in Unicode scalars) for every error.
struct CSVScanner {
    /// One field of a line: its text without quotes and surrounding blanks, where it starts,
    /// and whether it was quoted.
    struct Field {
        let text: String
        let column: Int
        let quoted: Bool
    }

    /// One line: its bytes (without the line break) and its 1-based number.
    struct Line {
        let bytes: ArraySlice<UInt8>
        let number: Int
        /// True when the line holds nothing but spaces and tabs.
        var isBlank: Bool { bytes.allSatisfy { $0 == space || $0 == tab } }
    }

    static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), space = UInt8(ascii: " "),
        tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    /// The text's lines, split at "\n" with a trailing "\r" dropped (so "\r\n" files work),
    /// after a UTF-8 byte order mark is skipped.
    static func lines(_ text: String) -> [Line] {
        var bytes = Array(text.utf8)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var lines: [Line] = []
        var start = bytes.startIndex
        var number = 1
        while start <= bytes.endIndex {
            let end = bytes[start...].firstIndex(of: newline) ?? bytes.endIndex
            var line = bytes[start..<end]
            if line.last == carriageReturn { line = line.dropLast() }
            lines.append(Line(bytes: line, number: number))
            number += 1
            start = end + 1
        }
        return lines
    }

    /// The comma-separated fields of a line. A field may be wrapped in double quotes (then it
    /// may hold commas, and "" stands for one quote); blanks around fields are ignored.
    static func fields(of line: Line) throws(CSVError) -> [Field] {
        let bytes = line.bytes
        var fields: [Field] = []
        var i = bytes.startIndex
        var column = 1  // column of bytes[i]
        func advance() {
            // A new column starts at every byte that is not a UTF-8 continuation byte, and
            // at the end of the line (where a missing value would go).
            i += 1
            if i == bytes.endIndex || bytes[i] & 0xC0 != 0x80 { column += 1 }
        }
        func skipBlanks() { while i < bytes.endIndex, bytes[i] == space || bytes[i] == tab { advance() } }
        while true {
            skipBlanks()
            let start = column
            var text: [UInt8] = []
            var quoted = false
            if i < bytes.endIndex, bytes[i] == quote {
                quoted = true
                advance()
                var closed = false
                while i < bytes.endIndex {
                    if bytes[i] == quote {
                        advance()
                        guard i < bytes.endIndex, bytes[i] == quote else { closed = true; break }
                    }
                    text.append(bytes[i])
                    advance()
                }
                guard closed else { throw CSVError(line.number, start, "this quote is not closed on its line") }
                skipBlanks()
                if i < bytes.endIndex, bytes[i] != comma {
                    throw CSVError(line.number, column, "expected a comma after the closing quote")
                }
            } else {
                while i < bytes.endIndex, bytes[i] != comma {
                    text.append(bytes[i])
                    advance()
                }
                while let last = text.last, last == space || last == tab { text.removeLast() }
            }
            fields.append(Field(text: String(decoding: text, as: UTF8.self), column: start, quoted: quoted))
            guard i < bytes.endIndex else { return fields }
            advance()  // past the comma
        }
    }

    /// The column just after the line's last character: where a missing value would go.
    static func endColumn(of line: Line) -> Int {
        line.bytes.reduce(1) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
    }

    /// The number in a cell: an optional sign, digits with an optional decimal point, an
    /// optional exponent ("-1.5", "2e-3", ".5"). Anything else (also "nan", "inf", "0x10")
    /// is nil: a lesson's data should be plain decimal numbers.
    static func number(_ text: String) -> Double? {
        var digits = 0, sawPoint = false, sawExponent = false, exponentDigits = 0
        var previous: UInt8 = 0
        for (index, c) in text.utf8.enumerated() {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if sawExponent { exponentDigits += 1 } else { digits += 1 }
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard index == 0 || previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E") else { return nil }
            case UInt8(ascii: "."):
                guard !sawPoint, !sawExponent else { return nil }
                sawPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard !sawExponent, digits > 0 else { return nil }
                sawExponent = true
            default:
                return nil
            }
            previous = c
        }
        guard digits > 0, !sawExponent || exponentDigits > 0 else { return nil }
        return Double(text)
    }
}
