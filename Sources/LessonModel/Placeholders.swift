/// Reading text that still holds the prescanner's formula markers and fillers.
public enum Placeholders {
    /// Splits text into plain runs and formulas, dropping fillers.
    static func split(_ text: String) -> [Inline] {
        var result: [Inline] = []
        var run = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let index = Placeholder.index(of: scalar) {
                if !run.isEmpty { result.append(.text(String(run))); run = String.UnicodeScalarView() }
                result.append(.math(index))
            } else if let index = ReferenceMarker.index(of: scalar) {
                if !run.isEmpty { result.append(.text(String(run))); run = String.UnicodeScalarView() }
                result.append(.reference(index))
            } else if let index = CitationMarker.index(of: scalar) {
                if !run.isEmpty { result.append(.text(String(run))); run = String.UnicodeScalarView() }
                result.append(.citation(index))
            } else if scalar != Placeholder.filler {
                run.append(scalar)
            }
        }
        if !run.isEmpty { result.append(.text(String(run))) }
        return result
    }

    /// Pieces of raw text: either literal text or formula `index`.
    public enum Piece: Equatable, Sendable {
        case text(String)
        case math(Int)
        case reference(Int)
        case citation(Int)
    }

    /// Splits raw text (an HTML block, say) into literal runs and formulas.
    public static func pieces(_ text: String) -> [Piece] {
        split(text).map { inline in
            if case .math(let i) = inline { return .math(i) }
            if case .reference(let i) = inline { return .reference(i) }
            if case .citation(let i) = inline { return .citation(i) }
            if case .text(let t) = inline { return .text(t) }
            return .text("")
        }
    }

    /// Puts the original source back in place of markers and fillers (for code, where nothing is math).
    public static func restore(_ text: String, math: [MathSpan], references: [Reference] = [],
                               citations: [Citation] = []) -> String {
        var out = String.UnicodeScalarView()
        var current: (span: Int, next: Int)?
        var previousWasFiller = false
        for scalar in text.unicodeScalars {
            if let index = ReferenceMarker.index(of: scalar) {
                if index < references.count { out.append(contentsOf: references[index].source.unicodeScalars) }
                current = nil
                previousWasFiller = true
            } else if let index = CitationMarker.index(of: scalar) {
                if index < citations.count { out.append(contentsOf: citations[index].source.unicodeScalars) }
                current = nil
                previousWasFiller = true
            } else if let index = Placeholder.index(of: scalar), index < math.count {
                out.append(contentsOf: (math[index].portions.first ?? "").unicodeScalars)
                current = (index, 1)
                previousWasFiller = true
            } else if scalar == Placeholder.filler {
                // A run of fillers at the start of a later line stands for that line's part of the formula.
                // Lines that gave the formula nothing (an empty portion) have no fillers: skip them.
                if !previousWasFiller, let (span, start) = current {
                    let portions = math[span].portions
                    var next = start
                    while next < portions.count, portions[next].isEmpty { next += 1 }
                    if next < portions.count {
                        out.append(contentsOf: portions[next].unicodeScalars)
                        current = (span, next + 1)
                    }
                }
                previousWasFiller = true
            } else {
                out.append(scalar)
                previousWasFiller = false
            }
        }
        return String(out)
    }
}

/// The text of inline content with markup removed (for alt text, titles, ids and the index).
public enum PlainText {
    public static func of(_ inlines: [Inline], math: [MathSpan]) -> String {
        var out = ""
        for inline in inlines {
            switch inline {
            case .text(let t), .code(let t): out += t
            case .emphasis(let c), .strong(let c), .strikethrough(let c): out += of(c, math: math)
            case .link(_, _, let c): out += of(c, math: math)
            case .image(let image): out += image.alt
            case .html: break
            case .math(let i): out += i < math.count ? math[i].tex : ""
            case .reference, .citation: break
            case .softBreak, .lineBreak: out += " "
            }
        }
        return out
    }
}

/// kramdown drops the brackets of a reference link whose definition is missing; so do we.
enum UndefinedReferences {
    static func unwrap(_ inlines: [Inline]) -> [Inline] {
        inlines.map { inline in
            guard case .text(let text) = inline, text.contains("][") else { return inline }
            return .text(unwrap(text))
        }
    }

    /// `[text][ref]` and `[text][]` become `text`; cmark has already turned defined ones into links.
    static func unwrap(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "[") {
            out += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(where: { $0 == "]" || $0 == "[" }),
                  rest[close] == "]" else {
                out.append("["); rest = rest[afterOpen...]; continue
            }
            let afterClose = rest.index(after: close)
            guard afterClose < rest.endIndex, rest[afterClose] == "[",
                  let refClose = rest[rest.index(after: afterClose)...].firstIndex(where: { $0 == "]" || $0 == "[" }),
                  rest[refClose] == "]", close > afterOpen else {
                out.append("["); rest = rest[afterOpen...]; continue
            }
            out += rest[afterOpen..<close]
            rest = rest[rest.index(after: refClose)...]
        }
        return out + rest
    }
}
