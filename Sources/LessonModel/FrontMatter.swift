import Yams

/// The YAML header of a lesson. Unknown keys (Jekyll's `layout`, `tags`, ...) are kept in `other`.
public struct FrontMatter: Sendable, Equatable {
    public var title: String?
    public var order: Int?
    public var summary: String?
    public var lang: String?
    /// Keys this tool does not use, kept so later features and tools can read them.
    public var other: [String: String] = [:]

    public init(title: String? = nil, order: Int? = nil, summary: String? = nil, lang: String? = nil) {
        self.title = title
        self.order = order
        self.summary = summary
        self.lang = lang
    }
}

/// Splits a lesson into its front matter and its Markdown body, keeping body line numbers.
public enum FrontMatterParser {
    /// The parsed header, and the number of lines it occupies (0 when there is none).
    public struct Result: Sendable {
        public var frontMatter: FrontMatter
        public var lineCount: Int
    }

    /// Parses the header at the top of `text`; errors are located in the lesson file.
    public static func parse(_ text: String, into diagnostics: inout Diagnostics) -> Result {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, isFence(first, opening: true) else {
            return Result(frontMatter: FrontMatter(), lineCount: 0)
        }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0], opening: false) }) else {
            diagnostics.error(SourcePosition(line: 1, column: 1),
                              "front matter opened with '---' is never closed; expected a '---' line after it")
            return Result(frontMatter: FrontMatter(), lineCount: 0)
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let matter = interpret(yaml: yaml, lineOffset: 1, into: &diagnostics)
        return Result(frontMatter: matter, lineCount: close + 1)
    }

    private static func isFence(_ line: Substring, opening: Bool) -> Bool {
        let trimmed = line.trimmingTrailingWhitespace
        return trimmed == "---" || (!opening && trimmed == "...")
    }

    /// Reads the known keys of a YAML mapping; `lineOffset` is the file line just before the YAML.
    public static func interpret(yaml: String, lineOffset: Int, into diagnostics: inout Diagnostics) -> FrontMatter {
        var matter = FrontMatter()
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            let (position, message) = describe(error, lineOffset: lineOffset)
            diagnostics.error(position, "invalid YAML front matter: \(message)")
            return matter
        }
        guard let node else { return matter }
        guard let mapping = node.mapping else {
            diagnostics.error(position(of: node, lineOffset: lineOffset),
                              "front matter must be a mapping of keys to values (like 'title: Intro')")
            return matter
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "title":
                matter.title = scalarText(value, key: key, lineOffset: lineOffset, into: &diagnostics)
            case "summary":
                matter.summary = scalarText(value, key: key, lineOffset: lineOffset, into: &diagnostics)
            case "excerpt":
                if mapping["summary"] == nil {  // `summary` wins over Jekyll's `excerpt`
                    matter.summary = scalarText(value, key: key, lineOffset: lineOffset, into: &diagnostics)
                }
            case "lang":
                matter.lang = scalarText(value, key: key, lineOffset: lineOffset, into: &diagnostics)
            case "order":
                if let text = value.scalar?.string, let number = Int(text.trimmingWhitespace) {
                    matter.order = number
                } else {
                    diagnostics.error(position(of: value, lineOffset: lineOffset),
                                      "'order' must be a whole number, like 'order: 3'")
                }
            default:
                if let text = value.scalar?.string { matter.other[key] = text }
            }
        }
        return matter
    }

    private static func scalarText(_ node: Node, key: String, lineOffset: Int,
                                   into diagnostics: inout Diagnostics) -> String? {
        guard let scalar = node.scalar else {
            diagnostics.error(position(of: node, lineOffset: lineOffset),
                              "'\(key)' must be text, not a list or a mapping")
            return nil
        }
        if scalar.string.isEmpty && node.tag.description.hasSuffix(":null") { return nil }
        return scalar.string
    }

    private static func position(of node: Node, lineOffset: Int) -> SourcePosition {
        guard let mark = node.mark else { return SourcePosition(line: lineOffset + 1, column: 1) }
        return SourcePosition(line: mark.line + lineOffset, column: mark.column)
    }

    /// The file position and a readable message for a Yams error.
    static func describe(_ error: Error, lineOffset: Int) -> (SourcePosition, String) {
        guard let yamlError = error as? YamlError else {
            return (SourcePosition(line: lineOffset + 1, column: 1), "\(error)")
        }
        switch yamlError {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let at = SourcePosition(line: mark.line + lineOffset, column: mark.column)
            if let context {
                let start = SourcePosition(line: context.mark.line + lineOffset, column: context.mark.column)
                return (at, start == at ? "\(problem) (\(context.text))" : "\(problem) (\(context.text) that starts at \(start))")
            }
            return (at, problem)
        case let .reader(problem, _, _, _):
            return (SourcePosition(line: lineOffset + 1, column: 1), problem)
        default:
            return (SourcePosition(line: lineOffset + 1, column: 1), "\(yamlError)")
        }
    }
}

extension StringProtocol {
    var trimmingTrailingWhitespace: Substring {
        var s = self[...]
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return Substring(s)
    }

    /// The text between the first and the last character that is not whitespace (a slice, not
    /// a string built character by character from a reversed view: that was most of reading a
    /// bibliography).
    var trimmingWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
