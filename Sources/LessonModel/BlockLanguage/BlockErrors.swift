/// A syntax error: parsing of the statement stops here and resumes at the next statement.
struct SyntaxError: Error {
    var position: SourcePosition
    var message: String
}

/// Collects a block's errors, up to `BlockLanguage.maxErrors`, so a block of garbage gives a
/// readable report (and bounded work) instead of a million lines.
struct BlockErrors: Sendable {
    private(set) var diagnostics: Diagnostics
    private(set) var isFull = false

    init(path: String) { diagnostics = Diagnostics(path: path) }

    var count: Int { diagnostics.all.count }

    mutating func error(_ position: SourcePosition, _ message: String) {
        guard !isFull else { return }
        if diagnostics.all.count >= BlockLanguage.maxErrors {
            diagnostics.error(position, "too many errors in this block; stopping after \(BlockLanguage.maxErrors)")
            isFull = true
            return
        }
        diagnostics.error(position, message)
    }

    /// The diagnostics in source order (the parser and the resolver find them in two passes);
    /// "too many errors" stays last.
    var inSourceOrder: [Diagnostic] {
        var all = Array(diagnostics.all.enumerated())
        let limitNote = isFull ? all.popLast() : nil
        all.sort { a, b in
            let (p, q) = (a.element.position ?? SourcePosition(line: 0, column: 0),
                          b.element.position ?? SourcePosition(line: 0, column: 0))
            return p != q ? p < q : a.offset < b.offset
        }
        return (all + (limitNote.map { [$0] } ?? [])).map(\.element)
    }
}
