/// Cairo writes a line of text as a group of glyph references, each with its own absolute
/// position: `<use href="#a5" x="297.13" y="34.3"/>`, a third of a figure's bytes. A group whose
/// glyphs share a baseline moves to that baseline's start once (`transform="translate(297.1 34.3)"`)
/// and its glyphs keep only their offset along it (`<use href="#a6" x="3.3"/>`), in tenths of a
/// pixel like the path data (`SVGRelativePath`). Glyphs elsewhere keep their place, in tenths.
///
/// Works on the compacted document, one element per line, and only on the exact shapes Cairo
/// writes; any other line passes through unchanged.
enum SVGTextRuns {
    static func group(_ svg: [UInt8]) -> [UInt8] {
        SVGLines.rewrite(svg) { lines, i in
            if let run = run(in: lines, from: i) { return ([run.bytes], run.next) }
            return glyph(lines[i]).map { ([placed($0, x: $0.x, y: $0.y)], i + 1) }
        }
    }

    /// A `<g style="…">` line, its glyph lines on one baseline and its `</g>`, rewritten; nil if the lines are not that.
    private static func run(in lines: [ArraySlice<UInt8>], from start: Int) -> (bytes: [UInt8], next: Int)? {
        let open = lines[start]
        guard open.starts(with: groupOpen), open.last == UInt8(ascii: ">"), open.dropLast().last == UInt8(ascii: "\""),
              !open.dropFirst(groupOpen.count).contains(UInt8(ascii: "<")) else { return nil }
        var glyphs: [Glyph] = []
        var i = start + 1
        while i < lines.count, let g = glyph(lines[i]) {
            glyphs.append(g)
            i += 1
        }
        guard !glyphs.isEmpty, i < lines.count, lines[i].elementsEqual(groupClose),
              glyphs.allSatisfy({ $0.y == glyphs[0].y }) else { return nil }
        let origin = (x: glyphs[0].x, y: glyphs[0].y)
        var bytes = Array(open.dropLast()) + Array(" transform=\"translate(".utf8)
            + SVGRelativePath.spelled(origin.x) + [UInt8(ascii: " ")] + SVGRelativePath.spelled(origin.y) + Array(")\">".utf8)
        for g in glyphs {
            bytes.append(UInt8(ascii: "\n"))
            append(g, x: g.x - origin.x, y: 0, to: &bytes)
        }
        return (bytes + [UInt8(ascii: "\n")] + groupClose, i + 1)
    }

    private struct Glyph {
        var href: ArraySlice<UInt8>
        var x: Int, y: Int  // tenths of a pixel
    }

    /// `<use href="#id" x="…" y="…"/>`, exactly.
    private static func glyph(_ line: ArraySlice<UInt8>) -> Glyph? {
        guard line.starts(with: useOpen) else { return nil }
        var i = line.startIndex + useOpen.count
        guard let hrefEnd = line[i...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        let href = line[i..<hrefEnd]
        i = hrefEnd
        guard line[i...].starts(with: xOpen), let (x, afterX) = tenths(line, at: i + xOpen.count),
              line[afterX...].starts(with: yOpen), let (y, afterY) = tenths(line, at: afterX + yOpen.count),
              line[afterY...].elementsEqual(useClose) else { return nil }
        return Glyph(href: href, x: x, y: y)
    }

    /// A glyph with its position in tenths; a zero coordinate is left to its default.
    private static func placed(_ g: Glyph, x: Int, y: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(useOpen.count + g.href.count + 24)
        append(g, x: x, y: y, to: &out)
        return out
    }

    /// Appends `placed(g, x:, y:)` to `out`.
    private static func append(_ g: Glyph, x: Int, y: Int, to out: inout [UInt8]) {
        out += useOpen
        out += g.href
        out.append(UInt8(ascii: "\""))
        if x != 0 { out += xAttribute; SVGRelativePath.appendSpelled(x, to: &out); out.append(UInt8(ascii: "\"")) }
        if y != 0 { out += yAttribute; SVGRelativePath.appendSpelled(y, to: &out); out.append(UInt8(ascii: "\"")) }
        out += useClose
    }

    private static let xAttribute = Array(" x=\"".utf8)
    private static let yAttribute = Array(" y=\"".utf8)

    /// The number up to the closing quote at `i`, in tenths, and the index after the quote.
    private static func tenths(_ line: ArraySlice<UInt8>, at i: Int) -> (Int, Int)? {
        guard let end = line[i...].firstIndex(of: UInt8(ascii: "\"")),
              let value = SVGRelativePath.tenths(line[i..<end]) else { return nil }
        return (value, end + 1)
    }

    private static let groupOpen = Array("<g style=\"".utf8)
    private static let groupClose = Array("</g>".utf8)
    private static let useOpen = Array("<use href=\"".utf8)
    private static let xOpen = Array("\" x=\"".utf8)
    private static let yOpen = Array(" y=\"".utf8)
    private static let useClose = Array("/>".utf8)
}
