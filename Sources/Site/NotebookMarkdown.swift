import LessonModel

/// A lesson's prose as Markdown for a notebook's cells: the AST written back, with formulas as the
/// TeX the lesson wrote (Jupyter typesets `$…$`), quoted results as the page's numbers, citations
/// as their numbers, and images and links resolved as the page resolves them (the notebook sits
/// next to the page, so relative paths still hold).
struct NotebookMarkdown {
    let lesson: Lesson
    let context: PageContext
    let phrases: Phrases

    func blocks(_ blocks: [Block], tight: Bool = false) -> String {
        Self.withoutInteractive(blocks, html: Self.html).map(block).filter { !$0.isEmpty }.joined(separator: tight ? "\n" : "\n\n")
    }

    func block(_ block: Block) -> String {
        switch block.kind {
        case .paragraph(let content):
            return inlines(content)
        case .displayMath(let i):
            return i < lesson.math.count ? formula(lesson.math[i]) : ""
        case .heading(let level, let content, _):
            return String(repeating: "#", count: max(1, min(level, 6))) + " " + inlines(content).replacingOccurrences(of: "\n", with: " ")
        case .code(let language, let text):
            return Self.fenced(text, language: language ?? "")
        case .lesson(let b):
            return Self.fenced(b.source, language: "")
        case .exercise(let exercise):
            guard let view = context.exercises[exercise.fenceLine] else { return "" }
            let given = phrases.exercise.given.replacingOccurrences(of: "{0}", with: view.given)
            return "> " + Self.escaped(given + " " + view.asked + " = ?") + "\n>\n> *" + Self.escaped(phrases.notebook.exerciseOnPage) + "*"
        case .html(let html):
            // A comment is a note to the course's authors (`typed on purpose: ...`), not for readers.
            if html.trimmingCharacters(in: .whitespacesAndNewlines).firstMatch(of: #/^<!--((?!-->)[\s\S])*-->$/#) != nil { return "" }
            return html.trimmingBlankLines
        case .quote(let inner):
            return blocks(inner).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")
        case .list(let ordered, let start, let tight, let items):
            return items.enumerated().map { k, item in
                let marker = ordered ? "\(start + k). " : "- "
                let pad = String(repeating: " ", count: marker.count)
                let lines = blocks(item, tight: tight).split(separator: "\n", omittingEmptySubsequences: false)
                return lines.enumerated().map { n, line in n == 0 ? marker + line : line.isEmpty ? "" : pad + line }.joined(separator: "\n")
            }.joined(separator: tight ? "\n" : "\n\n")
        case .table(let table):
            let row = { (cells: [[Inline]]) in
                "| " + cells.map { inlines($0).replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "|", with: "\\|") }
                    .joined(separator: " | ") + " |"
            }
            let rule = "|" + table.header.indices.map { i -> String in
                switch i < table.alignments.count ? table.alignments[i] : .none {
                case .none: return " --- "
                case .left: return " :-- "
                case .center: return " :-: "
                case .right: return " --: "
                }
            }.joined(separator: "|") + "|"
            return ([row(table.header), rule] + table.rows.map(row)).joined(separator: "\n")
        case .thematicBreak:
            return "---"
        case .tableOfContents:
            return ""
        }
    }

    func inlines(_ content: [Inline]) -> String {
        Self.withoutInteractive(content) { if case .html(let h) = $0 { h } else { nil } }.map(inline).joined()
    }

    /// A block's raw HTML, if it is some.
    static func html(_ block: Block) -> String? {
        if case .html(let h) = block.kind { h } else { nil }
    }

    /// `items` without the parts a teacher marked `class="interactive"` (README: sentences that
    /// tell the reader to press or drag something on the page, which a notebook does not have):
    /// from the HTML that opens such an element to the HTML that closes it.
    static func withoutInteractive<T>(_ items: [T], html: (T) -> String?) -> [T] {
        var kept: [T] = []
        var open: (tag: String, depth: Int)?
        for item in items {
            let text = html(item)
            if let current = open {
                let depth = current.depth + (text.map { balance(current.tag, in: $0) } ?? 0)
                open = depth > 0 ? (current.tag, depth) : nil
                continue
            }
            if let text, let tag = interactiveTag(text) {
                let depth = balance(tag, in: text)
                open = depth > 0 ? (tag, depth) : nil
                continue
            }
            kept.append(item)
        }
        return kept
    }

