import LessonModel

/// Renders a lesson's AST to HTML. Text reaches the page only through `Markup`'s escaping
/// interpolations (`\(text:)`, `\(attribute:)`).
struct BodyRenderer {
    let lesson: Lesson
    let context: PageContext
    let phrases: Phrases

    func render(_ blocks: [Block], tight: Bool = false) -> Markup {
        blocks.map { block($0, tight: tight) }.joined()
    }

    private func block(_ block: Block, tight: Bool) -> Markup {
        let cls = HTML.classes(block.classes)
        let id: Markup = block.id.map { " id=\"\(attribute: $0)\"" } ?? ""
        switch block.kind {
        case .paragraph(let content):
            if let image = standaloneImage(content) { return figure(image, classes: block.classes, id: id) }
            if tight && cls.html.isEmpty && id.html.isEmpty { return inlines(content) + "\n" }
            return "<p\(id)\(cls)>\(inlines(content))</p>\n"
        case .displayMath(let index):
            return MathHTML.render(lesson.math[index], block: true, classes: block.classes)
        case .heading(let level, let content, let headingID):
            let anchor: Markup = "<a class=\"anchor\" href=\"#\(attribute: headingID)\" aria-hidden=\"true\">#</a>"
            return "<h\(level) id=\"\(attribute: headingID)\"\(cls)>\(inlines(content))\(anchor)</h\(level)>\n"
        case .code(let language, let text):
            let lang: Markup = language.map { " class=\"language-\(attribute: $0)\"" } ?? ""
            let isPython = ["python", "py", "python3"].contains(language?.lowercased() ?? "")
            let code: Markup = isPython ? PythonHighlighter.html(text) : "\(text: text)"
            return "<pre\(id)\(cls)><code\(lang)>\(code)</code></pre>\n"
        case .lesson(let b):
            if let widget = context.widgets[b.fenceLine] { return GraphWidgetHTML.render(widget, phrases: phrases, lazyListings: !context.inlineListings) }
            if let model = context.models[b.fenceLine] { return ModelWidgetHTML.render(model, phrases: phrases, lazyListings: !context.inlineListings) }
            if let chart = context.charts[b.fenceLine] { return ModelWidgetHTML.figure(chart, block: true) }
            let name = b.name.map { " " + $0 } ?? ""
            let blockID: Markup = b.name.map { " id=\"\(attribute: b.kind.rawValue)-\(attribute: Slug.make($0))\"" } ?? id
            return "<figure class=\"lesson-block \(attribute: b.kind.rawValue)\"\(blockID)>"
                + "<figcaption><span class=\"block-kind\">\(text: phrases.kindName(b.kind.rawValue))</span>\(text: name)</figcaption>"
                + "<pre><code class=\"language-lessons\">\(text: b.source)</code></pre></figure>\n"
        case .exercise(let exercise):
            guard let view = context.exercises[exercise.fenceLine] else { return "" }
            return ExerciseHTML.render(view, line: exercise.fenceLine, context: context, phrases: phrases)
        case .html(let html):
            return RawHTML.render(html, lesson: lesson, context: context, phrases: phrases)
        case .quote(let inner) where SlideSplit.isNotes(block):
            return "<aside class=\"slide-notes\" hidden>\n\(render(inner))</aside>\n"
        case .quote(let inner):
            return "<blockquote\(id)\(cls)>\n\(render(inner))</blockquote>\n"
        case .list(let ordered, let start, let isTight, let items):
            let tag: Markup = ordered ? "ol" : "ul"
            let startAttribute: Markup = ordered && start != 1 ? " start=\"\(start)\"" : ""
            let body = items.map { item -> Markup in "<li>\(render(item, tight: isTight))</li>\n" }.joined()
            return "<\(tag)\(id)\(cls)\(startAttribute)>\n\(body)</\(tag)>\n"
        case .table(let table):
            return tableHTML(table, id: id, cls: cls)
        case .thematicBreak:
            return "<hr\(cls)>\n"
        case .tableOfContents:
            return TableOfContents.render(References.tocEntries(lesson, context: context, phrases: phrases), lesson: lesson, phrases: phrases)
        }
    }

    private func tableHTML(_ table: Table, id: Markup, cls: Markup) -> Markup {
        func align(_ i: Int) -> Markup {
            switch i < table.alignments.count ? table.alignments[i] : .none {
            case .none: return ""
            case .left: return " style=\"text-align: left\""
            case .center: return " style=\"text-align: center\""
            case .right: return " style=\"text-align: right\""
            }
        }
        var out: Markup = "<div class=\"table-wrap\"><table\(id)\(cls)>\n<thead><tr>"
        for (i, cell) in table.header.enumerated() { out += "<th\(align(i))>\(inlines(cell))</th>" }
        out += "</tr></thead>\n"
        if !table.rows.isEmpty {
            out += "<tbody>\n"
            for row in table.rows {
                out += "<tr>" + row.enumerated().map { i, cell -> Markup in "<td\(align(i))>\(inlines(cell))</td>" }.joined() + "</tr>\n"
            }
            out += "</tbody>\n"
        }
        return out + "</table></div>\n"
    }

