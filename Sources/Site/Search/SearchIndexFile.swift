/// The index as the script file the page loads on first use of the search box:
///
///     lessonsSearch({"p":[[title, path], ...],
///                    "s":[[page, anchor, heading, text], ...],
///                    "t":{token: postings, ...}});
///
/// A token's postings are one string of base-36 numbers, comma-separated, each
/// `(section - previous section) * 16 + weight`: gaps between sections are small, so the
/// postings cost a few bytes each. Keys are sorted, so a build is reproducible to the byte.
extension SearchIndex {
    /// The file for the edition `code`: its own name when the code is a plain language subtag,
    /// else numbered (a `lang` from front matter must not name a path).
    package static func fileName(edition code: String, ordinal: Int) -> String {
        let plain = !code.isEmpty && code.count <= 8 && code.unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
        return plain ? "search-\(code).js" : "search-\(ordinal + 1).js"
    }

    package var script: [UInt8] {
        var out = "lessonsSearch({\"p\":["
        out += pages.map { "[" + JSONText.string($0.title) + "," + JSONText.string($0.path) + "]" }.joined(separator: ",")
        out += "],\n\"s\":[\n"
        out += sections.map { entry in
            "[\(entry.page)," + JSONText.string(entry.section.anchor) + "," + JSONText.string(entry.section.heading) + ","
                + JSONText.string(Self.shortened(entry.section.text)) + "]"
        }.joined(separator: ",\n")
        out += "],\n\"t\":{"
        out += postings.keys.sorted().map { token in
            var previous = 0
            let list = (postings[token] ?? []).map { posting -> String in
                defer { previous = posting.section }
                return String((posting.section - previous) * 16 + posting.weight, radix: 36)
            }
            return JSONText.string(token) + ":\"" + list.joined(separator: ",") + "\""
        }.joined(separator: ",")
        out += "}});\n"
        return Array(out.utf8)
    }

    /// At most `textLimit` characters, cut at a space when there is one near the end.
    static func shortened(_ text: String) -> String {
        guard text.count > textLimit else { return text }
        let cut = text.prefix(textLimit)
        let end = cut.lastIndex(of: " ").flatMap { cut.distance(from: cut.startIndex, to: $0) > textLimit - 40 ? $0 : nil } ?? cut.endIndex
        return String(cut[..<end]) + " …"
    }
}
