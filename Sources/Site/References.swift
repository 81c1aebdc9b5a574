import LessonModel

/// Citations (`[@key]`) as numbered links, and the references section that ends a lesson which
/// cites: its works in the order of their first citation, each with the id `ref-<key>`.
enum References {
    /// The id of a cited work's entry on this page.
    static func entryID(_ key: String, context: PageContext) -> String { context.anchorPrefix + "ref-" + key }

    /// The lesson's headings for its table of contents, with the references section last.
    static func tocEntries(_ lesson: Lesson, context: PageContext, phrases: Phrases) -> [TOCEntry] {
        guard !lesson.citedKeys.isEmpty else { return lesson.toc }
        return lesson.toc + [TOCEntry(level: 2, id: context.anchorPrefix + lesson.referencesID, content: [.text(phrases.references)])]
    }

    static func section(_ lesson: Lesson, context: PageContext, phrases: Phrases) -> Markup {
        guard !lesson.citedKeys.isEmpty else { return "" }
        let id = context.anchorPrefix + lesson.referencesID
        // The section holds the id (what the contents and the heading's anchor link to), so a
        // link to it shows the whole list.
        var out: Markup = "<section class=\"references\" id=\"\(attribute: id)\" aria-labelledby=\"\(attribute: id)-heading\">\n"
            + "<h2 id=\"\(attribute: id)-heading\">\(text: phrases.references)"
            + "<a class=\"anchor\" href=\"#\(attribute: id)\" aria-hidden=\"true\">#</a></h2>\n<ol class=\"reference-list\">\n"
        for key in lesson.citedKeys {
            let entry = context.bibliography[key].map { ReferenceEntry.markup($0, lang: lesson.frontMatter.lang, phrases: phrases) }
                ?? "\(text: key)"
            out += "<li id=\"\(attribute: entryID(key, context: context))\">\(entry)</li>\n"
        }
        return out + "</ol>\n</section>\n"
    }
}

extension BodyRenderer {
    /// `[1, section 6.5; 2]`: each number links to its work's entry, whose text is its tooltip.
    func citation(_ i: Int) -> Markup {
        guard i < lesson.citations.count else { return "" }
        let items = lesson.citations[i].items.map { item -> Markup in
            let number = lesson.citationNumbers[item.key].map(String.init) ?? "?"
            let title = context.bibliography[item.key].map { ReferenceEntry.plain($0, lang: lesson.frontMatter.lang, phrases: phrases) } ?? item.key
            let link: Markup = "<a href=\"#\(attribute: References.entryID(item.key, context: context))\" title=\"\(attribute: title)\">\(text: number)</a>"
            return item.locator.map { link + ", \(text: $0)" } ?? link
        }
        return "<span class=\"citation\">[" + items.joined(separator: "; ") + "]</span>"
    }
}