    /// The image of a paragraph that holds nothing else; such a paragraph is a figure.
    private func standaloneImage(_ content: [Inline]) -> Image? {
        let meaningful = content.filter {
            if case .text(let t) = $0 { return !t.allSatisfy(\.isWhitespace) }
            return $0 != .softBreak && $0 != .lineBreak
        }
        if meaningful.count == 1, case .image(let image) = meaningful[0] { return image }
        return nil
    }

    private func figure(_ image: Image, classes: [String], id: Markup) -> Markup {
        let caption: Markup = image.title.isEmpty ? "" : "<figcaption>\(text: image.title)</figcaption>"
        switch context.images[image.url] ?? .external {
        case .missing:
            return "<figure\(id)\(HTML.classes(classes + ["missing-image"]))>" + missingImage(alt: image.alt) + caption + "</figure>\n"
        case .local(let href, let size):
            return "<figure\(id)\(HTML.classes(classes))>" + img(src: href, image: image, size: size) + caption + "</figure>\n"
        case .external:
            return "<figure\(id)\(HTML.classes(classes))>" + img(src: image.url, image: image) + caption + "</figure>\n"
        }
    }

    private func img(src: String, image: Image, size: ImageSize? = nil) -> Markup {
        let title: Markup = image.title.isEmpty ? "" : " title=\"\(attribute: image.title)\""
        let box: Markup = size.map { " width=\"\($0.width)\" height=\"\($0.height)\"" } ?? ""
        return "<img src=\"\(attribute: src)\" alt=\"\(attribute: image.alt)\"\(title)\(box) loading=\"lazy\">"
    }

    /// A quoted result, marked so readers can see where it came from.
    func quote(_ i: Int) -> Markup {
        guard i < lesson.references.count else { return "" }
        let reference = lesson.references[i]
        let text = context.quotes[i] ?? reference.source
        return "<span class=\"quote\" title=\"\(attribute: reference.dotted)\">\(text: text)</span>"
    }

    func missingImage(alt: String) -> Markup {
        let text = alt.isEmpty ? phrases.imageMissing : alt
        return "<span class=\"image-alt\" role=\"img\" aria-label=\"\(attribute: text)\">\(text: text)</span>"
    }

    // MARK: Inlines

    func inlines(_ content: [Inline]) -> Markup {
        content.map(inline).joined()
    }

    private func inline(_ inline: Inline) -> Markup {
        switch inline {
        case .text(let t): return "\(text: t)"
        case .code(let t): return "<code>\(text: t)</code>"
        case .emphasis(let c): return "<em>\(inlines(c))</em>"
        case .strong(let c): return "<strong>\(inlines(c))</strong>"
        case .strikethrough(let c): return "<del>\(inlines(c))</del>"
        case .link(let url, let title, let c):
            let t: Markup = title.isEmpty ? "" : " title=\"\(attribute: title)\""
            return "<a href=\"\(attribute: LessonLinks.resolve(url, from: lesson, slugs: context.lessonSlugs))\"\(t)>\(inlines(c))</a>"
        case .image(let image):
            switch context.images[image.url] ?? .external {
            case .missing: return missingImage(alt: image.alt)
            case .local(let href, let size): return img(src: href, image: image, size: size)
            case .external: return img(src: image.url, image: image)
            }
        case .html(let html): return RawHTML.render(html, lesson: lesson, context: context, phrases: phrases)
        case .math(let i): return i < lesson.math.count ? MathHTML.render(lesson.math[i], block: false, classes: []) : ""
        case .reference(let i): return quote(i)
        case .citation(let i): return citation(i)
        case .softBreak: return "\n"
        case .lineBreak: return "<br>\n"
        }
    }
}

/// Formulas as HTML: the MathML that `LessonParser` converted from TeX (no JavaScript needed).
enum MathHTML {
    /// `block` is true for a formula that is a paragraph of its own: its `<math display="block">`
    /// sits in a `<div>` that carries the paragraph's classes and scrolls sideways on narrow screens.
    static func render(_ span: MathSpan, block: Bool, classes: [String]) -> Markup {
        // The MathML was made (and escaped) by TeXMath.
        let math = Markup(raw: span.mathML)
        if block { return "<div\(HTML.classes(["math", "display"] + classes))>\(math)</div>\n" }
        return math
    }

    /// A formula inside an HTML attribute value: its TeX as plain text.
    static func attributeText(_ span: MathSpan) -> Markup { "\(attribute: span.tex)" }
}
