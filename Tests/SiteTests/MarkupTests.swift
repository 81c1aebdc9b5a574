import Testing
@testable import Site

@Test func textAndAttributeValuesAreEscapedWhereTheyGo() {
    let name = "<script>\"x\" & 'y'"
    let html: Markup = "<p title=\"\(attribute: name)\">\(text: name) \(3)</p>"
    #expect(html.html == "<p title=\"&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;\">&lt;script&gt;\"x\" &amp; 'y' 3</p>")
}

@Test func trustedMarkupAndJoinsKeepTheirBytes() {
    var parts: [Markup] = [Markup(raw: "<math><mi>x</mi></math>"), "<br>"]
    parts[1] += "\n"
    #expect(parts.joined(separator: "<hr>").html == "<math><mi>x</mi></math><hr><br>\n")
    #expect(("<b>" + Markup(raw: "&amp;") + "</b>").html == "<b>&amp;</b>")
}

@Test func codeTabsEscapeANoteAndFileNames() {
    let tabs = CodeTabs(tabs: [], files: [CodeTabs.File(href: "data/<a>.csv", purpose: "x & y")], note: "1 < 2")
    let html = CodeTabsHTML.render(tabs, id: "t", block: "b").html
    #expect(html.contains("<p class=\"code-note\">1 &lt; 2 They read <a href=\"data/&lt;a&gt;.csv\" download>&lt;a&gt;.csv</a> (x &amp; y);"))
}
