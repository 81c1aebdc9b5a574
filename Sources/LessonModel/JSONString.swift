/// JSON string literals (RFC 8259) in one place: traces (Training) and the data pages embed
/// (Site) both write them. It lives here, the lowest target both import.
package enum JSONString {
    /// `s` as a quoted JSON string. With `inScript`, `<`, `>`, `&`, U+2028 and U+2029 are
    /// escaped too (and tab and CR as `\u` escapes), so the literal can sit in a `<script>`
    /// element: no `</script>` can appear.
    package static func quoted(_ s: String, inScript: Bool = false) -> String {
        // Over UTF-8 bytes, copying runs that need no escape whole: traces hold millions of
        // characters, and appending scalar by scalar was a tenth of a build of a large lesson.
        var s = s
        return s.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 2)
            out.append(UInt8(ascii: "\""))
            var runStart = 0, i = 0
            func escape(_ text: String, skipping count: Int) {
                out.append(contentsOf: bytes[runStart..<i])
                out.append(contentsOf: text.utf8)
                i += count
                runStart = i
            }
            while i < bytes.count {
                let byte = bytes[i]
                switch byte {
                case UInt8(ascii: "\""): escape("\\\"", skipping: 1)
                case UInt8(ascii: "\\"): escape("\\\\", skipping: 1)
                case UInt8(ascii: "\n"): escape("\\n", skipping: 1)
                case UInt8(ascii: "\r") where !inScript: escape("\\r", skipping: 1)
                case UInt8(ascii: "\t") where !inScript: escape("\\t", skipping: 1)
                case UInt8(ascii: "<") where inScript: escape("\\u003c", skipping: 1)
                case UInt8(ascii: ">") where inScript: escape("\\u003e", skipping: 1)
                case UInt8(ascii: "&") where inScript: escape("\\u0026", skipping: 1)
                case 0..<0x20: escape("\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16), skipping: 1)
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
                case 0xE2 where inScript && i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    escape(bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", skipping: 3)
                default: i += 1
                }
            }
            out.append(contentsOf: bytes[runStart..<bytes.count])
            out.append(UInt8(ascii: "\""))
            return String(decoding: out, as: UTF8.self)
        }
    }
}
