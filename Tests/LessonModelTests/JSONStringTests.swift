import Testing
@testable import LessonModel

/// JSON string literals, checked against the rules written out scalar by scalar: traces and the
/// pages' data embed them byte for byte, so the quoting must never change.
struct JSONStringTests {
    /// The rules of `JSONString.quoted`, one scalar at a time (its first form, kept as the reference).
    static func reference(_ s: String, inScript: Bool) -> String {
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

    @Test func escapesWhatJSONAndScriptsNeed() {
        #expect(JSONString.quoted("a\"b\\c\nd\re\tf\u{1}") == "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001\"")
        #expect(JSONString.quoted("</script>&\u{2028}\u{2029}\r\t", inScript: true) == "\"\\u003c/script\\u003e\\u0026\\u2028\\u2029\\u000d\\u0009\"")
        #expect(JSONString.quoted("∂L/∂w = 2·x, 中文 🙂 e\u{301}") == "\"∂L/∂w = 2·x, 中文 🙂 e\u{301}\"")
    }

    /// Random strings over the scalars that matter (and their neighbours in UTF-8: U+2027, U+202A,
    /// other three-byte scalars starting E2 80) give the reference's bytes.
    @Test func randomStringsMatchTheReference() {
        let pieces: [String] = ["a", "Z", " ", "\"", "\\", "\n", "\r", "\t", "<", ">", "&", "/", "\u{0}", "\u{1F}", "\u{7F}",
                                "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "\u{2013}", "é", "∂", "中", "🙂", "e\u{301}"]
        var state: UInt64 = 7
        for _ in 0..<3000 {
            var s = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<Int(state >> 59) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                s += pieces[Int(state >> 33) % pieces.count]
            }
            for inScript in [false, true] {
                #expect(JSONString.quoted(s, inScript: inScript) == Self.reference(s, inScript: inScript), "\(Array(s.unicodeScalars))")
            }
        }
    }
}
