/// Escaping for XML and HTML: element text and double-quoted attribute values. MathML (here)
/// and the site's pages (Site's `HTML`) share it, so there is one escaper for markup.
package enum MarkupEscaping {
    /// Which quotes an attribute value escapes besides `&`, `<` and `>`.
    package enum Quotes: Sendable {
        /// Element text: no quotes.
        case none
        /// A double-quoted value in MathML: `"` only.
        case double
        /// A double-quoted value in HTML: `"` and `'` (so a value moved into single quotes stays safe).
        case doubleAndSingle
    }

    /// `s` with `&`, `<`, `>` and the chosen quotes replaced by character references.
    package static func escape(_ s: String, quotes: Quotes) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes != .none: out += "&quot;"
            case "'" where quotes == .doubleAndSingle: out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
