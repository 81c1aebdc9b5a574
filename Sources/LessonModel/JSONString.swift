/// JSON string literals (RFC 8259) in one place: traces (Training) and the data pages embed
/// (Site) both write them. It lives here, the lowest target both import.
package enum JSONString {
    /// `s` as a quoted JSON string. With `inScript`, `<`, `>`, `&`, U+2028 and U+2029 are
    /// escaped too (and tab and CR as `\u` escapes), so the literal can sit in a `<script>`
    /// element: no `</script>` can appear.
    package static func quoted(_ s: String, inScript: Bool = false) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r" where !inScript: out += "\\r"
            case "\t" where !inScript: out += "\\t"
            case "<" where inScript: out += "\\u003c"
            case ">" where inScript: out += "\\u003e"
            case "&" where inScript: out += "\\u0026"
            default:
                if scalar.value < 0x20 || (inScript && (scalar.value == 0x2028 || scalar.value == 0x2029)) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
