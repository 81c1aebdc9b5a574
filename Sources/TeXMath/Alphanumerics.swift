/// A math font command's style. Browsers ignore `mathvariant` other than `normal`, so styled
/// letters are written as Unicode mathematical alphanumerics (U+1D400 block) instead.
enum MathFont: Sendable, Equatable {
    case roman, italic, bold, boldItalic, doubleStruck, script, fraktur, sansSerif, monospace
}

enum Alphanumerics {
    /// `c` in `font`, or nil when the font has no such character (then the plain one is used).
    static func styled(_ c: Unicode.Scalar, _ font: MathFont) -> Unicode.Scalar? {
        if let hole = holes[font]?[c] { return Unicode.Scalar(hole) }
        let v = c.value
        if let base = latinBase[font] {
            if v >= 0x41 && v <= 0x5A { return Unicode.Scalar(base + v - 0x41) }
            if v >= 0x61 && v <= 0x7A { return Unicode.Scalar(base + 26 + v - 0x61) }
        }
        if let base = digitBase[font], v >= 0x30 && v <= 0x39 { return Unicode.Scalar(base + v - 0x30) }
        if let base = greekBase[font], let index = greekIndex[c] { return Unicode.Scalar(base + index) }
        return nil
    }

    /// Letters that Unicode had encoded before the math blocks (Letterlike Symbols): the math
    /// blocks leave holes at their places, which must not be used.
    static let holes: [MathFont: [Unicode.Scalar: UInt32]] = [
        .italic: ["h": 0x210E],
        .script: ["B": 0x212C, "E": 0x2130, "F": 0x2131, "H": 0x210B, "I": 0x2110, "L": 0x2112,
                  "M": 0x2133, "R": 0x211B, "e": 0x212F, "g": 0x210A, "o": 0x2134],
        .fraktur: ["C": 0x212D, "H": 0x210C, "I": 0x2111, "R": 0x211C, "Z": 0x2128],
        .doubleStruck: ["C": 0x2102, "H": 0x210D, "N": 0x2115, "P": 0x2119, "Q": 0x211A, "R": 0x211D, "Z": 0x2124],
    ]

    static let latinBase: [MathFont: UInt32] = [
        .bold: 0x1D400, .italic: 0x1D434, .boldItalic: 0x1D468, .script: 0x1D49C, .fraktur: 0x1D504,
        .doubleStruck: 0x1D538, .sansSerif: 0x1D5A0, .monospace: 0x1D670,
    ]

    static let digitBase: [MathFont: UInt32] = [
        .bold: 0x1D7CE, .boldItalic: 0x1D7CE, .doubleStruck: 0x1D7D8, .sansSerif: 0x1D7E2, .monospace: 0x1D7F6,
    ]

    static let greekBase: [MathFont: UInt32] = [.bold: 0x1D6A8, .italic: 0x1D6E2, .boldItalic: 0x1D71C]

    /// The order of each math Greek block: Α..Ω with ϴ after Ρ, then ∇, α..ω, then ∂ ϵ ϑ ϰ ϕ ϱ ϖ.
    static let greekIndex: [Unicode.Scalar: UInt32] = {
        var map: [Unicode.Scalar: UInt32] = [:]
        for (i, c) in "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡϴΣΤΥΦΧΨΩ∇αβγδεζηθικλμνξοπρςστυφχψω∂ϵϑϰϕϱϖ".unicodeScalars.enumerated() {
            map[c] = UInt32(i)
        }
        return map
    }()

    static func isUpperGreek(_ c: Unicode.Scalar) -> Bool { c.value >= 0x391 && c.value <= 0x3A9 }
}
