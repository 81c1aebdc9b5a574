/// The title `lessons new` was given, made fit for front matter, or refused with the reason.
enum ScaffoldTitle {
    /// One line of text: line breaks and tabs become spaces, the ends are trimmed; a control
    /// character (NUL, ESC, ...), an empty title or one over `Scaffold.maxTitleLength` is refused.
    static func clean(_ raw: String) throws -> String {
        var pieces: [String] = []
        var current = ""
        for scalar in raw.unicodeScalars {
            if scalar.value == 0xFEFF { continue }  // a byte order mark: invisible, and dropped by the parser
            if isBreak(scalar) {
                pieces.append(current)
                current = ""
            } else if scalar.properties.generalCategory == .control {
                throw ScaffoldError("the title contains the control character \(hex(scalar)); a title is plain text on one line")
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        pieces.append(current)
        let title = pieces.map { $0.trimmingSpaces }.filter { !$0.isEmpty }.joined(separator: " ")
        guard !title.isEmpty else { throw ScaffoldError("the title is empty; give the lesson a title, e.g. lessons new \"Backpropagation\"") }
        guard title.count <= Scaffold.maxTitleLength else {
            throw ScaffoldError("the title is \(title.count) characters long; the limit is \(Scaffold.maxTitleLength): put the rest in the lesson")
        }
        return title
    }

    /// A YAML double-quoted scalar holding exactly `s`: `\` and `"` escaped, and anything YAML
    /// does not allow as printable text (or reads as a byte order mark) as a `\u` escape.
    static func yamlString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            default:
                if isYAMLPrintable(scalar) {
                    out.unicodeScalars.append(scalar)
                } else if scalar.value <= 0xFFFF {
                    out += "\\u" + hexDigits(scalar.value, width: 4)
                } else {
                    out += "\\U" + hexDigits(scalar.value, width: 8)
                }
            }
        }
        return out + "\""
    }

    /// Line and paragraph breaks and tabs: whitespace that cannot stand in a one-line title.
    private static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    private static func isYAMLPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    private static func hex(_ scalar: Unicode.Scalar) -> String { "U+" + hexDigits(scalar.value, width: 4) }

    private static func hexDigits(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

private extension String {
    /// Without leading and trailing spaces (and other Unicode whitespace).
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
