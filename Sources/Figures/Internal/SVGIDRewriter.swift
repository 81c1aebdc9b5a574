/// Renames every element id in an SVG document, and every reference to one, to `<prefix>-<n>`,
/// numbered by first appearance.
///
/// Cairo numbers `surface…` ids from a process-wide counter and reuses fixed names such as
/// `glyph0-1`, `clip1` and `alpha` in every document, so inlined figures clash and bytes depend
/// on what was rendered earlier. After this pass the bytes depend only on the document itself.
///
/// This is a small XML scanner, not a search-and-replace: only attribute values are touched
/// (`id`, `href`/`xlink:href` starting with `#`, and `url(#…)` inside any attribute value), so
/// character data, comments, CDATA and processing instructions pass through unchanged.
struct SVGIDRewriter {
    private let prefix: String
    private var names: [String: String] = [:]

    /// Rewrites `svg` (UTF-8); throws on input that is not well-formed enough to scan safely.
    static func rewrite(_ svg: [UInt8], prefix: String) throws(FigureError) -> [UInt8] {
        var rewriter = SVGIDRewriter(prefix: prefix)
        return try rewriter.scanDocument(svg)
    }

    /// Markup that has no attributes is copied verbatim up to its terminator.
    private static let verbatim: [(open: [UInt8], close: [UInt8])] = [("<!--", "-->"), ("<![CDATA[", "]]>"), ("<?", "?>"), ("<!", ">")]
        .map { (Array($0.0.utf8), Array($0.1.utf8)) }
    private static let urlOpen = Array("url(#".utf8)

    private init(prefix: String) {
        self.prefix = prefix
    }

    private mutating func rename(_ old: String) -> String {
        if let new = names[old] { return new }
        let new = "\(prefix)-\(names.count + 1)"
        names[old] = new
        return new
    }

    private mutating func scanDocument(_ s: [UInt8]) throws(FigureError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            guard s[i] == UInt8(ascii: "<") else {
                // Character data up to the next tag, in one copy.
                let end = s[i...].firstIndex(of: UInt8(ascii: "<")) ?? s.count
                out.append(contentsOf: s[i..<end])
                i = end
                continue
            }
            if let kind = Self.verbatim.first(where: { Self.hasPrefix(s, at: i, $0.open) }) {
                guard let end = Self.find(kind.close, in: s, from: i + kind.open.count) else {
                    throw Self.malformed("unterminated \(String(decoding: kind.open, as: UTF8.self))")
                }
                out.append(contentsOf: s[i..<end])
                i = end
            } else {
                i = try scanTag(s, from: i, into: &out)
            }
        }
        return out
    }

    /// Copies one start or end tag starting at `<`, rewriting attribute values; returns the index after `>`.
    private mutating func scanTag(_ s: [UInt8], from start: Int, into out: inout [UInt8]) throws(FigureError) -> Int {
        var i = start + 1
        while i < s.count, !Self.isNameEnd(s[i]) { i += 1 }  // element name, possibly with a leading '/'
        out.append(contentsOf: s[start..<i])
        while i < s.count {
            let b = s[i]
            if Self.isSpace(b) || b == UInt8(ascii: "/") {
                out.append(b)
                i += 1
            } else if b == UInt8(ascii: ">") {
                out.append(b)
                return i + 1
            } else {
                i = try scanAttribute(s, from: i, into: &out)
            }
        }
        throw Self.malformed("unterminated tag")
    }

    /// Copies `name="value"` (or a bare name), rewriting the value; returns the index after it.
    private mutating func scanAttribute(_ s: [UInt8], from start: Int, into out: inout [UInt8]) throws(FigureError) -> Int {
        var i = start
        while i < s.count, !Self.isNameEnd(s[i]), s[i] != UInt8(ascii: "="), s[i] != UInt8(ascii: "/") { i += 1 }
        guard i > start else { throw Self.malformed("unexpected character in tag") }
        let name = s[start..<i]
        out.append(contentsOf: name)
        while i < s.count, Self.isSpace(s[i]) { out.append(s[i]); i += 1 }
        guard i < s.count, s[i] == UInt8(ascii: "=") else { return i }
        out.append(s[i])
        i += 1
        while i < s.count, Self.isSpace(s[i]) { out.append(s[i]); i += 1 }
        guard i < s.count, s[i] == UInt8(ascii: "\"") || s[i] == UInt8(ascii: "'") else {
            throw Self.malformed("unquoted value for attribute \(String(decoding: name, as: UTF8.self))")
        }
        let quote = s[i]
        guard let close = s[(i + 1)...].firstIndex(of: quote) else {
            throw Self.malformed("unterminated value for attribute \(String(decoding: name, as: UTF8.self))")
        }
        out.append(quote)
        let raw = s[(i + 1)..<close]
        // Most values (paths, colours) hold no reference: copied as bytes, without a String.
        if name.elementsEqual(Self.idName) || name.suffix(Self.hrefName.count).elementsEqual(Self.hrefName) || Self.contains(raw, Self.urlOpen) {
            let attribute = String(decoding: name, as: UTF8.self)
            out.append(contentsOf: Array(rewriteValue(String(decoding: raw, as: UTF8.self), attribute: attribute).utf8))
        } else {
            out.append(contentsOf: raw)
        }
        out.append(quote)
        return close + 1
    }

    private static let idName = Array("id".utf8)
    private static let hrefName = Array("href".utf8)

    private mutating func rewriteValue(_ value: String, attribute: String) -> String {
        if attribute == "id" {
            return value.isEmpty ? value : rename(value)
        }
        if attribute == "href" || attribute.hasSuffix(":href"), value.hasPrefix("#") {
            return "#" + rename(String(value.dropFirst()))
        }
        return rewriteURLReferences(value)
    }

    /// Rewrites each `url(#name)` in a presentation attribute or inline style.
    private mutating func rewriteURLReferences(_ value: String) -> String {
        var rest = Substring(value)
        var out = ""
        while let open = rest.range(of: "url(#") {
            guard let close = rest[open.upperBound...].firstIndex(of: ")") else { break }
            out += rest[..<open.upperBound]
            out += rename(String(rest[open.upperBound..<close]))
            rest = rest[close...]
        }
        return out + rest
    }

    /// Whether `needle` occurs in `s` (SVGGlyphDefs uses it too).
    static func contains(_ s: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, s.count >= needle.count else { return false }
        var i = s.startIndex
        while let hit = s[i...].firstIndex(of: first) {
            if hit + needle.count > s.endIndex { return false }
            if s[hit..<(hit + needle.count)].elementsEqual(needle) { return true }
            i = hit + 1
        }
        return false
    }

    private static func hasPrefix(_ s: [UInt8], at i: Int, _ prefix: [UInt8]) -> Bool {
        guard i + prefix.count <= s.count else { return false }
        for k in 0..<prefix.count where s[i + k] != prefix[k] { return false }
        return true
    }

    /// Index just past the first `terminator` at or after `from`.
    private static func find(_ terminator: [UInt8], in s: [UInt8], from: Int) -> Int? {
        var i = from
        while i < s.count {
            if hasPrefix(s, at: i, terminator) { return i + terminator.count }
            i += 1
        }
        return nil
    }

    private static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
    }

    private static func isNameEnd(_ b: UInt8) -> Bool {
        isSpace(b) || b == UInt8(ascii: ">")
    }

    private static func malformed(_ what: String) -> FigureError {
        FigureError(operation: "rewrite SVG ids", message: "malformed SVG from Cairo: \(what)")
    }
}
