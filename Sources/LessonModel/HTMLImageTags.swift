import Foundation

/// Finds and rewrites `<img>` tags in raw HTML (teachers write `<figure><img ...></figure>`).
public enum HTMLImageTags {
    /// One `<img>` tag: where it is in the HTML string, and its attributes.
    public struct Tag: Sendable {
        public var range: Range<String.Index>
        public var attributes: [(name: String, value: String)]

        public func attribute(_ name: String) -> String? {
            attributes.first { $0.name == name }?.value
        }
    }

    /// Every `<img>` tag in `html`, in order.
    public static func tags(in html: String) -> [Tag] {
        tags(named: "img", in: html)
    }

    /// Every start tag called `element` (lowercase; matched without regard to case) in `html`.
    public static func tags(named element: String, in html: String) -> [Tag] {
        var result: [Tag] = []
        var i = html.startIndex
        while let open = html[i...].firstIndex(of: "<") {
            let nameStart = html.index(after: open)
            let name = html[nameStart...].prefix { $0.isLetter }
            let afterName = name.endIndex
            guard name.lowercased() == element, afterName < html.endIndex,
                  html[afterName].isWhitespace || html[afterName] == "/" || html[afterName] == ">" else {
                i = nameStart
                continue
            }
            guard let (attributes, end) = parseAttributes(html, from: afterName) else { break }
            result.append(Tag(range: open..<end, attributes: attributes))
            i = end
        }
        return result
    }

    /// Replaces each `<img>` tag for which `replacement` returns a string.
    public static func rewrite(_ html: String, _ replacement: (Tag) -> String?) -> String {
        var out = ""
        var last = html.startIndex
        for tag in tags(in: html) {
            guard let new = replacement(tag) else { continue }
            out += html[last..<tag.range.lowerBound]
            out += new
            last = tag.range.upperBound
        }
        return out + html[last...]
    }

    /// Parses `name="value"` pairs up to the closing `>`; returns them and the index after `>`.
    private static func parseAttributes(_ html: String, from start: String.Index)
        -> ([(name: String, value: String)], String.Index)? {
        var attributes: [(name: String, value: String)] = []
        var i = start
        while i < html.endIndex {
            let c = html[i]
            if c == ">" { return (attributes, html.index(after: i)) }
            if c.isWhitespace || c == "/" { i = html.index(after: i); continue }
            let nameEnd = html[i...].firstIndex { $0.isWhitespace || $0 == "=" || $0 == ">" || $0 == "/" } ?? html.endIndex
            let name = html[i..<nameEnd].lowercased()
            i = nameEnd
            while i < html.endIndex, html[i].isWhitespace { i = html.index(after: i) }
            guard i < html.endIndex, html[i] == "=" else { attributes.append((name, "")); continue }
            i = html.index(after: i)
            while i < html.endIndex, html[i].isWhitespace { i = html.index(after: i) }
            guard i < html.endIndex else { return nil }
            let value: Substring
            if html[i] == "\"" || html[i] == "'" {
                let quote = html[i]
                let valueStart = html.index(after: i)
                guard let close = html[valueStart...].firstIndex(of: quote) else { return nil }
                value = html[valueStart..<close]
                i = html.index(after: close)
            } else {
                let end = html[i...].firstIndex { $0.isWhitespace || $0 == ">" } ?? html.endIndex
                value = html[i..<end]
                i = end
            }
            attributes.append((name, decodeEntities(String(value))))
        }
        return nil
    }

    /// Decodes the few entities that appear in attribute values.
    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The 1-based line offset and scalar column of `index` within `text`.
    static func lineAndColumn(of index: String.Index, in text: String) -> (line: Int, column: Int) {
        let before = text[..<index]
        let line = before.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return (line, text.unicodeScalars[lineStart..<index].count + 1)
    }
}
