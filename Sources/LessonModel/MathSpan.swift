/// A formula cut out of the lesson before Markdown parsing, so that Markdown never sees its TeX.
public struct MathSpan: Sendable, Equatable {
    /// How the formula was delimited in the source.
    public enum Delimiter: String, Sendable {
        case doubleDollar = "$$", dollar = "$", parenthesis = "\\(", bracket = "\\["
    }

    public var delimiter: Delimiter
    /// The TeX between the delimiters, exactly as written (blockquote markers of later lines removed).
    public var tex: String
    /// Where the opening delimiter starts.
    public var position: SourcePosition
    /// The formula as written in the lesson, delimiters included.
    public var source: String
    /// What each covered line held of the formula (container prefixes excluded), to restore code verbatim.
    var portions: [String]
    /// True when the formula is typeset as a block: `\[...\]`, or `$$...$$` alone in its paragraph.
    public var display: Bool
    /// The formula as a MathML `<math>` element (filled in by `LessonParser` once `display` is known).
    public var mathML: String = ""

    /// Where a scalar offset within `tex` lies in the lesson file (formulas may span lines).
    public func position(ofTeXOffset offset: Int) -> SourcePosition {
        positions(ofTeXOffsets: [offset])[0]
    }

    /// The positions of several scalar offsets in one pass over the formula, so a formula with
    /// thousands of problems costs linear time, not quadratic.
    public func positions(ofTeXOffsets offsets: [Int]) -> [SourcePosition] {
        let order = offsets.indices.sorted { offsets[$0] < offsets[$1] }
        var found = [(line: Int, column: Int)](repeating: (0, 0), count: offsets.count)
        var next = 0
        var line = 0, column = 0
        for (i, s) in tex.unicodeScalars.enumerated() {
            while next < order.count, offsets[order[next]] <= i {
                found[order[next]] = (line, column)
                next += 1
            }
            if next == order.count { break }
            if s == "\n" { line += 1; column = 0 } else { column += 1 }
        }
        while next < order.count {  // offsets at or past the end
            found[order[next]] = (line, column)
            next += 1
        }
        // A later line's formula text starts after its container prefix (indentation, `>` markers).
        let sourceLines = found.contains { $0.line > 0 } ? source.split(separator: "\n", omittingEmptySubsequences: false) : []
        // Each line's prefix length once, not once per problem on it (a long line with thousands
        // of problems would otherwise cost quadratic time).
        var starts: [Int: Int] = [:]
        return found.map { line, column in
            if line == 0 {
                return SourcePosition(line: position.line, column: position.column + delimiter.rawValue.unicodeScalars.count + column)
            }
            guard line < sourceLines.count, line < portions.count else { return position }
            let start = starts[line] ?? {
                let start = sourceLines[line].unicodeScalars.count - portions[line].unicodeScalars.count
                starts[line] = start
                return start
            }()
            return SourcePosition(line: position.line + line, column: start + column + 1)
        }
    }
}

/// The private-use scalars that stand in for cut-out text in what cmark parses.
enum Placeholder {
    /// Marks the first scalar of formula `index`; plane-15 private use leaves room for 65,534 formulas.
    static let firstMarker: UInt32 = 0xF0000
    static let maxFormulas = 0xFFFD
    /// Stands for every other scalar of a formula, so columns and lines stay where they were.
    static let filler: Unicode.Scalar = "\u{E001}"

    static func marker(_ index: Int) -> Unicode.Scalar {
        Unicode.Scalar(firstMarker + UInt32(index)) ?? filler  // the caller keeps index < maxFormulas
    }

    static func index(of scalar: Unicode.Scalar) -> Int? {
        let v = scalar.value
        return v >= firstMarker && v < firstMarker + UInt32(maxFormulas) ? Int(v - firstMarker) : nil
    }
}
