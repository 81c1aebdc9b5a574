/// A figure's repeated `style` attributes as classes: `style="stroke:none;"` on 500 glyph
/// outlines, or the same 150-byte stroke style on 200 network edges, is written once as a rule of
/// the figure's `<style>` and each element carries `class="s3"`. A third of a chart's bytes were
/// repeated style text. The rules are scoped to the figure's root class, so figures inlined in one
/// page never share a class, and the result draws exactly as before: no element of a Cairo
/// drawing has a class or a stylesheet rule of its own that the new ones could interfere with.
enum SVGStyleClasses {
    /// Values used at least this often, and at least this long, become classes (shorter ones
    /// would not pay for their rule).
    static let minimumUses = 2
    static let minimumLength = 8

    /// The document with repeated styles replaced by classes, and the CSS rules that define them.
    static func apply(_ document: [UInt8], scope: String) -> (document: [UInt8], css: String) {
        let spans = styleSpans(document)
        var uses: [ByteKey: Int] = [:]
        for span in spans { uses[ByteKey(document[span.value]), default: 0] += 1 }
        var names: [ByteKey: Int] = [:]
        var css = ""
        var out: [UInt8] = []
        out.reserveCapacity(document.count)
        var copied = document.startIndex
        for span in spans {
            let value = document[span.value]
            guard value.count >= minimumLength, (uses[ByteKey(value)] ?? 0) >= minimumUses else { continue }
            let index: Int
            if let known = names[ByteKey(value)] { index = known } else {
                index = names.count
                names[ByteKey(value)] = index
                css += ".\(scope) .s\(index){\(String(decoding: value, as: UTF8.self))}"
            }
            out += document[copied..<span.attribute.lowerBound]
            out += Array("class=\"s\(index)\"".utf8)
            copied = span.attribute.upperBound
        }
        out += document[copied...]
        return (out, css)
    }

    /// Each ` style="…"` attribute after the root element: the whole attribute (from `style` to the
    /// closing quote) and its value.
    private static func styleSpans(_ bytes: [UInt8]) -> [(attribute: Range<Int>, value: Range<Int>)] {
        let open = Array(" style=\"".utf8)
        guard let root = bytes.firstRange(of: Array("<svg".utf8)),
              var i = bytes[root.upperBound...].firstIndex(of: UInt8(ascii: ">")) else { return [] }
        var spans: [(Range<Int>, Range<Int>)] = []
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: " "), bytes[i...].starts(with: open) else { i += 1; continue }
            let start = i + open.count
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            spans.append(((i + 1)..<(end + 1), start..<end))
            i = end + 1
        }
        return spans
    }
}
