/// A text cut into its wording and its numbers: `"loss 0.2315 at step 5,000"` is the template
/// `"loss \u{1} at step \u{1}"` with the numbers `[" 0.2315", " 5,000"]`. A number keeps the
/// spaces before it (cards pad numbers to line them up, and the padding changes with them) and
/// its sign, so two steps of one text share the template.
enum StepText {
    /// Stands for a number in a template (the script fills them in order).
    static let hole: Unicode.Scalar = "\u{1}"
    /// Between the numbers of one step; never inside a number.
    static let separator = "|"

    /// A step's numbers with repeats written as references: a card, the table and an equation
    /// often show the same number, so a number already given (spaces aside) becomes its spaces,
    /// `~` and the index (base 36) of its first occurrence among the distinct numbers.
    static func shared(_ numbers: [String]) -> [String] {
        var first: [Substring: Int] = [:]
        return numbers.map { number in
            let digits = number.drop { $0 == " " }
            let spaces = number.prefix { $0 == " " }
            if let k = first[digits] { return spaces + "~" + String(k, radix: 36) }
            first[digits] = first.count
            return number
        }
    }

    /// The template and the numbers; the template is nil for a text that holds the hole mark
    /// itself, which is then always stored whole.
    static func split(_ text: String) -> (template: String?, numbers: [String]) {
        var text = text
        // On the UTF-8 bytes: every number is ASCII but for the minus sign, and a build splits
        // every text of every traced step (a fifth of rebuilding a page after a prose edit).
        return text.withUTF8 { split($0) }
    }

    private static func split(_ s: UnsafeBufferPointer<UInt8>) -> (template: String?, numbers: [String]) {
        guard !s.contains(holeByte) else { return (nil, []) }
        var template: [UInt8] = []
        template.reserveCapacity(s.count)
        var numbers: [String] = []
        var i = 0
        while i < s.count {
            if let end = numberEnd(s, from: i) {
                numbers.append(String(decoding: UnsafeBufferPointer(rebasing: s[i..<end]), as: UTF8.self))
                template.append(holeByte)
                i = end
            } else {
                // Whole characters only, so a number is only ever looked for where one starts.
                let next = min(s.count, i + scalarLength(s[i]))
                template += s[i..<next]
                i = next
            }
        }
        return (String(decoding: template, as: UTF8.self), numbers)
    }

    private static let holeByte = UInt8(hole.value)
    /// U+2212 MINUS SIGN in UTF-8.
    private static let minus: [UInt8] = [0xE2, 0x88, 0x92]

    /// The end of a number starting at `i` (spaces, a sign, digits with `.` or `,` between
    /// digits, an exponent), or nil when no number starts there. A digit right after a letter
    /// is part of a name (`u1`, `W2`), not a number.
    private static func numberEnd(_ s: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        while i < s.count, s[i] == 0x20 { i += 1 }
        if i == start, start > 0, isWordPart(before: start, in: s) { return nil }
        i += signLength(s, at: i, plus: false)
        guard i < s.count, isDigit(s[i]) else { return nil }
        while i < s.count {
            if isDigit(s[i]) { i += 1; continue }
            if s[i] == UInt8(ascii: ".") || s[i] == UInt8(ascii: ","), i + 1 < s.count, isDigit(s[i + 1]) { i += 2; continue }
            if s[i] == UInt8(ascii: "e") {
                let j = i + 1 + signLength(s, at: i + 1, plus: true)
                if j < s.count, isDigit(s[j]) { i = j; continue }
            }
            break
        }
        // A number glued to a letter after it (`2x`) stays wording: it is part of a name.
        if i < s.count, isWordPart(at: i, in: s) { return nil }
        return i
    }

    /// The length of a sign at `i`: `-`, `−` or (in an exponent) `+`; 0 for none.
    private static func signLength(_ s: UnsafeBufferPointer<UInt8>, at i: Int, plus: Bool) -> Int {
        guard i < s.count else { return 0 }
        if s[i] == UInt8(ascii: "-") || (plus && s[i] == UInt8(ascii: "+")) { return 1 }
        if s.count - i >= 3, s[i] == minus[0], s[i + 1] == minus[1], s[i + 2] == minus[2] { return 3 }
        return 0
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// The number of bytes of the character whose first byte is `lead`.
    private static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }

    /// Whether the character starting at `i` is part of a word (a digit, `_` or a letter).
    private static func isWordPart(at i: Int, in s: UnsafeBufferPointer<UInt8>) -> Bool {
        let b = s[i]
        if b < 0x80 { return isDigit(b) || b == UInt8(ascii: "_") || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) }
        let end = min(s.count, i + scalarLength(b))
        guard let scalar = String(decoding: UnsafeBufferPointer(rebasing: s[i..<end]), as: UTF8.self).unicodeScalars.first else { return false }
        return scalar.properties.isAlphabetic
    }

    /// Whether the character ending just before `end` is part of a word.
    private static func isWordPart(before end: Int, in s: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = end - 1
        while start > 0, s[start] & 0xC0 == 0x80 { start -= 1 }
        return isWordPart(at: start, in: s)
    }
}
