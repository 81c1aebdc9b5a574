import Foundation
import LessonModel
import Site

/// The size an SVG file has as an `<img>`: its root's absolute `width` and `height`, or one of
/// them and the `viewBox`'s ratio. An SVG with neither (a percentage, `em`, or no size at all)
/// has no size of its own: the browser fits it to the page, and so does the page we write.
enum SVGSize {
    /// CSS pixels per unit, for the absolute units SVG allows.
    private static let units: [String: Double] = [
        "": 1, "px": 1, "in": 96, "cm": 96 / 2.54, "mm": 96 / 25.4, "q": 96 / 101.6, "pt": 96.0 / 72, "pc": 16,
    ]

    static func size(of text: String) -> ImageSize? {
        guard let root = rootTag(text) else { return nil }
        let width = root.attribute("width").flatMap(length)
        let height = root.attribute("height").flatMap(length)
        switch (width, height) {
        case let (w?, h?):
            return ImageHeader.make(w, h)
        case let (w?, nil):
            guard let (vw, vh) = root.attribute("viewbox").flatMap(viewBox) else { return nil }
            return ImageHeader.make(w, w * vh / vw)
        case let (nil, h?):
            guard let (vw, vh) = root.attribute("viewbox").flatMap(viewBox) else { return nil }
            return ImageHeader.make(h * vw / vh, h)
        case (nil, nil):
            return nil
        }
    }

    /// The `<svg>` start tag after the prologue (XML declaration, comments, doctype), or nil
    /// when the file does not start that way.
    private static func rootTag(_ text: String) -> HTMLImageTags.Tag? {
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
            if rest.hasPrefix("<?") {
                guard let end = rest.range(of: "?>") else { return nil }
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("<!--") {
                guard let end = rest.range(of: "-->") else { return nil }
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("<!") {
                guard let end = declarationEnd(rest) else { return nil }
                rest = rest[end...]
            } else {
                break
            }
        }
        guard rest.hasPrefix("<svg") else { return nil }
        let element = String(rest)
        guard let tag = HTMLImageTags.tags(named: "svg", in: element).first,
              tag.range.lowerBound == element.startIndex else { return nil }
        return tag
    }

    /// The index after a `<!DOCTYPE ...>`, whose internal subset in brackets may hold `>`.
    private static func declarationEnd(_ s: Substring) -> Substring.Index? {
        var depth = 0
        var i = s.startIndex
        while i < s.endIndex {
            switch s[i] {
            case "[": depth += 1
            case "]": depth -= 1
            case ">" where depth <= 0: return s.index(after: i)
            default: break
            }
            i = s.index(after: i)
        }
        return nil
    }

    /// An absolute length in CSS pixels (`560`, `12.5pt`, `2in`); nil for `%`, `em`, `auto`.
    private static func length(_ value: String) -> Double? {
        let v = value.trimmingCharacters(in: .whitespaces).lowercased()
        let numberEnd = v.firstIndex { !($0.isASCII && ($0.isNumber || "+-.e".contains($0))) } ?? v.endIndex
        // "1em" would read as the number "1e" and the unit "m": take the unit with its letters.
        var number = v[..<numberEnd]
        var unit = v[numberEnd...]
        if number.hasSuffix("e"), unit.first?.isLetter == true {
            number = number.dropLast()
            unit = v[number.endIndex...]
        }
        guard let scale = units[String(unit)], let n = Double(number), n.isFinite, n > 0 else { return nil }
        return n * scale
    }

    /// The `viewBox`'s width and height, when both are positive.
    private static func viewBox(_ value: String) -> (Double, Double)? {
        let parts = value.split { $0 == "," || $0.isWhitespace }.compactMap { Double($0) }
        guard parts.count == 4, parts.allSatisfy(\.isFinite), parts[2] > 0, parts[3] > 0 else { return nil }
        return (parts[2], parts[3])
    }
}
