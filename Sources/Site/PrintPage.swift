import LessonModel

/// The whole course as one page, for the PDF handout: a title page, a table of contents, and
/// every lesson starting on a new page. Each lesson's relative URLs are moved under its folder
/// (`figures/x.svg` -> `xor/figures/x.svg`) and links between lessons become in-page anchors.
package enum PrintPage {
    package static let fileName = "print.html"

    package static func render(courseTitle: String, description: String?, lang: String,
                               lessons: [(lesson: Lesson, context: PageContext)]) -> String {
        var main: Markup = "<section class=\"print-title\"><h1>\(text: courseTitle)</h1>"
        if let description { main += "<p class=\"course-description\">\(text: description)</p>" }
        main += "</section>\n<nav class=\"toc print-toc\"><p class=\"toc-title\">\(text: Phrases(lang: lang).contents)</p><ol>\n"
        for (lesson, _) in lessons {
            main += "<li><a href=\"#lesson-\(attribute: lesson.slug)\">\(text: lesson.title)</a></li>\n"
        }
        main += "</ol></nav>\n"
        for (lesson, context) in lessons {
            var context = context
            context.inlineListings = true  // paper cannot open a tab
            context.anchorPrefix = "lesson-\(lesson.slug)-"  // two lessons may cite one work
            let article = LessonPage.article(lesson, context: context, id: "lesson-\(lesson.slug)")
            // LessonPage made the article; relocating changes only its URL values. Images load
            // eagerly: Chromium prints right after the load event, before lazy ones would load.
            let eager = relocate(article.html, under: lesson.slug).replacingOccurrences(of: " loading=\"lazy\"", with: "")
            main += "<div class=\"print-lesson\">\(Markup(raw: eager))</div>\n"
        }
        return Layout.page(lang: lang, title: courseTitle, description: description, root: "",
                           courseTitle: courseTitle, scripts: [], main: main)
    }

    /// Rewrites `src`, `srcset` and `href` values that are relative to a lesson page.
    static func relocate(_ html: String, under slug: String) -> String {
        var out = ""
        var rest = Substring(html)
        let prefix = HTML.pathURL(slug) + "/"
        while let match = nextAttribute(in: rest) {
            out += rest[..<match.valueStart]
            let value = String(rest[match.valueStart..<match.valueEnd])
            out += match.isLink ? rewriteLink(value) : rewrite(value, prefix: prefix)
            rest = rest[match.valueEnd...]
        }
        return out + rest
    }

    /// Links in a handout: other lessons become anchors; downloads (code, traces, pictures) have
    /// no meaning on paper, and their absolute file URLs would change the PDF's bytes, so they
    /// point to the lesson instead.
    private static func rewriteLink(_ value: String) -> String {
        if value.hasPrefix("#") || value.contains(":") { return value }
        if value.hasPrefix("../") {
            let parts = value.dropFirst(3).split(separator: "/")
            if parts.count >= 2, parts[1].hasPrefix("index.html"), let slug = parts.first { return "#lesson-\(slug)" }
        }
        return "#"
    }

    private static func rewrite(_ value: String, prefix: String) -> String {
        if value.hasPrefix("#") || value.contains(":") || value.hasPrefix("/") { return value }
        if value.hasPrefix("../") {
            // Another lesson's page: `../xor/index.html#code` -> `#lesson-xor`.
            let parts = value.dropFirst(3).split(separator: "/")
            if parts.count >= 2, parts[1].hasPrefix("index.html"), let slug = parts.first { return "#lesson-\(slug)" }
            return String(value.dropFirst(3))
        }
        return prefix + value
    }

    /// The next `src="`, `srcset="` or `href="` value.
    private static func nextAttribute(in text: Substring) -> (valueStart: String.Index, valueEnd: String.Index, isLink: Bool)? {
        var search = text.startIndex
        while let quote = text[search...].firstIndex(of: "\"") {
            let before = text[..<quote]
            if before.hasSuffix("src=") || before.hasSuffix("srcset=") || before.hasSuffix("href=") {
                let start = text.index(after: quote)
                guard let end = text[start...].firstIndex(of: "\"") else { return nil }
                return (start, end, before.hasSuffix("href="))
            }
            search = text.index(after: quote)
        }
        return nil
    }
}
