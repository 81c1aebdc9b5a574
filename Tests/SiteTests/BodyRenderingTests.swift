import Testing
import LessonModel
@testable import Site

private func body(_ markdown: String, images: [String: ImageTarget] = [:], slugs: [String: String] = [:],
                  path: String = "a.md") -> String {
    let lesson = LessonParser.parse(bytes: Array(markdown.utf8), path: path, relativePath: path).0!
    let context = PageContext(courseTitle: "C", images: images, lessonSlugs: slugs)
    return BodyRenderer(lesson: lesson, context: context, phrases: Phrases(lang: nil)).render(lesson.blocks).html
}

@Test func textIsEscapedExactlyOnce() {
    #expect(body("a < b & c > d \"q\"\n") == "<p>a &lt; b &amp; c &gt; d \"q\"</p>\n")
}

@Test func attributesEscapeQuotes() {
    #expect(HTML.attribute(#"a"b'c<&>"#) == "a&quot;b&#39;c&lt;&amp;&gt;")
}

/// The `<math>` element TeXMath writes for `tex`, annotation included.
private func math(_ tex: String, _ mrowBody: String, display: Bool = false) -> String {
    let escaped = tex.replacingOccurrences(of: "<", with: "&lt;")
    return "<math\(display ? " display=\"block\"" : "") alttext=\"\(escaped)\"><semantics><mrow>\(mrowBody)</mrow>"
        + "<annotation encoding=\"application/x-tex\">\(escaped)</annotation></semantics></math>"
}

@Test func inlineAndDisplayMathBecomeMathML() {
    #expect(body("Let $a_1 < b$ hold.\n\n$$\\frac{1}{2}$$\n") ==
            "<p>Let " + math("a_1 < b", "<msub><mi>a</mi><mn>1</mn></msub><mo>&lt;</mo><mi>b</mi>") + " hold.</p>\n"
            + "<div class=\"math display\">" + math("\\frac{1}{2}", "<mfrac><mn>1</mn><mn>2</mn></mfrac>", display: true) + "</div>\n")
}

@Test func bracketDisplayMathInsideAParagraphIsABlockInThatParagraph() {
    #expect(body(#"so \[x\] here"#) == "<p>so " + math("x", "<mi>x</mi>", display: true) + " here</p>\n")
}

@Test func brokenFormulaShowsItsSourceInMerror() {
    #expect(body("a $x^{2$ b\n") == "<p>a <math alttext=\"x^{2\"><semantics><mrow><merror><mtext>x^{2</mtext></merror></mrow>"
            + "<annotation encoding=\"application/x-tex\">x^{2</annotation></semantics></math> b</p>\n")
}

@Test func codeListingHasItsLanguageClass() {
    #expect(body("```js\nif (a < b) {}\n```\n") == "<pre><code class=\"language-js\">if (a &lt; b) {}\n</code></pre>\n")
}

@Test func pythonListingsAreHighlighted() {
    #expect(body("```python\nif a < b: pass\n```\n") ==
            "<pre><code class=\"language-python\"><span class=\"k\">if</span> a <span class=\"o\">&lt;</span> b: "
            + "<span class=\"k\">pass</span>\n</code></pre>\n")
    #expect(body("```py\nx = 1\n```\n").contains("<span class=\"m\">1</span>"))
}

@Test func lessonBlockRendersAsACodeListingForNow() {
    #expect(body("```graph colah\ne = (a + b) * (b + 1)\n```\n") ==
            "<figure class=\"lesson-block graph\" id=\"graph-colah\"><figcaption><span class=\"block-kind\">graph</span> colah</figcaption>"
            + "<pre><code class=\"language-lessons\">e = (a + b) * (b + 1)\n</code></pre></figure>\n")
}

@Test func rawHTMLPassesThroughWithMathInside() {
    #expect(body("<figure>\n<figcaption>Plot of $x^2$</figcaption>\n</figure>\n") ==
            "<figure>\n<figcaption>Plot of " + math("x^2", "<msup><mi>x</mi><mn>2</mn></msup>") + "</figcaption>\n</figure>\n")
}

@Test func mathInsideAnAttributeBecomesItsTeX() {
    #expect(body("<abbr title=\"$x$\">x</abbr>\n").contains("<abbr title=\"x\">x</abbr>"))
}

@Test func rawHTMLImageIsRewrittenToItsCopy() {
    let html = body("<figure>\n<img src=\"/img/a.png\" alt=\"A\">\n</figure>\n", images: ["/img/a.png": .local(href: "media/img/a.png")])
    #expect(html == "<figure>\n<img src=\"media/img/a.png\" alt=\"A\">\n</figure>\n")
}

