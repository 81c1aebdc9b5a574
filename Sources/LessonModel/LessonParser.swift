import TeXMath

/// Reads one lesson file into a `Lesson`: decode, front matter, prescan, Markdown, kramdown leftovers.
public enum LessonParser {
    /// Parses `bytes`; returns the lesson (nil only when the bytes are not text) and every diagnostic.
    public static func parse(bytes: [UInt8], path: String, relativePath: String) -> (Lesson?, [Diagnostic]) {
        let source: SourceText
        switch SourceText.decode(bytes, path: path) {
        case .success(let s): source = s
        case .failure(let d): return (nil, [d])
        }
        var diagnostics = Diagnostics(path: path)
        let header = FrontMatterParser.parse(source.text, into: &diagnostics)
        var lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<min(header.lineCount, lines.count) { lines[i] = "" }  // keep line numbers
        let scanned = Prescanner.scan(lines.joined(separator: "\n"), into: &diagnostics)

        var parser = MarkdownParser(text: scanned.text, math: scanned.math, references: scanned.references,
                                    citations: scanned.citations, diagnostics: diagnostics)
        var blocks = parser.parse(scanned.text)
        diagnostics = parser.diagnostics
        convertMath(&parser.math, diagnostics: &diagnostics)
        KramdownAttributes.apply(scanned.attributes, to: &blocks, diagnostics: &diagnostics)

        var ids = IDAllocator()
        var toc: [TOCEntry] = []
        assignHeadingIDs(&blocks, ids: &ids, toc: &toc, math: parser.math, topLevel: true)

        let referencesID = ids.claim("references")  // unique among the headings' ids
        let fileName = String(relativePath.split(separator: "/").last ?? "")
        let title = header.frontMatter.title
            ?? firstHeading(blocks, level: 1, math: parser.math)
            ?? firstHeading(blocks, level: nil, math: parser.math)
            ?? (fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName)
        var lesson = Lesson(path: path, relativePath: relativePath,
                            slug: Slug.forLesson(relativePath: relativePath),
                            frontMatter: header.frontMatter, title: title, blocks: blocks,
                            math: parser.math, references: scanned.references, toc: toc, images: parser.images)
        lesson.citations = scanned.citations
        for item in scanned.citations.flatMap(\.items) where lesson.citationNumbers[item.key] == nil {
            lesson.citedKeys.append(item.key)
            lesson.citationNumbers[item.key] = lesson.citedKeys.count
        }
        lesson.referencesID = referencesID
        return (lesson, diagnostics.all)
    }

    /// TeX to MathML, once Markdown has decided which formulas are display math. A problem is a
    /// warning at its place in the formula; the page shows the faulty TeX in `<merror>`.
    static func convertMath(_ math: inout [MathSpan], diagnostics: inout Diagnostics) {
        for i in math.indices {
            let conversion = TeXMath.convert(math[i].tex, display: math[i].display)
            math[i].mathML = conversion.mathML
            let positions = math[i].positions(ofTeXOffsets: conversion.problems.map(\.offset))
            for (problem, position) in zip(conversion.problems, positions) {
                diagnostics.warning(position, "in formula: \(problem.message)")
            }
        }
    }

    private static func assignHeadingIDs(_ blocks: inout [Block], ids: inout IDAllocator,
                                         toc: inout [TOCEntry], math: [MathSpan], topLevel: Bool) {
        for i in blocks.indices {
            switch blocks[i].kind {
            case .heading(let level, let content, _):
                let id = ids.claim(blocks[i].id ?? Slug.make(PlainText.of(content, math: math)))
                blocks[i].kind = .heading(level: level, content: content, id: id)
                blocks[i].id = id
                if topLevel && (level == 2 || level == 3) { toc.append(TOCEntry(level: level, id: id, content: content)) }
            case .quote(var inner):
                assignHeadingIDs(&inner, ids: &ids, toc: &toc, math: math, topLevel: false)
                blocks[i].kind = .quote(inner)
            default:
                break
            }
        }
    }

    private static func firstHeading(_ blocks: [Block], level: Int?, math: [MathSpan]) -> String? {
        for block in blocks {
            if case .heading(let l, let content, _) = block.kind, level == nil || l == level {
                let text = PlainText.of(content, math: math).trimmingWhitespace
                if !text.isEmpty { return text }
            }
        }
        return nil
    }
}

/// Applies kramdown block attribute lines (`{: .a.b #id}`, `{:toc}`) to the blocks they follow.
enum KramdownAttributes {
    static func apply(_ lines: [AttributeLine], to blocks: inout [Block], diagnostics: inout Diagnostics) {
        for attribute in lines {
            let target = targetIndex(for: attribute.line, in: blocks)
            if attribute.content == "toc" {
                let toc = Block(.tableOfContents, startLine: attribute.line, endLine: attribute.line)
                if let t = target, case .list = blocks[t].kind, blocks[t].startLine < attribute.line {
                    blocks[t] = toc  // kramdown's `* TOC` list is the placeholder itself
                } else {
                    let at = blocks.firstIndex { $0.startLine > attribute.line } ?? blocks.endIndex
                    blocks.insert(toc, at: at)
                }
                continue
            }
            guard let t = target else {
                diagnostics.warning(SourcePosition(line: attribute.line, column: 1),
                                    "attribute line '{:\(attribute.content)}' has no block to apply to")
                continue
            }
            for word in attribute.content.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                if word.hasPrefix(".") {
                    blocks[t].classes += word.split(separator: ".").map(String.init).filter { !$0.isEmpty }
                } else if word.hasPrefix("#"), word.count > 1 {
                    blocks[t].id = String(word.dropFirst())
                }
            }
        }
    }

    /// The block directly before the line (cmark may count the blanked line into a list), else the
    /// block directly after it, else the nearest one before it.
    private static func targetIndex(for line: Int, in blocks: [Block]) -> Int? {
        let before = blocks.lastIndex { $0.startLine < line }
        if let b = before, blocks[b].endLine >= line - 1 { return b }
        if let after = blocks.firstIndex(where: { $0.startLine == line + 1 }) { return after }
        return before
    }
}
