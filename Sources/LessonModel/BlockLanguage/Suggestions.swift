/// "Did you mean ...?" for misspelt names: functions, data sets, arguments, CSV columns, blocks.
/// The one implementation every part of the tool uses.
package enum Suggestions {
    /// Typos further than this many edits away are not suggested.
    static let maxDistance = 2
    /// Longer names are never compared: a typo hint for them is not worth the quadratic cost.
    static let maxLength = 64

    /// The candidate closest to `name`: one that differs only in case, else the nearest within
    /// `maxDistance` edits, and within one edit per three characters, that keeps at least one of
    /// its characters (so `z` does not suggest `x`, nor `foo` suggest `log`).
    /// Ties go to the earlier candidate, so the answer is deterministic.
    package static func closest(to name: String, among candidates: [String]) -> String? {
        let target = Array(name.unicodeScalars)
        guard target.count <= maxLength else { return nil }
        let lowered = name.lowercased()
        if let sameLetters = candidates.first(where: { $0 != name && $0.lowercased() == lowered }) {
            return sameLetters
        }
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != name {
            let other = Array(candidate.unicodeScalars)
            guard other.count <= maxLength, abs(other.count - target.count) <= maxDistance else { continue }
            let allowed = min(maxDistance, max(1, target.count / 3), max(target.count, other.count) - 1)
            let limit = min(best.map { $0.distance - 1 } ?? allowed, allowed)
            guard limit >= 1, let d = distance(target, other, limit: limit) else { continue }
            best = (candidate, d)
        }
        return best?.name
    }

    /// " Did you mean 'x'?" or "" when nothing is close.
    package static func hint(for name: String, among candidates: [String]) -> String {
        closest(to: name, among: candidates).map { " Did you mean '\($0)'?" } ?? ""
    }

    /// The optimal-string-alignment distance (insert, delete, substitute, swap two neighbours),
    /// or nil as soon as it is known to exceed `limit`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
        var before = [Int](repeating: 0, count: b.count + 1)  // row i - 2
        var previous = Array(0...b.count)                     // row i - 1
        var row = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            row[0] = i
            var rowMin = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d = min(d, before[j - 2] + 1)
                }
                row[j] = d
                rowMin = min(rowMin, d)
            }
            if rowMin > limit { return nil }
            (before, previous, row) = (previous, row, before)
        }
        let d = previous[b.count]
        return d <= limit ? d : nil
    }
}

/// Source text quoted in a message: `'x'`, cut short so a hostile megabyte name stays readable.
enum Quote {
    static let maxScalars = 40

    static func text(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard scalars.count > maxScalars else { return "'\(s)'" }
        return "'\(String(String.UnicodeScalarView(scalars.prefix(maxScalars))))…'"
    }
}
