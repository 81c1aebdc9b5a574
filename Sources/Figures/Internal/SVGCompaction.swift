/// Cairo's SVG spelled shorter, drawing the same: a figure is a few hundred KB, most of it
/// thousands of `<use xlink:href="#g-deep_tanh-20" x=… y=…/>` glyph references and path data
/// with spaces around every command. The course's size limit (25 MB) needs the bytes back.
///
/// - ids become `a0`, `a1`, … in order of appearance (a figure is shown only as an `<img>`, its
///   own document, so its ids need be unique only within the file), and references follow;
/// - `xlink:href` becomes SVG 2's `href`;
/// - path data becomes relative, in tenths of a pixel (`SVGRelativePath`), or else loses the
///   spaces a parser does not need and the zero before a decimal point;
/// - glyphs are paths in `<defs>`, not symbols around paths (`SVGGlyphDefs`);
/// - glyphs on one baseline share one position (`SVGTextRuns`);
/// - consecutive paths of one style share it (`SVGStyleRuns`);
/// - the indentation at the start of lines goes.
///
/// Deterministic and linear, so the light and dark drawings of a figure stay the same text
/// apart from their paint values (`ThemedSVG` relies on that).
enum SVGCompaction {
    static func compact(_ svg: [UInt8]) -> [UInt8] {
        let ids = shortIDs(svg)
        var out: [UInt8] = []
        out.reserveCapacity(svg.count)
        var i = 0
        // Bytes from `copied` to `i` go out unchanged, in one copy when something else comes.
        var copied = 0
        let n = svg.count
        func flush() {
            if i > copied { out += svg[copied..<i] }
        }
        while i < n {
            let b = svg[i]
            if b == UInt8(ascii: "\n") {
                i += 1
                flush()
                while i < n, svg[i] == UInt8(ascii: " ") { i += 1 }
                copied = i
            } else if b == UInt8(ascii: " "), let end = value(after: idOpen, in: svg, at: i), let short = ids[ByteKey(svg[(i + idOpen.count)..<end])] {
                flush()
                out += idOpen
                out += short
                i = end
                copied = i
            } else if b == UInt8(ascii: "x"), let end = value(after: xlinkOpen, in: svg, at: i), let short = ids[ByteKey(svg[(i + xlinkOpen.count)..<end])] {
                flush()
                out += hrefOpen
                out += short
                i = end
                copied = i
            } else if b == UInt8(ascii: "u"), let end = value(after: urlOpen, in: svg, at: i, until: UInt8(ascii: ")")),
                      let short = ids[ByteKey(svg[(i + urlOpen.count)..<end])] {
                flush()
                out += urlOpen
                out += short
                i = end
                copied = i
            } else if b == UInt8(ascii: " "), let end = value(after: pathOpen, in: svg, at: i) {
                flush()
                let d = svg[(i + pathOpen.count)..<end]
                out += pathOpen
                out += SVGRelativePath.encode(d) ?? pathData(d)
                i = end
                copied = i
            } else {
                i += 1
            }
        }
        flush()
        return SVGStyleRuns.group(SVGTextRuns.group(SVGGlyphDefs.flatten(out)))
    }

    private static let idOpen = Array(" id=\"".utf8)
    private static let xlinkOpen = Array("xlink:href=\"#".utf8)
    private static let hrefOpen = Array("href=\"#".utf8)
    private static let urlOpen = Array("url(#".utf8)
    private static let pathOpen = Array(" d=\"".utf8)

    /// Where the value after `open` (at `i`) ends: the index of its closing quote (or `until`).
    private static func value(after open: [UInt8], in s: [UInt8], at i: Int, until close: UInt8 = UInt8(ascii: "\"")) -> Int? {
        guard i + open.count <= s.count, s[i..<(i + open.count)].elementsEqual(open) else { return nil }
        var end = i + open.count
        while end < s.count, s[end] != close {
            if s[end] == UInt8(ascii: "\"") || s[end] == UInt8(ascii: "<") { return nil }
            end += 1
        }
        return end < s.count ? end : nil
    }

    /// Every id the document defines, with its short name; keyed by slices of `svg`, so looking
    /// up each reference copies nothing.
    private static func shortIDs(_ svg: [UInt8]) -> [ByteKey: [UInt8]] {
        var ids: [ByteKey: [UInt8]] = [:]
        var i = 0
        while i < svg.count {
            if svg[i] == UInt8(ascii: " "), let end = value(after: idOpen, in: svg, at: i) {
                let id = ByteKey(svg[(i + idOpen.count)..<end])
                if ids[id] == nil { ids[id] = Array("a\(String(ids.count, radix: 36))".utf8) }
                i = end
            } else {
                i += 1
            }
        }
        return ids
    }

    /// `M 0.58 2.03 L 0.58 -8.11 Z M 1 2 ` as `M.58 2.03L.58-8.11ZM1 2`: a separator only between
    /// two numbers where the second could otherwise run on into the first.
    static func pathData(_ d: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(d.count)
        var previousNumber: [UInt8]? = nil
        var i = d.startIndex
        func isNumberByte(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: ".") || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
                || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
        }
        while i < d.endIndex {
            let b = d[i]
            if b == UInt8(ascii: " ") || b == UInt8(ascii: ",") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\t") {
                i += 1
            } else if isNumberByte(b) {
                var end = i + 1
                while end < d.endIndex, isNumberByte(d[end]), d[end] != UInt8(ascii: "-") || d[end - 1] == UInt8(ascii: "e") { end += 1 }
                var number = Array(d[i..<end])
                // 0.58 → .58, -0.58 → -.58
                if number.count > 2, number[0] == UInt8(ascii: "0"), number[1] == UInt8(ascii: ".") { number.removeFirst() }
                if number.count > 3, number[0] == UInt8(ascii: "-"), number[1] == UInt8(ascii: "0"), number[2] == UInt8(ascii: ".") {
                    number.remove(at: 1)
                }
                if let previous = previousNumber {
                    let startsWithSign = number[0] == UInt8(ascii: "-")
                    let bothHaveDots = number[0] == UInt8(ascii: ".") && previous.contains(UInt8(ascii: "."))
                        && !previous.contains(UInt8(ascii: "e")) && !previous.contains(UInt8(ascii: "E"))
                    if !(startsWithSign || bothHaveDots) { out.append(UInt8(ascii: " ")) }
                }
                out += number
                previousNumber = number
                i = end
            } else {
                // A command letter: no space needed on either side.
                out.append(b)
                previousNumber = nil
                i += 1
            }
        }
        return out
    }
}
