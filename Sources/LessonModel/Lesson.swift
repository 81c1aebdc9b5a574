/// A parsed lesson: its metadata, its body as an AST, and its formulas.
public struct Lesson: Sendable {
    /// The path as the user gave it (used in diagnostics).
    public var path: String
    /// The path relative to the lessons folder, with `/` separators.
    public var relativePath: String
    /// The file's name without its folders (`xor.md`), which a lesson's editions share (`zh/xor.md`).
    public var fileName: String { String(relativePath.split(separator: "/").last ?? "") }
    public var slug: String
    public var frontMatter: FrontMatter
    /// The front matter title, else the first heading's text, else the file name.
    public var title: String
    public var blocks: [Block]
    public var math: [MathSpan]
    /// Results quoted in the prose (`{{ xor.loss }}`), resolved after the blocks have run.
    public var references: [Reference]
    /// Citations in the prose (`[@key]`), in document order, checked against the bibliography.
    public var citations: [Citation] = []
    /// The id of the references section a lesson that cites gets at its end (`references`, or
    /// another when a heading took it).
    public var referencesID = "references"
    /// The page's h2 and h3 headings, in order.
    public var toc: [TOCEntry]
    /// Every image, Markdown and raw HTML `<img>`, in document order, with its position.
    public var images: [Image]

    /// The most `graph` and `model` blocks one lesson may have: each is run and drawn at build
    /// time, so a lesson of thousands would make a slow build and an unreadable page.
    public static let maxBlocks = 100

    /// The keys the lesson cites, each once, in the order of their first citation.
    public var citedKeys: [String] = []
    /// Each cited key's number on the page (1 for the first work cited).
    public var citationNumbers: [String: Int] = [:]

    /// Every exercise block in the body, in order.
    public var exercises: [Exercise] {
        var found: [Exercise] = []
        func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .exercise(let e): found.append(e)
                case .quote(let inner): walk(inner)
                case .list(_, _, _, let items): items.forEach(walk)
                default: break
                }
            }
        }
        walk(blocks)
        return found
    }

    /// Every lesson block (`graph`/`model`) in the body, in order.
    public var lessonBlocks: [LessonBlock] {
        var found: [LessonBlock] = []
        func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .lesson(let b): found.append(b)
                case .quote(let inner): walk(inner)
                case .list(_, _, _, let items): items.forEach(walk)
                default: break
                }
            }
        }
        walk(blocks)
        return found
    }
}
