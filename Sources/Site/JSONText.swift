/// JSON for data embedded in pages (`<script type="application/json">`): strings escaped so
/// that nothing inside can end the script element.
enum JSONText {
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "<": out += "\\u003c"  // no "</script>" can appear
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `[["a","b"],["c"]]`
    static func lines(_ nested: [[String]]) -> String {
        "[" + nested.map { "[" + $0.map(string).joined(separator: ",") + "]" }.joined(separator: ",") + "]"
    }
}
