import Testing
@testable import Site

/// A lesson's `lang` is front matter, so it is text: the edition links, headings and their ids
/// must escape it like every other value.
@Test func editionCodesFromFrontMatterAreEscaped() {
    let entries = [IndexPage.Entry(slug: "a", title: "A", summary: nil, lang: nil),
                   IndexPage.Entry(slug: "b", title: "B", summary: nil, lang: "x\"><b>y</b>")]
    let html = IndexPage.render(courseTitle: "C", description: nil, lang: "en", entries: entries)
    #expect(!html.contains("<b>y</b>"))
    #expect(html.contains("<a href=\"#edition-x&quot;&gt;&lt;b&gt;y&lt;/b&gt;\" lang=\"x&quot;&gt;&lt;b&gt;y&lt;/b&gt;\">"))
    #expect(html.contains("<h2 class=\"edition-title\" id=\"edition-x&quot;&gt;&lt;b&gt;y&lt;/b&gt;\""))
}
