import LessonModel

/// One edition's search index, written to `assets/search-<edition>.js`, a script that calls
/// `lessonsSearch(data)` (a `<script src>` loads from `file://`, where `fetch` does not).
///
/// An inverted index: each token (`SearchTokens`) maps to the sections holding it, each with a
/// weight, the lesson's title outweighing a heading and a heading outweighing any amount of prose,
/// so the ranking is settled here and the script only adds weights up. `search` is that ranking
/// in Swift, which the tests check; `Script+Search` does the same on the page.
package struct SearchIndex: Sendable {
    /// One lesson: its title, its page relative to the site's root, and its sections.
    package struct Page: Sendable {
        package var title: String
        package var path: String
        package var sections: [SearchSection]

        package init(title: String, path: String, sections: [SearchSection]) {
            self.title = title
            self.path = path
            self.sections = sections
        }
    }

    /// A section found, by its place in `sections`, and its score.
    package struct Hit: Sendable, Equatable {
        package var section: Int
        package var score: Int
    }

    /// A title token counts in the top section only (the page itself is the result), a heading's
    /// in its section; each occurrence in prose adds one, up to `proseCap`, so that a long
    /// section does not outrank a heading by talking more.
    static let titleWeight = 12, headingWeight = 6, proseCap = 3
    /// Weights fit in four bits of a posting.
    static let maxWeight = 15
    /// A section's text in the file, in columns (`shortened`), for its snippet: enough for a
    /// window around most matches while keeping the file small; all its tokens are indexed.
    static let textLimit = 500

    package let pages: [Page]
    /// Every page's sections in course order, with the page each belongs to.
    package let sections: [(page: Int, section: SearchSection)]
    /// Token -> (section, weight), sections ascending.
    let postings: [String: [(section: Int, weight: Int)]]

    package init(pages: [Page]) {
        self.pages = pages
        var sections: [(page: Int, section: SearchSection)] = []
        var postings: [String: [(section: Int, weight: Int)]] = [:]
        for (p, page) in pages.enumerated() {
            for (k, section) in page.sections.enumerated() {
                var weights: [String: Int] = [:]
                for token in SearchTokens.tokens(section.text) { weights[token, default: 0] += 1 }
                for token in weights.keys { weights[token] = min(weights[token] ?? 0, Self.proseCap) }
                let field = k == 0 ? Self.titleWeight : Self.headingWeight
                for token in Set(SearchTokens.tokens(k == 0 ? page.title : section.heading)) {
                    weights[token] = min(Self.maxWeight, field + (weights[token] ?? 0))
                }
                let s = sections.count
                for (token, weight) in weights { postings[token, default: []].append((s, weight)) }
                sections.append((p, section))
            }
        }
        self.sections = sections
        self.postings = postings
    }

    /// For each distinct token of the query, the keys of the index that match it: the token
    /// itself; for the last word, while it is still being typed (no space after it), every key it
    /// begins; for a single Han character, every key that holds it.
    func keyGroups(_ query: String) -> [[String]] {
        let runs = SearchTokens.runs(query)
        let open = !(query.lowercased().unicodeScalars.last.map { SearchTokens.kind($0) == .separator } ?? true)
        var seen: Set<String> = []
        var groups: [[String]] = []
        for (r, run) in runs.enumerated() {
            let tokens = run.kind == .han ? SearchTokens.hanTokens(run.scalars) : [String(String.UnicodeScalarView(run.scalars))]
            for token in tokens where seen.insert(token).inserted {
                if run.kind == .han && run.scalars.count == 1 {
                    groups.append(postings.keys.filter { $0.contains(token) }.sorted())
                } else if run.kind == .word && open && r == runs.count - 1 {
                    groups.append(postings.keys.filter { $0.hasPrefix(token) }.sorted())
                } else {
                    groups.append([token])
                }
            }
        }
        return groups
    }

    /// The sections holding every token of the query, best first (ties in course order).
    package func search(_ query: String, limit: Int = 20) -> [Hit] {
        let groups = keyGroups(query)
        guard !groups.isEmpty else { return [] }
        var total: [Int: Int] = [:]
        for (g, keys) in groups.enumerated() {
            var best: [Int: Int] = [:]
            for key in keys {
                for posting in postings[key] ?? [] { best[posting.section] = max(best[posting.section] ?? 0, posting.weight) }
            }
            if g == 0 {
                total = best
            } else {
                total = total.reduce(into: [:]) { out, entry in
                    if let w = best[entry.key] { out[entry.key] = entry.value + w }
                }
            }
        }
        let hits = total.map { Hit(section: $0.key, score: $0.value) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.section < $1.section }
        return Array(hits.prefix(limit))
    }
}
