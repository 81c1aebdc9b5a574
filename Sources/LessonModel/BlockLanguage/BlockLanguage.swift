/// The language of `graph` blocks (model blocks extend it): parsing, name resolution, limits.
public enum BlockLanguage {
    /// How deeply parentheses and function calls may nest. Only they make the parser recurse,
    /// so deeper input is an error at the crossing token instead of a stack overflow.
    /// (Tensor literals are parsed without recursion and have at most 2 levels of brackets.)
    public static let maxNestingDepth = 256

    /// How many errors one block reports before it stops being checked.
    public static let maxErrors = 100

    /// Words that start a statement in a graph block.
    static let graphKeywords: Set<String> = ["param"]

    /// Parses and resolves a graph block; nil program when there are errors.
    public static func parseGraph(_ block: LessonBlock, path: String) -> (GraphProgram?, [Diagnostic]) {
        var parser = BlockParser(source: Array(block.source.unicodeScalars), keywords: graphKeywords,
                                 firstLine: block.fenceLine + 1, path: path)
        let statements = parser.parseStatements()
        var errors = parser.errors
        if statements.isEmpty, errors.count == 0 {
            errors.error(SourcePosition(line: block.fenceLine, column: 1),
                         "graph block is empty; expected at least one assignment like 'y = 2 * x'")
            return (nil, errors.inSourceOrder)
        }
        let program = GraphResolver.resolve(statements, arena: parser.arena, errors: &errors)
        return (errors.diagnostics.hasErrors ? nil : program, errors.inSourceOrder)
    }
}
