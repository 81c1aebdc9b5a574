import LessonModel

/// A lesson cut into what search finds: one section for the top of the page (title, summary and
/// the prose before the first heading), then one per heading, each with the plain text a reader
/// can search: prose, formulas as their TeX, quoted numbers, and each block's kind, name and
/// node names. Code listings stay out (they would double the index for little gain).
package struct SearchSection: Sendable, Equatable {
    /// The heading's id on the page; empty for the top of the page.
    package var anchor: String
    /// The heading's text; the lesson's title for the top of the page.
    package var heading: String
    /// The section's plain text, whitespace collapsed.
    package var text: String

    package init(anchor: String, heading: String, text: String) {
        self.anchor = anchor
        self.heading = heading
        self.text = text
    }
}

package enum SearchSections {
    /// `quotes` are the numbers the page shows for `{{ block.node }}` references.
    package static func of(_ lesson: Lesson, quotes: [Int: String] = [:]) -> [SearchSection] {
        var walker = Walker(lesson: lesson, quotes: quotes)
        walker.sections = [SearchSection(anchor: "", heading: lesson.title, text: "")]
        if let summary = lesson.frontMatter.summary { walker.add(summary) }
        walker.walk(lesson.blocks, topLevel: true)
        return walker.sections.enumerated().compactMap { i, section in
            var section = section
            section.text = collapsed(section.text)
            // An empty section between two headings finds nothing its heading does not.
            return i > 0 && section.text.isEmpty && section.heading.isEmpty ? nil : section
        }
    }

    /// Runs of whitespace become one space; ends trimmed.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private struct Walker {
        let lesson: Lesson
        let quotes: [Int: String]
        var sections: [SearchSection] = []

        mutating func add(_ text: String) {
            guard !text.isEmpty, !sections.isEmpty else { return }
            sections[sections.count - 1].text += text + " "
        }

        mutating func walk(_ blocks: [Block], topLevel: Bool) {
            for (i, block) in blocks.enumerated() {
                switch block.kind {
                case .heading(let level, let content, let id):
                    let text = collapsed(plain(content))
                    // The lesson's own `# Title` opening the page is the top section's heading already.
                    if topLevel && i == 0 && level == 1 { continue }
                    sections.append(SearchSection(anchor: id, heading: text, text: ""))
                case .paragraph(let content): add(plain(content))
                case .displayMath(let index): add(tex(index))
                case .code, .exercise: continue
                case .lesson(let b): add(blockText(b))
                case .html(let html): add(htmlText(html))
                case .quote(let inner): walk(inner, topLevel: false)
                case .list(_, _, _, let items): items.forEach { walk($0, topLevel: false) }
                case .table(let table):
                    add((table.header + table.rows.flatMap { $0 }).map(plain).joined(separator: " "))
                case .thematicBreak, .tableOfContents: continue
                }
            }
        }

        func tex(_ index: Int) -> String {
            lesson.math.indices.contains(index) ? lesson.math[index].tex : ""
        }

        func plain(_ inlines: [Inline]) -> String {
            inlines.map { inline -> String in
                switch inline {
                case .text(let s), .code(let s): return s
                case .emphasis(let c), .strong(let c), .strikethrough(let c): return plain(c)
                case .link(_, _, let content): return plain(content)
                case .image(let image): return image.alt
                case .html(let html): return htmlText(html)
                case .math(let index): return " " + tex(index) + " "
                case .reference(let index): return quotes[index] ?? ""
                case .citation: return ""  // "[1]" would only match searches for digits
                case .softBreak, .lineBreak: return " "
                }
            }.joined()
        }

        /// Raw HTML's text: tags dropped, formulas as their TeX, entities left as written.
        func htmlText(_ html: String) -> String {
            Placeholders.pieces(html).map { piece -> String in
                switch piece {
                case .math(let index): return " " + tex(index) + " "
                case .reference(let index): return quotes[index] ?? ""
                case .citation: return ""
                case .text(let text):
                    var out = "", inTag = false
                    for c in text {
                        if c == "<" { inTag = true; out += " " } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
                    }
                    return out
                }
            }.joined()
        }

        /// `graph colah: a b e` — the block's kind and name, and the names its lines define
        /// (`param w = 0.5`, `loss = ...`, `group neuron: ...`), which readers look for.
        func blockText(_ b: LessonBlock) -> String {
            var names: [String] = []
            for line in b.source.split(separator: "\n") {
                let code = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                let head: Substring
                if let eq = code.firstIndex(of: "=") {
                    head = code[..<eq]
                } else if code.hasPrefix("group "), let colon = code.firstIndex(of: ":") {
                    head = code[..<colon]
                } else {
                    continue
                }
                if let name = head.split(separator: " ").last, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }),
                   !names.contains(String(name)) {
                    names.append(String(name))
                }
            }
            // The kind as the page's caption names it (计算图) and as the lesson wrote it (graph).
            let shown = Phrases(lang: lesson.frontMatter.lang).kindName(b.kind.rawValue)
            let kinds = shown == b.kind.rawValue ? [shown] : [shown, b.kind.rawValue]
            return (kinds + (b.name.map { [$0] } ?? []) + names).joined(separator: " ")
        }
    }
}
