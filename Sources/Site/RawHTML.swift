import LessonModel

/// Raw HTML passes through, with two changes: `<img>` sources are resolved like Markdown images,
/// and formula markers become math (or, inside a tag's attributes, the formula's TeX).
enum RawHTML {
    static func render(_ html: String, lesson: Lesson, context: PageContext, phrases: Phrases) -> Markup {
        let rewritten = HTMLImageTags.rewrite(html) { tag in
            guard let src = tag.attribute("src") else { return nil }
            switch context.images[src] ?? .external {
            case .external: return nil
            case .local(let href, let size):
                return "<img" + tag.attributes.map { name, value in
                    " \(name)=\"\(HTML.attribute(name == "src" ? href : value))\""
                }.joined() + missingBox(tag, size: size) + ">"
            case .missing:
                let alt = Placeholders.pieces(tag.attribute("alt") ?? "").map {
                    if case .text(let t) = $0 { return t }
                    return ""
                }.joined()
                return BodyRenderer(lesson: lesson, context: context, phrases: phrases).missingImage(alt: alt).html
            }
        }
        // The teacher's own HTML is the one place where markup comes from outside our code, on purpose.
        return Markup(raw: substituteMath(rewritten, lesson: lesson, context: context))
    }

    /// The `width` or `height` (or both) that the teacher left out, from the file's own size, so
    /// the browser keeps the image's room before it loads; nothing when a size is in a unit.
    static func missingBox(_ tag: HTMLImageTags.Tag, size: ImageSize?) -> String {
        guard let size else { return "" }
        // Only plain pixel counts scale; a percentage or `em` is the teacher's layout to keep.
        func pixels(_ name: String) -> Double? {
            tag.attribute(name).flatMap { Double($0.hasSuffix("px") ? String($0.dropLast(2)) : $0) }
                .flatMap { $0.isFinite && $0 > 0 && $0 <= 1e6 ? $0 : nil }
        }
        let ratio = Double(size.height) / Double(size.width)
        switch (tag.attribute("width") != nil, tag.attribute("height") != nil) {
        case (false, false):
            return " width=\"\(size.width)\" height=\"\(size.height)\""
        case (true, false):
            return pixels("width").map { " height=\"\(max(1, Int(($0 * ratio).rounded())))\"" } ?? ""
        case (false, true):
            return pixels("height").map { " width=\"\(max(1, Int(($0 / ratio).rounded())))\"" } ?? ""
        case (true, true):
            return ""
        }
    }

    /// Replaces formula and reference markers: as math (or the quoted result) in element content,
    /// as plain text inside a tag.
    static func substituteMath(_ html: String, lesson: Lesson, context: PageContext) -> String {
        var out = ""
        var insideTag = false
        for piece in Placeholders.pieces(html) {
            switch piece {
            case .text(let t):
                out += t
                for c in t where c == "<" || c == ">" { insideTag = c == "<" }
            case .math(let i):
                guard i < lesson.math.count else { continue }
                out += (insideTag ? MathHTML.attributeText(lesson.math[i])
                    : MathHTML.render(lesson.math[i], block: false, classes: [])).html
            case .reference(let i):
                guard i < lesson.references.count else { continue }
                out += insideTag ? HTML.attribute(context.quotes[i] ?? lesson.references[i].source)
                    : BodyRenderer(lesson: lesson, context: context, phrases: Phrases(lang: lesson.frontMatter.lang)).quote(i).html
            case .citation(let i):
                guard i < lesson.citations.count else { continue }
                out += insideTag ? HTML.attribute(lesson.citations[i].source)
                    : BodyRenderer(lesson: lesson, context: context, phrases: Phrases(lang: lesson.frontMatter.lang)).citation(i).html
            }
        }
        return out
    }
}

/// Links to other lesson files (`[next](xor.md#code)`) point at their pages.
enum LessonLinks {
    static func resolve(_ url: String, from lesson: Lesson, slugs: [String: String]) -> String {
        guard !url.isEmpty, !url.contains(":"), !url.hasPrefix("#") else { return url }
        let (path, fragment) = split(url)
        guard path.hasSuffix(".md") else { return url }
        var parts = path.hasPrefix("/") ? [] : lesson.relativePath.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/") {
            if part == ".." { if parts.popLast() == nil { return url } } else if part != "." { parts.append(String(part)) }
        }
        let target = parts.joined(separator: "/")
        let decoded = target.removingPercentEncodingIfPossible
        guard let slug = slugs[target] ?? slugs[decoded] else { return url }
        return "../\(HTML.pathURL(slug))/index.html" + fragment
    }

    private static func split(_ url: String) -> (String, String) {
        guard let hash = url.firstIndex(of: "#") else { return (url, "") }
        return (String(url[..<hash]), String(url[hash...]))
    }
}

extension String {
    /// Percent-decoding without Foundation; invalid escapes leave the string unchanged.
    var removingPercentEncodingIfPossible: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var it = Array(utf8)[...]
        while let b = it.popFirst() {
            if b == UInt8(ascii: "%"), it.count >= 2,
               let v = UInt8(String(decoding: it.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(v)
                it = it.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }
}

/// The page's table of contents: h2 entries with their h3 entries nested.
enum TableOfContents {
    static func render(_ entries: [TOCEntry], lesson: Lesson, phrases: Phrases) -> Markup {
        guard !entries.isEmpty else { return "" }
        let renderer = BodyRenderer(lesson: lesson, context: PageContext(courseTitle: ""), phrases: phrases)
        var out: Markup = "<nav class=\"toc\" aria-label=\"\(attribute: phrases.contents)\">\n"
            + "<p class=\"toc-title\">\(text: phrases.contents)</p>\n<ol>\n"
        var openSub = false
        for (i, entry) in entries.enumerated() {
            let link: Markup = "<a href=\"#\(attribute: entry.id)\">\(renderer.inlines(withoutLinks(entry.content)))</a>"
            if entry.level == 3 && i > 0 {
                if !openSub { out += "\n<ol>\n"; openSub = true }
                out += "<li>\(link)</li>\n"
            } else {
                if openSub { out += "</ol>\n"; openSub = false }
                if i > 0 { out += "</li>\n" }
                out += "<li>\(link)"
            }
        }
        if openSub { out += "</ol>\n" }
        return out + "</li>\n</ol>\n</nav>\n"
    }

    /// Headings can hold links; a TOC entry is itself a link, and links must not nest.
    private static func withoutLinks(_ content: [Inline]) -> [Inline] {
        content.flatMap { inline -> [Inline] in
            if case .link(_, _, let inner) = inline { return withoutLinks(inner) }
            if case .citation = inline { return [] }  // a citation is a link too
            return [inline]
        }
    }
}
