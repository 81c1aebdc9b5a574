/// The language of `graph` and `model` blocks: parsing, name resolution, limits.
public enum BlockLanguage {
    /// How deeply parentheses and function calls may nest. Only they make the parser recurse,
    /// so deeper input is an error at the crossing token instead of a stack overflow.
    /// (Tensor literals are parsed without recursion and have at most 2 levels of brackets.)
    public static let maxNestingDepth = 256

    /// The most nodes (leaves, constants and operations) one block may have: a diagram or a
    /// step-by-step walk through more could not be read, and drawing it would be slow.
    public static let maxNodes = 1_000

    /// The most groups one block may have: each is drawn once more, opened, so a block with
    /// more would multiply the build's drawing time and the site's size.
    public static let maxGroups = 32

    /// The most time steps a `repeat` line may unroll: each step is a group, and a block has at
    /// most `maxGroups` (its nodes count towards `maxNodes` too).
    public static let maxSteps = maxGroups

    /// Leaves with at most this many numbers get a field per number on the page (and may be
    /// moved by a `descend` line); bigger ones stay read-only.
    public static let maxEditableNumbers = 16

    /// How many errors one block reports before it stops being checked.
    public static let maxErrors = 100

    /// The most epochs a `train` line may ask for.
    public static let maxEpochs = 10_000_000

    /// The most numbers one initializer shape or one `layers` weight matrix may hold (the
    /// trainer's limit for a whole block's graph is the same, so anything larger cannot run).
    public static let maxTensorElements = 5_000_000

    /// The two kinds of block. A model block is a graph block plus data and training statements.
    enum Dialect: Sendable {
        case graph, model

        /// Words that start a statement: a line starting with one ends an unclosed bracket.
        var statementKeywords: Set<String> {
            switch self {
            case .graph: return ["param"]
            case .model: return BlockLanguage.modelStatements.union(["param"])
            }
        }

        /// Words that cannot be assigned.
        var reservedNames: Set<String> {
            switch self {
            case .graph: return ["param"]
            case .model: return statementKeywords.union(["epochs", "batch", "seed", "every", "log"])
            }
        }
    }

    /// The statements only a model block has; in a graph block they are an error that says so.
    static let modelStatements: Set<String> = ["data", "split", "layers", "train", "schedule", "trace"]

    /// Parses and resolves a graph block; nil program when there are errors.
    public static func parseGraph(_ block: LessonBlock, path: String) -> (GraphProgram?, [Diagnostic]) {
        var parser = BlockParser(source: Array(block.source.unicodeScalars), dialect: .graph,
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

    /// Parses and resolves a model block (the graph language plus `data`, `split`, `layers`,
    /// `train` and `trace` lines and initializer calls); nil program when there are errors.
    public static func parseModel(_ block: LessonBlock, path: String) -> (ModelProgram?, [Diagnostic]) {
        var parser = BlockParser(source: Array(block.source.unicodeScalars), dialect: .model,
                                 firstLine: block.fenceLine + 1, path: path)
        let statements = parser.parseStatements()
        var errors = parser.errors
        let fence = SourcePosition(line: block.fenceLine, column: 1)
        if statements.isEmpty, errors.count == 0 {
            errors.error(fence, "model block is empty; expected a data line, equations with a 'loss' and a train line, "
                + "like 'data xor', 'loss = mean((out - y)^2)' and 'train sgd(lr: 0.1) epochs 1000'")
            return (nil, errors.inSourceOrder)
        }
        let program = ModelResolver.resolve(statements, arena: parser.arena, fence: fence, errors: &errors)
        return (errors.diagnostics.hasErrors ? nil : program, errors.inSourceOrder)
    }
}
