/// Whether an SVG is one the tool could have drawn, judged by a strict allow-list: only the
/// elements and attributes Cairo writes for our figures, references only to the document
/// itself (`#id`) or to an embedded PNG, no comments, DOCTYPE, entities, CDATA or processing
/// instructions past the XML declaration. A figure opened on its own runs in the site's origin,
/// so a cached SVG carrying `<script>`, an event handler or a `javascript:` link is rejected
/// (and the block recomputed), never published. Linear in the input.
enum SVGSafety {
    static let elements: Set<String> = [
        "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "defs", "clipPath", "mask",
        "use", "symbol", "image", "linearGradient", "radialGradient", "stop", "pattern",
    ]
    static let attributes: Set<String> = [
        "xmlns", "xmlns:xlink", "version", "width", "height", "viewBox", "id", "x", "y", "x1", "y1", "x2", "y2",
        "cx", "cy", "r", "rx", "ry", "fx", "fy", "d", "points", "transform", "style", "fill", "fill-rule", "fill-opacity",
        "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray",
        "stroke-dashoffset", "stroke-opacity", "opacity", "clip-path", "clip-rule", "mask", "filter", "href", "xlink:href",
        "offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform", "spreadMethod",
        "patternUnits", "patternTransform", "patternContentUnits", "maskUnits", "maskContentUnits", "clipPathUnits",
        "filterUnits", "primitiveUnits", "preserveAspectRatio", "overflow", "color-interpolation-filters",
        "in", "in2", "result", "type", "values", "operator", "k1", "k2", "k3", "k4", "flood-color", "flood-opacity",
        "dx", "dy", "stdDeviation", "mode", "font-family", "font-size", "font-weight", "font-style", "text-anchor",
        "dominant-baseline", "shape-rendering", "image-rendering", "visibility", "display", "class",
    ]

    static func isSafe(_ bytes: [UInt8]) -> Bool {
        guard String(bytes: bytes, encoding: .utf8) != nil else { return false }
        var scanner = Scanner(bytes: bytes)
        return scanner.document()
    }

    /// Links only inside the document or to embedded PNG data. Parentheses only for transforms,
    /// colours and `url(#id)`, so CSS in a `style` cannot fetch anything; no escapes or entities.
    static func isSafeValue(_ value: String, of attribute: String) -> Bool {
        if attribute == "href" || attribute == "xlink:href" {
            return value.hasPrefix("#") || value.lowercased().hasPrefix("data:image/png;base64,")
        }
        if attribute == "xmlns" || attribute == "xmlns:xlink" {
            return value == "http://www.w3.org/2000/svg" || value == "http://www.w3.org/1999/xlink"
        }
        if !value.utf8.contains(where: { $0 == 0x28 || $0 == 0x26 || $0 == 0x5C || $0 == 0x40 }) { return true }  // ( & \ @
        if value.utf8.contains(where: { $0 == 0x26 || $0 == 0x5C || $0 == 0x40 }) { return false }
        let parts = value.lowercased().split(separator: "(", omittingEmptySubsequences: false)
        for (i, part) in parts.dropLast().enumerated() {
            let function = String(part.reversed().prefix { $0.isLetter }.reversed())
            if function == "url" {
                guard parts[i + 1].drop(while: { $0 == " " || $0 == "\"" || $0 == "'" }).first == "#" else { return false }
            } else if !safeFunctions.contains(function) {
                return false
            }
        }
        return true
    }

    private static let safeFunctions: Set<String> = ["matrix", "translate", "scale", "rotate", "skewx", "skewy", "rgb", "rgba", "var"]

    /// The one media query a figure's own stylesheet uses (see `ThemedSVG`).
    static let colorSchemeQuery = "@media (prefers-color-scheme: dark)"

    /// A figure's `<style>`: custom properties and the colour-scheme query, nothing that loads
    /// (`url(`, `@import`), escapes or closes the element.
    static func isSafeStyle(_ css: String) -> Bool {
        let rest = css.replacingOccurrences(of: colorSchemeQuery, with: "")
        guard !rest.utf8.contains(where: { $0 == 0x3C || $0 == 0x22 || $0 == 0x27 || $0 == 0x2F }) else { return false }  // < " ' /
        return isSafeValue(rest, of: "style")
    }

    /// A single pass over the bytes (figures are megabytes; every warm build checks them all).
    private struct Scanner {
        let bytes: [UInt8]
        var at = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func document() -> Bool {
            let declaration = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".utf8)
            if bytes.starts(with: declaration) { at = declaration.count }
            var open: [String] = []
            var sawRoot = false
            while at < bytes.count {
                if bytes[at] != UInt8(ascii: "<") {
                    // Between tags only whitespace: our figures draw text as paths.
                    guard isSpace(bytes[at]) else { return false }
                    at += 1
                    continue
                }
                at += 1
                if peek(UInt8(ascii: "/")) {
                    at += 1
                    let name = takeName()
                    skipSpace()
                    guard peek(UInt8(ascii: ">")), open.popLast() == name else { return false }
                    at += 1
                    continue
                }
                let name = takeName()
                if name == "style" {
                    // Only as the root's child, without attributes, holding only custom properties.
                    guard open == ["svg"], peek(UInt8(ascii: ">")) else { return false }
                    at += 1
                    let end = Array("</style>".utf8)
                    let start = at
                    while at < bytes.count, !bytes[at...].starts(with: end) { at += 1 }
                    guard at < bytes.count, isSafeStyle(String(decoding: bytes[start..<at], as: UTF8.self)) else { return false }
                    at += end.count
                    continue
                }
                guard elements.contains(name), sawRoot || name == "svg", !(sawRoot && open.isEmpty) else { return false }
                sawRoot = true
                guard let selfClosing = attributesOfTag() else { return false }
                if !selfClosing { open.append(name) }
            }
            return sawRoot && open.isEmpty
        }

        /// Reads attributes up to the end of a start tag; whether it ended with `/>`, or nil if unsafe.
        private mutating func attributesOfTag() -> Bool? {
            while true {
                skipSpace()
                guard at < bytes.count else { return nil }
                if bytes[at] == UInt8(ascii: ">") { at += 1; return false }
                if bytes[at] == UInt8(ascii: "/") {
                    at += 1
                    guard peek(UInt8(ascii: ">")) else { return nil }
                    at += 1
                    return true
                }
                let attribute = takeName()
                skipSpace()
                guard attributes.contains(attribute), peek(UInt8(ascii: "=")) else { return nil }
                at += 1
                skipSpace()
                guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") || bytes[at] == UInt8(ascii: "'") else { return nil }
                let quote = bytes[at]
                at += 1
                let start = at
                while at < bytes.count, bytes[at] != quote {
                    guard bytes[at] != UInt8(ascii: "<") else { return nil }
                    at += 1
                }
                guard at < bytes.count else { return nil }
                let value = String(decoding: bytes[start..<at], as: UTF8.self)
                at += 1
                guard isSafeValue(value, of: attribute) else { return nil }
            }
        }

        private func peek(_ byte: UInt8) -> Bool { at < bytes.count && bytes[at] == byte }

        private mutating func takeName() -> String {
            let start = at
            while at < bytes.count, isNameByte(bytes[at]) { at += 1 }
            return String(decoding: bytes[start..<at], as: UTF8.self)
        }

        private func isNameByte(_ b: UInt8) -> Bool {
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x3A || b == 0x5F
        }

        private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }

        private mutating func skipSpace() {
            while at < bytes.count, isSpace(bytes[at]) { at += 1 }
        }
    }
}
