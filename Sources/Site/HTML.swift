import TeXMath

/// HTML escaping for pages (over TeXMath's `MarkupEscaping`, which MathML shares).
package enum HTML {
    /// Escapes text for element content.
    package static func text(_ s: String) -> String {
        MarkupEscaping.escape(s, quotes: .none)
    }

    /// Escapes text for a double-quoted attribute value.
    package static func attribute(_ s: String) -> String {
        MarkupEscaping.escape(s, quotes: .doubleAndSingle)
    }

    /// ` class="a b"`, or nothing when there are no classes.
    static func classes(_ classes: [String]) -> Markup {
        classes.isEmpty ? "" : " class=\"\(attribute: classes.joined(separator: " "))\""
    }

    /// Percent-encodes a relative path for use in `href`/`src`, keeping `/`.
    package static func pathURL(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if c.isASCII && (c.isLetter || c.isNumber || "-._~/".contains(c)) {
                out.append(c)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
