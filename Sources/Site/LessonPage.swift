import LessonModel

/// A whole lesson page: `output/<slug>/index.html`.
package enum LessonPage {
    package static func render(_ lesson: Lesson, context: PageContext) -> String {
        Layout.page(
            lang: lesson.frontMatter.lang ?? "en",
            title: "\(lesson.title) · \(context.courseTitle)",
            description: lesson.frontMatter.summary,
            root: "../",
            courseTitle: context.courseTitle,
            scripts: [Script.fileName],
            canonical: context.canonicalURL,
            edition: context.edition,
            search: context.searchIndex,
            main: article(lesson, context: context) + pager(context, phrases: Phrases(lang: lesson.frontMatter.lang)))
    }

    /// The lesson itself: title, summary, contents and body (also what the PDF handout prints).
    package static func article(_ lesson: Lesson, context: PageContext, id: String? = nil) -> Markup {
        let phrases = Phrases(lang: lesson.frontMatter.lang)
        let renderer = BodyRenderer(lesson: lesson, context: context, phrases: phrases)
        var blocks = lesson.blocks
        var heading: Markup = "<h1 class=\"lesson-title\">\(text: lesson.title)</h1>\n"
        if case .heading(1, _, _)? = blocks.first?.kind {
            heading = ""  // the lesson opens with its own title
        }
        var toc: Markup = ""
        if !blocks.contains(where: { $0.kind == .tableOfContents }) && lesson.toc.count >= 2 {
            toc = TableOfContents.render(References.tocEntries(lesson, context: context, phrases: phrases), lesson: lesson, phrases: phrases)
        }
        if heading.html.isEmpty, let first = blocks.first {
            heading = renderer.render([first])
            blocks.removeFirst()
        }
        var summary = lesson.frontMatter.summary.map { summary -> Markup in "<p class=\"lesson-summary\">\(text: summary)</p>\n" } ?? ""
        if let notebook = context.notebook {
            summary += "<p class=\"lesson-download\"><a href=\"\(attribute: HTML.pathURL(notebook))\" download "
                + "title=\"\(attribute: phrases.notebook.downloadTitle)\" type=\"application/x-ipynb+json\">\(text: phrases.notebook.download)</a></p>\n"
        }
        let deck: Markup = "<p class=\"slides-link\" hidden><a data-notes=\"\(attribute: phrases.notes)\" "
            + "data-next=\"\(attribute: phrases.nextSlide)\" data-presenter=\"\(attribute: phrases.presenter)\">\(text: phrases.slides)</a></p>\n"
        let slides = SlideSplit.slides(blocks).map { "<section class=\"slide\">\n\(renderer.render($0))</section>\n" as Markup }
        let body = slides.joined() + References.section(lesson, context: context, phrases: phrases)
        let idAttribute = id.map { id -> Markup in " id=\"\(attribute: id)\"" } ?? ""
        let langAttribute = lesson.frontMatter.lang.map { lang -> Markup in " lang=\"\(attribute: lang)\"" } ?? ""
        return "<article class=\"lesson\"\(idAttribute)\(langAttribute)>\n<header class=\"lesson-header\">\n\(heading)\(summary)\(deck)</header>\n"
            + toc + body + "</article>\n"
    }

    private static func pager(_ context: PageContext, phrases: Phrases) -> Markup {
        guard context.previous != nil || context.next != nil else { return "" }
        var out: Markup = "<nav class=\"pager\" aria-label=\"\(attribute: phrases.lessons)\">\n"
        if let p = context.previous {
            out += "<a class=\"prev\" rel=\"prev\" href=\"\(attribute: p.href)\"><span class=\"pager-label\">← \(text: phrases.previous)</span>"
            out += "<span class=\"pager-title\">\(text: p.title)</span></a>\n"
        }
        if let n = context.next {
            out += "<a class=\"next\" rel=\"next\" href=\"\(attribute: n.href)\"><span class=\"pager-label\">\(text: phrases.next) →</span>"
            out += "<span class=\"pager-title\">\(text: n.title)</span></a>\n"
        }
        return out + "</nav>\n"
    }
}

