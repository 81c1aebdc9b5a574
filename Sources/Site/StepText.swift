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
        let scalars = Array(text.unicodeScalars)
        guard !scalars.contains(hole) else { return (nil, []) }
        var template = String.UnicodeScalarView()
        var numbers: [String] = []
        var i = 0
        while i < scalars.count {
            if let end = numberEnd(scalars, from: i) {
                numbers.append(String(String.UnicodeScalarView(scalars[i..<end])))
                template.append(hole)
                i = end
            } else {
                template.append(scalars[i])
                i += 1
            }
        }
        return (String(template), numbers)
    }

    /// The end of a number starting at `i` (spaces, a sign, digits with `.` or `,` between
    /// digits, an exponent), or nil when no number starts there. A digit right after a letter
    /// is part of a name (`u1`, `W2`), not a number.
    private static func numberEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        var i = start
        while i < s.count, s[i] == " " { i += 1 }
        if i == start, start > 0, isWordPart(s[start - 1]) { return nil }
        if i < s.count, s[i] == "-" || s[i] == "−" { i += 1 }
        guard i < s.count, isDigit(s[i]) else { return nil }
        while i < s.count {
            if isDigit(s[i]) { i += 1; continue }
            if s[i] == "." || s[i] == ",", i + 1 < s.count, isDigit(s[i + 1]) { i += 2; continue }
            if s[i] == "e" {
                var j = i + 1
                if j < s.count, s[j] == "-" || s[j] == "−" || s[j] == "+" { j += 1 }
                if j < s.count, isDigit(s[j]) { i = j; continue }
            }
            break
        }
        // A number glued to a letter after it (`2x`) stays wording: it is part of a name.
        if i < s.count, isWordPart(s[i]) { return nil }
        return i
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    private static func isWordPart(_ c: Unicode.Scalar) -> Bool {
        isDigit(c) || c == "_" || c.properties.isAlphabetic
    }
}
