/// What ties a page to its edition of the course: the edition's index, and the same page in the
/// other editions (the language switch in the site header).
package struct EditionLinks: Sendable, Equatable {
    /// The same page in another language.
    package struct Alternate: Sendable, Equatable {
        /// The page's language (`zh-CN`), for `hreflang` and `lang`.
        package var lang: String
        /// The edition's name in its own language (`中文`).
        package var name: String
        /// Relative to the page that links to it.
        package var href: String

        package init(lang: String, name: String, href: String) {
            self.lang = lang
            self.name = name
            self.href = href
        }
    }

    /// The edition's index, relative to the page.
    package var home: String
    package var alternates: [Alternate]

    package init(home: String, alternates: [Alternate] = []) {
        self.home = home
        self.alternates = alternates
    }

    /// `<link rel="alternate" hreflang>` lines for the page's head.
    var headLinks: Markup {
        alternates.map { a -> Markup in "<link rel=\"alternate\" hreflang=\"\(attribute: a.lang)\" href=\"\(attribute: a.href)\">\n" }.joined()
    }

    /// The language switch shown in the site header (nothing with a single edition).
    func languageSwitch(label: String) -> Markup {
        guard !alternates.isEmpty else { return "" }
        return "<nav class=\"language-switch\" aria-label=\"\(attribute: label)\">" + alternates.map { a -> Markup in
            "<a href=\"\(attribute: a.href)\" hreflang=\"\(attribute: a.lang)\" lang=\"\(attribute: a.lang)\" rel=\"alternate\">\(text: a.name)</a>"
        }.joined(separator: " · ") + "</nav>"
    }
}
