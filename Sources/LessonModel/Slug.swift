/// Turns titles and file names into URL path segments and HTML ids.
public enum Slug {
    /// Lowercased letters and digits of any script, other runs become `-`; never empty.
    public static func make(_ text: String, fallback: String = "section") -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || (scalar.properties.numericType != nil) || scalar == "_" {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else if scalar.properties.generalCategory != .nonspacingMark {
                pendingDash = true
            } else {
                out.unicodeScalars.append(scalar)  // combining marks belong to their letter
            }
        }
        return out.isEmpty ? fallback : out
    }

    /// The slug of a lesson file: its path without `.md`, Jekyll's `YYYY-MM-DD-` prefix dropped.
    public static func forLesson(relativePath: String) -> String {
        var name = relativePath
        if name.hasSuffix(".md") { name.removeLast(3) }
        let parts = name.split(separator: "/").map { part -> String in
            let p = String(part)
            let date = p.prefix(11)
            if date.count == 11, date.enumerated().allSatisfy({ i, c in
                [4, 7, 10].contains(i) ? c == "-" : c.isASCII && c.isNumber
            }), p.count > 11 {
                return String(p.dropFirst(11))
            }
            return p
        }
        return make(parts.joined(separator: "-"), fallback: "lesson")
    }
}

/// Hands out unique HTML ids within one page (`intro`, `intro-2`, ...).
struct IDAllocator {
    private var used: Set<String> = []
    /// The next suffix to try for each base: every smaller one is taken already, and `used`
    /// only grows. (Found by `make fuzz`: starting at 2 each time made 20,000 headings of one
    /// title quadratic.)
    private var next: [String: Int] = [:]

    mutating func claim(_ base: String) -> String {
        var id = base
        var n = next[base] ?? 2
        while used.contains(id) { id = "\(base)-\(n)"; n += 1 }
        if id != base { next[base] = n }
        used.insert(id)
        return id
    }
}
