/// How search text becomes tokens, the same rules in Swift (the index) and in the site script
/// (the query, `Script+Search`): lowercase; a word is a run of Latin, Greek or Cyrillic letters and
/// digits; a run of Han (or kana, hangul) characters gives its overlapping bigrams, so 链式法则 is
/// 链式 式法 法则 and matches wherever the four characters stand together, with no dictionary;
/// a run of one such character is that character. Everything else separates tokens.
package enum SearchTokens {
    /// The kinds of character the rules tell apart.
    enum Kind: Equatable { case word, han, separator }

    /// Kept to the Basic Multilingual Plane on purpose: the site script reads UTF-16 code units,
    /// so a character beyond it would be two units there and tokenise differently.
    static func kind(_ scalar: Unicode.Scalar) -> Kind {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A: return .word
        case 0xDF...0x24F where scalar.value != 0xF7: return .word
        case 0x370...0x3FF, 0x400...0x4FF: return .word
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF: return .han
        default: return .separator
        }
    }

    /// The tokens of `text` in order, repeats kept (the index counts them).
    package static func tokens(_ text: String) -> [String] {
        runs(text).flatMap { run -> [String] in
            guard run.kind == .han else { return [String(String.UnicodeScalarView(run.scalars))] }
            return hanTokens(run.scalars)
        }
    }

    /// A Han run's bigrams, or the character itself when it stands alone.
    static func hanTokens(_ scalars: [Unicode.Scalar]) -> [String] {
        guard scalars.count > 1 else { return scalars.map { String($0) } }
        return (0..<scalars.count - 1).map { i in String(String.UnicodeScalarView(scalars[i...i + 1])) }
    }

    /// The text's runs of word or Han characters, lowercased.
    static func runs(_ text: String) -> [(kind: Kind, scalars: [Unicode.Scalar])] {
        var out: [(kind: Kind, scalars: [Unicode.Scalar])] = []
        var current: [Unicode.Scalar] = []
        var currentKind = Kind.separator
        for scalar in text.lowercased().unicodeScalars {
            let k = kind(scalar)
            if k != currentKind {
                if currentKind != .separator && !current.isEmpty { out.append((currentKind, current)) }
                current = []
                currentKind = k
            }
            if k != .separator { current.append(scalar) }
        }
        if currentKind != .separator && !current.isEmpty { out.append((currentKind, current)) }
        return out
    }
}