@Test func missingRawHTMLImageBecomesAltText() {
    let html = body("<figure>\n<img src=\"gone.png\" alt=\"Gone\">\n</figure>\n", images: ["gone.png": .missing])
    #expect(html == "<figure>\n<span class=\"image-alt\" role=\"img\" aria-label=\"Gone\">Gone</span>\n</figure>\n")
}

@Test func standaloneImageIsAFigureWithItsClasses() {
    #expect(body("![Net](net.png \"The network\")\n{: .wide}\n", images: ["net.png": .local(href: "media/net.png")]) ==
            "<figure class=\"wide\"><img src=\"media/net.png\" alt=\"Net\" title=\"The network\" loading=\"lazy\"><figcaption>The network</figcaption></figure>\n")
}

@Test func tableKeepsAlignment() {
    #expect(body("| a | b |\n|:-:|--:|\n| 1 | 2 |\n") ==
            "<div class=\"table-wrap\"><table>\n<thead><tr><th style=\"text-align: center\">a</th><th style=\"text-align: right\">b</th></tr></thead>\n"
            + "<tbody>\n<tr><td style=\"text-align: center\">1</td><td style=\"text-align: right\">2</td></tr>\n</tbody>\n</table></div>\n")
}

@Test func tightListItemsHaveNoParagraphs() {
    #expect(body("- one\n- two\n") == "<ul>\n<li>one\n</li>\n<li>two\n</li>\n</ul>\n")
}

@Test func orderedListKeepsItsStart() {
    #expect(body("3. three\n4. four\n").hasPrefix("<ol start=\"3\">"))
}

@Test func headingsGetAnchors() {
    #expect(body("## Chain rule\n") ==
            "<h2 id=\"chain-rule\">Chain rule<a class=\"anchor\" href=\"#chain-rule\" aria-hidden=\"true\">#</a></h2>\n")
}

@Test func linksToOtherLessonFilesPointAtTheirPages() {
    let html = body("See [XOR](../models/xor.md#code) and [web](https://x.org/a.md).\n",
                    slugs: ["models/xor.md": "models-xor"], path: "basics/intro.md")
    #expect(html.contains("<a href=\"../models-xor/index.html#code\">XOR</a>"))
    #expect(html.contains("<a href=\"https://x.org/a.md\">web</a>"))
}

@Test func kramdownTOCBecomesANestedList() {
    let html = body("* TOC\n{:toc}\n\n## A\n\n### A1\n\n## B\n")
    #expect(html.hasPrefix("<nav class=\"toc\" aria-label=\"Contents\">\n<p class=\"toc-title\">Contents</p>\n<ol>\n"
                           + "<li><a href=\"#a\">A</a>\n<ol>\n<li><a href=\"#a1\">A1</a></li>\n</ol>\n</li>\n"
                           + "<li><a href=\"#b\">B</a></li>\n</ol>\n</nav>\n"))
}

@Test func chineseLessonsUseChinesePhrases() {
    let lesson = LessonParser.parse(bytes: Array("---\nlang: zh-CN\n---\n## 一\n\n## 二\n".utf8), path: "a.md", relativePath: "a.md").0!
    let page = LessonPage.render(lesson, context: PageContext(courseTitle: "课程"))
    #expect(page.contains("<html lang=\"zh-CN\">"))
    #expect(page.contains("<p class=\"toc-title\">目录</p>"))
    #expect(page.contains("<a class=\"skip-link\" href=\"#main\">跳到正文</a>"))
    #expect(page.contains("<footer class=\"site-footer\">由 <strong>lessons</strong> 生成："))
    #expect(!page.contains("Skip to content") && !page.contains("Built with"))
}

@Test func pagesReferenceNoExternalResources() {
    let lesson = LessonParser.parse(bytes: Array("# T\n\nx\n".utf8), path: "a.md", relativePath: "a.md").0!
    let page = LessonPage.render(lesson, context: PageContext(courseTitle: "C", previous: LessonLink(slug: "p", title: "P")))
    #expect(!page.contains("http://") && !page.contains("https://"))
    // Our own script is the only one, and it is local.
    #expect(page.components(separatedBy: "<script").count == 2)
    #expect(page.contains("<script src=\"../assets/lessons.js\" defer></script>"))
    #expect(page.contains("<link rel=\"stylesheet\" href=\"../assets/lessons.css\">"))
    #expect(!Stylesheet.css.contains("url(") && !Stylesheet.css.contains("@import"))
}
