/// The index as the script file the page loads on first use of the search box, the JSON
///
///     {"p":[[title, path], ...], "s":[[page, anchor, heading, text], ...], "k":"keys", "v":"postings"}
///
/// packed as `lessonsSearch("search", "<base64 of its gzip>");` (`PackedScript`).
///
/// Sizes matter (the Chinese edition has thousands of bigrams), so the keys are sorted and
/// front-coded, space-separated: each is the number of leading characters it shares with the
/// one before (0-9), then the rest (`4propagation` after `backward`). `v` holds each key's
/// postings in the same order, space-separated; a key's postings are base-36 numbers,
/// comma-separated, each `(section - previous section) * 16 + weight`: gaps between sections
/// are small, so a posting costs a byte or two. Sorted, so a build is reproducible to the byte.
extension SearchIndex {
    /// The file for the edition `code`: its own name when the code is a plain language subtag,
    /// else numbered (a `lang` from front matter must not name a path).
    package static func fileName(edition code: String, ordinal: Int) -> String {
        let plain = !code.isEmpty && code.count <= 8 && code.unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
        return plain ? "search-\(code).js" : "search-\(ordinal + 1).js"
    }

    /// The file: the JSON below packed (`PackedScript`, about half the bytes), inflated on first use.
    package var script: [UInt8] {
        PackedScript.call("lessonsSearch", id: "search", json: json)
    }

    /// The index as JSON.
    package var json: String {
        var out = "{\"p\":["
        out += pages.map { "[" + JSONText.string($0.title) + "," + JSONText.string($0.path) + "]" }.joined(separator: ",")
        out += "],\n\"s\":[\n"
        out += sections.map { entry in
            "[\(entry.page)," + JSONText.string(entry.section.anchor) + "," + JSONText.string(entry.section.heading) + ","
                + JSONText.string(Self.shortened(entry.section.text)) + "]"
        }.joined(separator: ",\n")
        let keys = postings.keys.sorted { Array($0.utf16).lexicographicallyPrecedes(Array($1.utf16)) }
        out += "],\n\"k\":" + JSONText.string(Self.frontCoded(keys)) + ",\n\"v\":\""
        out += keys.map { token in
            var previous = 0
            return (postings[token] ?? []).map { posting -> String in
                defer { previous = posting.section }
                return String((posting.section - previous) * 16 + posting.weight, radix: 36)
            }.joined(separator: ",")
        }.joined(separator: " ")
        out += "\"}"
        return out
    }

    /// Sorted keys, each as the count of UTF-16 units it shares with the previous one (at most
    /// 9, one digit) and the rest; the page's script counts in the same units.
    static func frontCoded(_ keys: [String]) -> String {
        var previous: [UInt16] = []
        return keys.map { key -> String in
            let units = Array(key.utf16)
            var shared = 0
            while shared < 9 && shared < units.count - 1 && shared < previous.count && units[shared] == previous[shared] { shared += 1 }
            previous = units
            return String(shared) + String(decoding: units[shared...], as: UTF16.self)
        }.joined(separator: " ")
    }

    /// At most `textLimit` columns (a Han character takes two, as it does on screen and about as
    /// many bytes), cut at a space when there is one near the end.
    static func shortened(_ text: String) -> String {
        var columns = 0
        var end = text.endIndex
        for i in text.indices {
            columns += text[i].unicodeScalars.first.map { SearchTokens.kind($0) == .han ? 2 : 1 } ?? 1
            if columns > textLimit { end = i; break }
        }
        guard end < text.endIndex else { return text }
        let cut = text[..<end]
        if let space = cut.lastIndex(of: " "), cut.distance(from: space, to: cut.endIndex) < 40 { return String(cut[..<space]) + " …" }
        return String(cut) + " …"
    }
}
