/// Inline content of a paragraph, heading, table cell or link.
public indirect enum Inline: Sendable, Equatable {
    case text(String)
    case code(String)
    case emphasis([Inline])
    case strong([Inline])
    case strikethrough([Inline])
    case link(url: String, title: String, content: [Inline])
    case image(Image)
    /// Raw HTML; may hold formula markers, which the site turns into math.
    case html(String)
    /// Formula `index` of the lesson's `math`.
    case math(Int)
    /// Quoted result `index` of the lesson's `references`.
    case reference(Int)
    /// Citation `index` of the lesson's `citations` (`[@key]`).
    case citation(Int)
    case softBreak
    case lineBreak
}

/// An image reference, with where it was written (for "missing image" warnings).
public struct Image: Sendable, Equatable {
    public var url: String
    public var title: String
    public var alt: String
    public var position: SourcePosition
}

/// A fenced block whose info string starts with `graph` or `model`: code the build runs.
public struct LessonBlock: Sendable, Equatable {
    /// `graph` runs once, `model` trains, `compare` draws several models' loss curves together.
    public enum Kind: String, Sendable, Codable { case graph, model, compare }
    public var kind: Kind
    /// The block's name from the info string (`graph logistic` -> `logistic`), if given.
    public var name: String?
    /// The block's source, one line per source line.
    public var source: String
    /// The line of the opening fence; the source starts on the next line.
    public var fenceLine: Int

    public init(kind: Kind, name: String?, source: String, fenceLine: Int) {
        self.kind = kind
        self.name = name
        self.source = source
        self.fenceLine = fenceLine
    }
}

/// A column alignment of a GFM table.
public enum Alignment: Sendable, Equatable { case none, left, center, right }

/// A GFM table: a header row, body rows, and column alignments.
public struct Table: Sendable, Equatable {
    public var alignments: [Alignment]
    public var header: [[Inline]]
    public var rows: [[[Inline]]]
}

/// A block of the lesson's body.
public indirect enum BlockKind: Sendable, Equatable {
    case paragraph([Inline])
    /// A formula alone in its paragraph, typeset as display math.
    case displayMath(Int)
    case heading(level: Int, content: [Inline], id: String)
    case code(language: String?, text: String)
    case lesson(LessonBlock)
    /// An answer box under an exercise's question (`exercise <graph block>`, Exercise.swift).
    case exercise(Exercise)
    case html(String)
    case quote([Block])
    case list(ordered: Bool, start: Int, tight: Bool, items: [[Block]])
    case table(Table)
    case thematicBreak
    /// Where kramdown's `* TOC` + `{:toc}` asked for a table of contents.
    case tableOfContents
}

/// A block with its kramdown classes and id, and the lines it spans.
public struct Block: Sendable, Equatable {
    public var kind: BlockKind
    public var classes: [String] = []
    public var id: String?
    public var startLine: Int
    public var endLine: Int

    public init(_ kind: BlockKind, startLine: Int, endLine: Int) {
        self.kind = kind
        self.startLine = startLine
        self.endLine = endLine
    }
}

/// A heading for the table of contents.
public struct TOCEntry: Sendable, Equatable {
    public var level: Int
    public var id: String
    public var content: [Inline]

    public init(level: Int, id: String, content: [Inline]) {
        self.level = level
        self.id = id
        self.content = content
    }
}
