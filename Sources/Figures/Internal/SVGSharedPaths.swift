/// A figure's repeated shapes written once: Cairo paints a diagram's card as three paths with the
/// same outline (its fill, its clipped header, its border), so every outline came three times, a
/// few percent of every diagram. Each outline drawn more than once goes into `<defs>` as a path
/// without paint, and every drawing of it becomes `<use href="#id" class="sN"/>`: the `<use>`
/// carries the class, and the paint it sets is inherited by the copy, so it draws as before.
enum SVGSharedPaths {
    /// Outlines shorter than this cost more as a `<use>` and a definition than written out.
    static let minimumLength = 40

    /// The document with repeated `<path class="…" d="…"/>` elements (outside `<defs>` and clip
    /// paths, each on a line of its own, as `SVGCompaction` writes them) drawn from one definition.
    static func apply(_ document: [UInt8], scope: String) -> [UInt8] {
        let lines = document.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        var shapes: [Int: (cls: ArraySlice<UInt8>, d: ArraySlice<UInt8>)] = [:]
        var uses: [ByteKey: Int] = [:]
        var nested = 0
        for (k, line) in lines.enumerated() {
            if line.first == UInt8(ascii: "<") {
                if line.starts(with: defsOpen) || line.starts(with: clipOpen) { nested += 1 }
                if line.starts(with: defsClose) || line.starts(with: clipClose) { nested -= 1 }
            }
            guard nested == 0, let shape = parse(line), shape.d.count >= minimumLength else { continue }
            shapes[k] = shape
            uses[ByteKey(shape.d), default: 0] += 1
        }
        var ids: [ByteKey: Int] = [:]
        var definitions: [UInt8] = []
        var out: [UInt8] = []
        out.reserveCapacity(document.count)
        var defsAt: Int?
        for (k, line) in lines.enumerated() {
            if k > 0 { out.append(UInt8(ascii: "\n")) }
            guard let shape = shapes[k], (uses[ByteKey(shape.d)] ?? 0) > 1 else {
                out += line
                if defsAt == nil, line.starts(with: svgOpen) { defsAt = out.count + 1 }
                continue
            }
            let id: Int
            if let known = ids[ByteKey(shape.d)] { id = known } else {
                id = ids.count
                ids[ByteKey(shape.d)] = id
                definitions += Array("<path id=\"\(scope)-p\(id)\" d=\"".utf8) + shape.d + Array("\"/>\n".utf8)
            }
            out += Array("<use href=\"#\(scope)-p\(id)\" class=\"".utf8) + shape.cls + Array("\"/>".utf8)
        }
        guard !definitions.isEmpty, let at = defsAt, at <= out.count else { return document }
        return Array(out[..<at]) + Array("<defs>\n".utf8) + definitions + Array("</defs>\n".utf8) + Array(out[at...])
    }

    private static let defsOpen = Array("<defs".utf8), clipOpen = Array("<clipPath".utf8)
    private static let defsClose = Array("</defs".utf8), clipClose = Array("</clipPath".utf8)
    private static let svgOpen = Array("<svg".utf8)
    private static let open = Array("<path class=\"".utf8), middle = Array("\" d=\"".utf8), close = Array("\"/>".utf8)

    /// The class and outline of a line that is exactly `<path class="…" d="…"/>`.
    private static func parse(_ line: ArraySlice<UInt8>) -> (cls: ArraySlice<UInt8>, d: ArraySlice<UInt8>)? {
        guard line.starts(with: open), line.count > open.count + middle.count + close.count,
              line.suffix(close.count).elementsEqual(close) else { return nil }
        let body = line.dropFirst(open.count).dropLast(close.count)
        guard let split = firstRange(of: middle, in: body) else { return nil }
        let cls = body[..<split.lowerBound], d = body[split.upperBound...]
        guard !cls.contains(UInt8(ascii: "\"")), !d.contains(UInt8(ascii: "\"")) else { return nil }
        return (cls, d)
    }

    /// Where `needle` first occurs in `haystack` (Foundation's `firstRange(of:)` is generic and slow).
    private static func firstRange(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Range<Int>? {
        guard let head = needle.first, haystack.count >= needle.count else { return nil }
        var i = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while i <= last {
            if haystack[i] == head, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i..<(i + needle.count) }
            i += 1
        }
        return nil
    }
}
