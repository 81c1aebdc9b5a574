/// Numbers and arrays as Python source. Every number is Swift's shortest round-trip
/// `description`, which Python reads back to the same Float64, so the generated programs start
/// from bit-identical values.
enum PythonLiteral {
    /// Lines longer than this are wrapped inside array literals.
    static let width = 100

    /// A float literal: `0.5`, `2.0`, `1e-05`, `-0.0`.
    static func float(_ x: Double) -> String {
        x.description
    }

    /// A number as the teacher would write it in an expression: `2` for whole numbers of
    /// moderate size (Python mixes ints and floats exactly), else the float literal.
    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15, !(x == 0 && x.sign == .minus) { return String(Int(x)) }
        return float(x)
    }

    /// The lines of `prefix + [ ... ] + suffix` for a tensor of `dims` (row-major `values`):
    /// a float for a scalar, a list for a vector, a list of rows for a matrix. The first layout
    /// that fits the width wins: all on one line; the same with a keyword-argument suffix
    /// (", requires_grad=True)") on a line of its own; one row per line (a long row wrapped
    /// under its first number), with the suffix at the end or on its own line.
    static func array(_ dims: [Int], _ values: [Double], prefix: String, suffix: String) -> [String] {
        let numbers = values.map(float)
        if dims.isEmpty { return [prefix + (numbers.first ?? "0.0") + suffix] }
        // A keyword argument after the array can go on its own line, under the array's bracket.
        var candidates = [suffix]
        if suffix.hasPrefix(", ") { candidates.append(",") }
        func withKeyword(_ lines: [String], _ end: String) -> [String] {
            end == suffix ? lines : lines + [String(repeating: " ", count: prefix.count) + suffix.dropFirst(2)]
        }
        func fits(_ lines: [String]) -> Bool { lines.allSatisfy { $0.count <= width } }
        if dims.count == 1 {
            let layouts = candidates.map { end in
                (lines: wrapped(numbers, first: prefix + "[", indent: prefix.count + 1, last: "]" + end), end: end)
            }
            let unbroken = layouts.filter { $0.lines.count == 1 }.map { withKeyword($0.lines, $0.end) }
            let all = unbroken + layouts.filter { $0.end == candidates[candidates.count - 1] }.map { withKeyword($0.lines, $0.end) }
            return all.first(where: fits) ?? all[all.count - 1]
        }
        let cols = max(dims.count == 2 ? dims[1] : 1, 1)
        let rows = stride(from: 0, to: numbers.count, by: cols).map { Array(numbers[$0..<min($0 + cols, numbers.count)]) }
        let body = "[" + rows.map { "[" + $0.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
        var layouts = candidates.map { withKeyword([prefix + body + $0], $0) }
        var wrappedRows: [[String]] = []
        // Beyond one line, a keyword argument reads best on a line of its own.
        for end in candidates.count > 1 ? [","] : candidates {
            let indent = prefix.count + 1
            var lines: [String] = []
            for (r, row) in rows.enumerated() {
                let head = r == 0 ? prefix + "[[" : String(repeating: " ", count: indent) + "["
                let tail = r == rows.count - 1 ? "]]" + end : "],"
                lines += wrapped(row, first: head, indent: indent + 1, last: tail)
            }
            // A row broken over lines reads worse than a keyword argument on a line of its own.
            if lines.count == rows.count { layouts.append(withKeyword(lines, end)) } else { wrappedRows.append(withKeyword(lines, end)) }
        }
        layouts += wrappedRows
        return layouts.first(where: fits) ?? layouts[layouts.count - 1]
    }

    /// `first` + items separated by ", " + `last`, broken into lines of at most `width`
    /// (continuation lines start at column `indent`).
    static func wrapped(_ numbers: [String], first: String, indent: Int, last: String, width: Int = width) -> [String] {
        var lines: [String] = []
        var line = first
        var lineHasNumber = false
        for (i, n) in numbers.enumerated() {
            let piece = n + (i == numbers.count - 1 ? last : ",")
            if lineHasNumber, line.count + 1 + piece.count > width {
                lines.append(line)
                line = String(repeating: " ", count: indent) + piece
            } else {
                line += (lineHasNumber ? " " : "") + piece
            }
            lineHasNumber = true
        }
        if numbers.isEmpty { line += last }
        lines.append(line)
        return lines
    }

    /// A Python string literal in double quotes (for names in print calls and file names).
    /// Control characters (NUL, line breaks, ...) are escaped: Python refuses a NUL anywhere in
    /// a program, and a raw line break would end the literal.
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out += isUnsafe(scalar) ? escape(scalar) : String(scalar)
            }
        }
        return out + "\""
    }

    /// Text for a comment or docstring line: every control or line-separator character shown
    /// as its escape (`\x00`), so the text stays on its line and the program stays valid Python.
    static func inert(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            if isUnsafe(scalar) { out += escape(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// `\xNN` or `\uNNNN`: valid in a Python string literal, readable in a comment.
    private static func escape(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16)
        if scalar.value <= 0xFF { return "\\x" + String(repeating: "0", count: 2 - digits.count) + digits }
        return "\\u" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

extension PythonLiteral {
    /// A float as Python's `repr` (and `print`) writes it: the shortest round-trip digits, like
    /// Swift's `description`, but in exponent form only below 1e-4 or from 1e16 on (Swift
    /// switches at 2^53), as in `1e-05`, `1.5e+16`, `123.0`.
    package static func repr(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        if x == 0 { return x.sign == .minus ? "-0.0" : "0.0" }
        // Swift's shortest digits, as a digit string and a decimal exponent: x = 0.d1d2... × 10^point.
        let text = abs(x).description
        let mantissa = text.split(separator: "e").first.map(String.init) ?? text
        var exponent = text.split(separator: "e").dropFirst().first.flatMap { Int($0) } ?? 0
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let whole = parts.first ?? "", fraction = parts.count > 1 ? parts[1] : ""
        exponent += whole.count
        var digits = whole + fraction
        while digits.hasPrefix("0") { digits.removeFirst(); exponent -= 1 }
        while digits.hasSuffix("0") { digits.removeLast() }
        if digits.isEmpty { return x.sign == .minus ? "-0.0" : "0.0" }
        let sign = x < 0 ? "-" : ""
        let scientific = exponent - 1
        if scientific < -4 || scientific >= 16 {
            let head = String(digits.prefix(1)), tail = String(digits.dropFirst())
            let e = abs(scientific) < 10 ? "0\(abs(scientific))" : "\(abs(scientific))"
            return sign + head + (tail.isEmpty ? "" : "." + tail) + "e" + (scientific < 0 ? "-" : "+") + e
        }
        if exponent <= 0 { return sign + "0." + String(repeating: "0", count: -exponent) + digits }
        if exponent >= digits.count { return sign + digits + String(repeating: "0", count: exponent - digits.count) + ".0" }
        return sign + String(digits.prefix(exponent)) + "." + String(digits.dropFirst(exponent))
    }
}