    /// The tag of an element the HTML opens with class `interactive`, if it does.
    private static func interactiveTag(_ html: String) -> String? {
        guard let match = html.firstMatch(of: #/^\s*<(?<tag>[A-Za-z][A-Za-z0-9]*)\b[^>]*\bclass\s*=\s*"[^"]*\binteractive\b[^"]*"/#)
        else { return nil }
        return String(match.output.tag).lowercased()
    }

    /// How many more `tag` elements the HTML opens than it closes.
    private static func balance(_ tag: String, in html: String) -> Int {
        let lower = html.lowercased()
        func count(_ prefix: String) -> Int {
            lower.ranges(of: prefix).filter { range in
                guard let next = lower[range.upperBound...].first else { return false }
                return !(next.isLetter || next.isNumber)
            }.count
        }
        return count("<" + tag) - count("</" + tag)
    }

    private func inline(_ inline: Inline) -> String {
        switch inline {
        case .text(let t): return Self.escaped(t)
        case .code(let t): return Self.code(t)
        case .emphasis(let c): return "*" + inlines(c) + "*"
        case .strong(let c): return "**" + inlines(c) + "**"
        case .strikethrough(let c): return "~~" + inlines(c) + "~~"
        case .link(let url, let title, let c):
            return "[" + inlines(c) + "](" + Self.destination(LessonLinks.resolve(url, from: lesson, slugs: context.lessonSlugs), title: title) + ")"
        case .image(let image):
            switch context.images[image.url] ?? .external {
            case .missing: return Self.escaped(image.alt.isEmpty ? phrases.imageMissing : image.alt)
            case .local(let href, _): return "![" + Self.escaped(image.alt) + "](" + Self.destination(href, title: image.title) + ")"
            case .external: return "![" + Self.escaped(image.alt) + "](" + Self.destination(image.url, title: image.title) + ")"
            }
        case .html(let html): return html
        case .math(let i): return i < lesson.math.count ? formula(lesson.math[i]) : ""
        case .reference(let i):
            guard i < lesson.references.count else { return "" }
            return Self.escaped(context.quotes[i] ?? lesson.references[i].source)
        case .citation(let i):
            guard i < lesson.citations.count else { return "" }
            let items = lesson.citations[i].items.map { item in
                let number = lesson.citationNumbers[item.key].map(String.init) ?? "?"
                return item.locator.map { number + ", " + Self.escaped($0) } ?? number
            }
            return "\\[" + items.joined(separator: "; ") + "\\]"
        case .softBreak: return "\n"
        case .lineBreak: return "\\\n"
        }
    }

    /// A formula with the TeX as written, between the delimiters Jupyter reads (`$`, `$$`).
    private func formula(_ span: MathSpan) -> String {
        let tex = String(span.tex.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        return span.display || span.delimiter == .doubleDollar || span.delimiter == .bracket ? "$$" + tex + "$$" : "$" + tex + "$"
    }

    /// The works the lesson cites, numbered as in the text.
    func references() -> String {
        let entries = lesson.citedKeys.enumerated().compactMap { k, key -> String? in
            guard let entry = context.bibliography[key] else { return nil }
            return "\(k + 1). " + Self.escaped(ReferenceEntry.plain(entry, lang: lesson.frontMatter.lang, phrases: phrases))
        }
        guard !entries.isEmpty else { return "" }
        return "## " + Self.escaped(phrases.references) + "\n\n" + entries.joined(separator: "\n")
    }

    /// Text with the characters Markdown (and Jupyter's `$` math) would read as syntax escaped.
    static func escaped(_ text: String) -> String {
        // Byte by byte: every such character is ASCII, and a 10 MB line of prose must stay fast.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                 UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "$"), UInt8(ascii: "|"):
                out.append(UInt8(ascii: "\\"))
            default: break
            }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Inline code, its fence longer than any run of backticks inside.
    static func code(_ text: String) -> String {
        let fence = String(repeating: "`", count: longestRun(of: "`", in: text) + 1)
        let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + pad + text + pad + fence
    }

    /// A fenced code block.
    static func fenced(_ text: String, language: String) -> String {
        let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: text) + 1))
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        return fence + language + "\n" + body + "\n" + fence
    }

    /// A link destination: in angle brackets when it has spaces or brackets.
    static func destination(_ url: String, title: String) -> String {
        let plain = !url.contains { " ()<>\n".contains($0) }
        let target = plain ? url : "<" + url.replacingOccurrences(of: "<", with: "%3C").replacingOccurrences(of: ">", with: "%3E")
            .replacingOccurrences(of: "\n", with: "%0A") + ">"
        guard !title.isEmpty else { return target }
        return target + " \"" + title.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static func longestRun(of mark: Character, in text: String) -> Int {
        var longest = 0, run = 0
        for c in text {
            run = c == mark ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}
