/// Cairo defines each glyph as a `<symbol overflow="visible" id="…">` around one `<path>`: 45
/// bytes of wrapper for every glyph of every figure, some 18,000 of them in the course (about
/// 0.8 MB). A symbol's viewport needs the `overflow` to show a glyph's parts above the baseline;
/// the path alone, in the same `<defs>`, has no viewport and is drawn the same by `<use>`, so the
/// id moves onto the path (`<path id="a3" class="s0" d="…"/>`).
///
/// Works on the compacted document, one element per line, and only on that exact shape; any
/// other symbol passes through unchanged.
enum SVGGlyphDefs {
    static func flatten(_ svg: [UInt8]) -> [UInt8] {
        SVGLines.rewrite(svg) { lines, i in
            guard i + 2 < lines.count, let id = symbolID(lines[i]), lines[i + 2].elementsEqual(symbolClose) else { return nil }
            let path = lines[i + 1]
            guard path.starts(with: pathOpen), path.last == UInt8(ascii: ">"), !path.dropFirst().contains(UInt8(ascii: "<")),
                  !SVGIDRewriter.contains(path, idMark) else { return nil }
            return ([pathOpen + idOpen + Array(id) + [UInt8(ascii: "\"")] + Array(path.dropFirst(pathOpen.count - 1))], i + 3)
        }
    }

    /// The id of `<symbol overflow="visible" id="…">`, exactly.
    private static func symbolID(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        guard line.starts(with: symbolOpen), line.last == UInt8(ascii: ">"), line.dropLast().last == UInt8(ascii: "\"") else { return nil }
        let id = line.dropFirst(symbolOpen.count).dropLast(2)
        return id.isEmpty || id.contains(UInt8(ascii: "\"")) ? nil : id
    }

    private static let symbolOpen = Array("<symbol overflow=\"visible\" id=\"".utf8)
    private static let symbolClose = Array("</symbol>".utf8)
    private static let pathOpen = Array("<path ".utf8)
    private static let idOpen = Array("id=\"".utf8)
    private static let idMark = Array(" id=\"".utf8)
}
