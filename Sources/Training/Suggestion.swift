/// "Did you mean ...?" among a short list of names (data sets, arguments, CSV columns).
enum Suggestion {
    /// The candidate closest to `name`: one equal ignoring case, else the one with the fewest
    /// edits (see `distance`), if that is at most 2 and less than half of `name`'s
    /// length. Ties go to the earlier candidate, so the answer is deterministic.
    static func closest(to name: String, among candidates: [String]) -> String? {
        let lowered = name.lowercased()
        if let sameLetters = candidates.first(where: { $0.lowercased() == lowered }) { return sameLetters }
        let target = Array(lowered.unicodeScalars)
        // Long names are not compared: the quadratic distance is not worth it for a hint.
        guard target.count <= 64 else { return nil }
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let other = Array(candidate.lowercased().unicodeScalars)
            guard other.count <= 64 else { continue }
            let d = distance(target, other)
            if d <= 2, 2 * d < target.count, d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.name
    }

    /// " Did you mean 'x'?" or "" when nothing is close.
    static func hint(for name: String, among candidates: [String]) -> String {
        closest(to: name, among: candidates).map { " Did you mean '\($0)'?" } ?? ""
    }

    /// Optimal-string-alignment distance: inserts, deletes, substitutions and swaps of two
    /// neighbours ("adma" → "adam") each count as one edit.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var before = [Int](repeating: 0, count: b.count + 1)  // row i − 2
        var previous = Array(0...b.count)                     // row i − 1
        var row = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            row[0] = i
            for j in 1...b.count {
                var d = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, before[j - 2] + 1) }
                row[j] = d
            }
            (before, previous, row) = (previous, row, before)
        }
        return previous[b.count]
    }
}
