/// Cairo gives every path its whole style: `<path style="fill-rule:nonzero;fill:…;stroke-width:1;
/// stroke-linecap:butt;…" d="…"/>`, 170 bytes before the path data. A boundary chart's hundreds
/// of markers of one class repeat one style, as do a loss chart's grid lines. Consecutive paths
/// with the same style become children of one `<g style="…">` and lose their own: every property
/// Cairo writes there (fill, stroke and their opacities, widths, caps, joins, rules) is inherited.
///
/// Works on the compacted document, one element per line; a style with a property that is not
/// inherited (`opacity`) or any other line shape passes through unchanged.
enum SVGStyleRuns {
    /// Fewest consecutive paths worth a group.
    static let minimumRun = 3

    static func group(_ svg: [UInt8]) -> [UInt8] {
        SVGLines.rewrite(svg) { lines, i in
            guard let first = styledPath(lines[i]) else { return nil }
            var rests = [first.rest]
            var end = i + 1
            while end < lines.count, let next = styledPath(lines[end]), next.style.elementsEqual(first.style) {
                rests.append(next.rest)
                end += 1
            }
            guard end - i >= minimumRun else { return (lines[i..<end].map(Array.init), end) }
            var out = [groupOpen + first.style + Array("\">".utf8)]
            for rest in rests { out.append(pathOpen + rest) }
            return (out + [Array("</g>".utf8)], end)
        }
    }

    private static let styleOpen = Array("<path style=\"".utf8)
    private static let pathOpen = Array("<path".utf8)
    private static let groupOpen = Array("<g style=\"".utf8)
    private static let notInherited = Array(";opacity:".utf8)

    /// A line `<path style="S" d="…"/>`: its style S and the rest after it (` d="…"/>`), or nil.
    private static func styledPath(_ line: ArraySlice<UInt8>) -> (style: ArraySlice<UInt8>, rest: ArraySlice<UInt8>)? {
        guard line.starts(with: styleOpen), line.last == UInt8(ascii: ">") else { return nil }
        let start = line.startIndex + styleOpen.count
        guard let close = line[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        let style = line[start..<close], rest = line[(close + 1)...]
        // Only ` d="…"/>` may follow: another attribute (an id, a transform) keeps the path as it is.
        guard rest.starts(with: dOpen), rest.dropFirst(4).firstIndex(of: UInt8(ascii: "\"")) == rest.endIndex - 3,
              !style.starts(with: opacityFirst), !contains(style, notInherited) else { return nil }
        return (style, rest)
    }

    private static let dOpen = Array(" d=\"".utf8)
    private static let opacityFirst = Array("opacity:".utf8)

    /// Whether `needle` occurs in `haystack` (Foundation's `firstRange(of:)` walks generic
    /// iterators: a tenth of a figure's compaction went there).
    private static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count, let head = needle.first else { return false }
        var i = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while i <= last {
            if haystack[i] == head, haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