/// The course index: `output/index.html`.
package enum IndexPage {
    /// One row of the index.
    package struct Entry: Sendable {
        package var slug: String
        package var title: String
        package var summary: String?
        package var lang: String?

        package init(slug: String, title: String, summary: String?, lang: String?) {
            self.slug = slug
            self.title = title
            self.summary = summary
            self.lang = lang
        }
    }

    /// The language edition of a lesson: the primary subtag of its `lang` (`zh-CN` -> `zh`).
    package static func edition(of lang: String?, default fallback: String) -> String {
        (lang ?? fallback).split(separator: "-").first.map { $0.lowercased() } ?? fallback
    }

    /// The name of an edition, in its own language.
    package static func editionName(_ code: String) -> String {
        ["en": "English", "zh": "中文", "de": "Deutsch", "fr": "Français", "es": "Español", "ja": "日本語"][code] ?? code
    }

    /// `entries` must be grouped by edition (the main one first); with several editions the
    /// index has one section per edition, each numbered from 1.
    /// With `edition`, the page is one edition's own index (at `root`, e.g. `zh/` is one folder
    /// down): only its lessons, and the language switch to the other editions' indexes.
    package static func render(courseTitle: String, description: String?, lang: String, entries: [Entry],
                               canonical: String? = nil, root: String = "", edition editionLinks: EditionLinks? = nil,
                               search: String? = nil) -> String {
        var main: Markup = "<header class=\"course-header\">\n<h1>\(text: courseTitle)</h1>\n"
        if let description { main += "<p class=\"course-description\">\(text: description)</p>\n" }
        let mainEdition = edition(of: lang, default: "en")
        var editions: [(code: String, entries: [Entry])] = []
        for entry in entries {
            let code = edition(of: entry.lang, default: mainEdition)
            if let i = editions.firstIndex(where: { $0.code == code }) { editions[i].entries.append(entry) } else { editions.append((code, [entry])) }
        }
        if editions.count > 1 && editionLinks == nil {
            main += "<nav class=\"editions\" aria-label=\"Editions\">" + editions.map { edition -> Markup in
                "<a href=\"#edition-\(attribute: edition.code)\" lang=\"\(attribute: edition.code)\">\(text: editionName(edition.code))</a>"
            }.joined(separator: " · ") + "</nav>\n"
        }
        main += "</header>\n"
        for edition in editions {
            if editions.count > 1 {
                main += "<h2 class=\"edition-title\" id=\"edition-\(attribute: edition.code)\" lang=\"\(attribute: edition.code)\">\(text: editionName(edition.code))</h2>\n"
            }
            main += list(edition.entries, root: root)
        }
        return Layout.page(lang: lang, title: courseTitle, description: description, root: root,
                           courseTitle: courseTitle, scripts: [Script.fileName], canonical: canonical,
                           edition: editionLinks, search: search, main: main)
    }

    private static func list(_ entries: [Entry], root: String) -> Markup {
        var main: Markup = "<ol class=\"lesson-list\">\n"
        for entry in entries {
            let langAttribute = entry.lang.map { lang -> Markup in " lang=\"\(attribute: lang)\"" } ?? ""
            main += "<li\(langAttribute)><a href=\"\(attribute: root)\(attribute: HTML.pathURL(entry.slug))/index.html\">"
            main += "<span class=\"lesson-list-title\">\(text: entry.title)</span>"
            if let summary = entry.summary, !summary.isEmpty {
                main += "<span class=\"lesson-list-summary\">\(text: summary)</span>"
            }
            main += "</a></li>\n"
        }
        return main + "</ol>\n"
    }
}

/// The HTML shell shared by every page: no external resources, our own stylesheet only.
enum Layout {
    static func page(lang: String, title: String, description: String?, root: String,
                     courseTitle: String, scripts: [String], canonical: String? = nil,
                     edition: EditionLinks? = nil, search: String? = nil, main: Markup) -> String {
        var head: Markup = """
        <!DOCTYPE html>
        <html lang="\(attribute: lang)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>\(text: title)</title>

        """
        if let description, !description.isEmpty {
            head += "<meta name=\"description\" content=\"\(attribute: description)\">\n"
        }
        head += "<meta name=\"generator\" content=\"lessons\">\n"
        if let canonical { head += "<link rel=\"canonical\" href=\"\(attribute: canonical)\">\n" }
        head += "<link rel=\"stylesheet\" href=\"\(attribute: root)assets/lessons.css\">\n"
        for script in scripts { head += "<script src=\"\(attribute: root)assets/\(attribute: script)\" defer></script>\n" }
        if let edition { head += edition.headLinks }
        head += "</head>\n"
        let phrases = Phrases(lang: lang)
        let home = edition?.home ?? root + "index.html"
        let languageSwitch = edition?.languageSwitch(label: phrases.languages) ?? ""
        let searchBox = search.map { SearchBox.render(index: $0, root: root, phrases: phrases) } ?? ""
        let page: Markup = head + """
        <body>
        <a class="skip-link" href="#main">\(text: phrases.skipLink)</a>
        <header class="site-header"><a class="course-link" href="\(attribute: home)">\(text: courseTitle)</a>\(searchBox)\(languageSwitch)</header>
        <main id="main">
        \(main)</main>
        <footer class="site-footer">\(phrases.footer)</footer>
        </body>
        </html>

        """
        return page.html
    }
}
