import LessonModel

/// One work as a references section lists it: author. Title (italic for a book, quoted for a
/// piece that appeared `in` something). In *Where*. Publisher, year. Note. URL as a link.
/// Chinese pages end each part with 。, put Chinese titles in 《》 and say 载于 for "in".
enum ReferenceEntry {
    /// A part of the entry: text that may be emphasised, or the link.
    private enum Part {
        case text(String)
        case emphasis(prefix: String, String)
        case link(String)
    }

    static func markup(_ entry: Bibliography.Entry, lang: String?, phrases: Phrases) -> Markup {
        parts(entry, lang: lang, phrases: phrases).map { part -> Markup in
            switch part {
            case .text(let t): return "\(text: t)"
            case .emphasis(let prefix, let t): return "\(text: prefix)<em>\(text: t)</em>"
            case .link(let url): return "<a href=\"\(attribute: url)\">\(text: url)</a>"
            }
        }.joined()
    }

    /// The same words without markup, for a citation's tooltip.
    static func plain(_ entry: Bibliography.Entry, lang: String?, phrases: Phrases) -> String {
        parts(entry, lang: lang, phrases: phrases).map { part in
            switch part {
            case .text(let t), .link(let t): return t
            case .emphasis(let prefix, let t): return prefix + t
            }
        }.joined()
    }

    private static func parts(_ entry: Bibliography.Entry, lang: String?, phrases: Phrases) -> [Part] {
        let chinese = lang?.lowercased().hasPrefix("zh") ?? false
        let stop = chinese ? "。" : ". ", comma = chinese ? "，" : ", "
        func value(_ field: Bibliography.Field) -> String? {
            entry.value(field, lang: lang).flatMap { $0.isEmpty ? nil : $0 }
        }
        // A part ends with the stop unless it ends in punctuation of its own.
        func ended(_ text: String) -> String {
            guard let last = text.last else { return text }
            return ".?!。？！".contains(last) ? text + (chinese ? "" : " ") : text + stop
        }
        var parts: [Part] = []
        if let author = value(.author) { parts.append(.text(ended(author))) }
        if let title = value(.title) {
            if value(.in) != nil {
                parts.append(.text(ended(chinese ? "“\(title)”" : "\"\(title)\"")))  // as each edition's prose quotes
            } else if chinese && title.unicodeScalars.contains(where: isCJK) {
                parts.append(.text(ended("《\(title)》")))
            } else {
                parts.append(.emphasis(prefix: "", title))
                parts.append(.text(stop))
            }
        }
        if let source = value(.in) {
            let cjk = source.unicodeScalars.contains(where: isCJK)
            let prefix = chinese && cjk ? phrases.appearedIn : phrases.appearedIn + " "  // a space before Latin text
            if chinese && cjk {
                parts.append(.text(ended(prefix + source)))  // a Chinese name of a series or site, as written
            } else {
                parts.append(.emphasis(prefix: prefix, source))
                parts.append(.text(stop))
            }
        }
        let published = [value(.publisher), value(.year)].compactMap { $0 }
        if !published.isEmpty { parts.append(.text(ended(published.joined(separator: comma)))) }
        if let note = value(.note) { parts.append(.text(ended(note))) }
        if let url = value(.url) { parts.append(.link(url)) }
        if case .text(let last)? = parts.last, !chinese { parts[parts.count - 1] = .text(String(last.dropLast(last.hasSuffix(" ") ? 1 : 0))) }
        return parts
    }

    private static func isCJK(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value) || (0x3000...0x303F).contains(s.value)
    }
}
