/// Turns a block's statements into program nodes: looks names up, gives anonymous
/// intermediates generated names, and checks what needs the whole block in view. Model blocks
/// add data nodes, initialized parameters and `layers` expansions (see `ModelResolver`).
struct GraphResolver {
    /// What an assigned name stands for.
    enum Binding {
        case node(Int)
        /// Its statement had an error (reported); uses of it are dropped quietly.
        case broken
    }

    /// What a model block adds to name resolution.
    struct ModelContext {
        /// Names a `data` or `layers` line defines, with that line described ("the data line on
        /// line 2"); the teacher may not assign them.
        var definedBy: [String: String] = [:]
        /// `X` or `y` when no line supplies them: bound as broken from the start, so their uses
        /// stay quiet (the missing data is reported once).
        var missing: [String] = []
        /// A `layers` line with errors: the names it would define are unknown, so uses of
        /// `out`, `W1`, `b1`, `H1`, ... stay quiet.
        var hasBrokenLayers = false
        /// No `data` line: `X` and `y` must be matrix literals.
        var literalData = false
    }

    private let arena: ExpressionArena
    private let model: ModelContext?
    private(set) var errors: BlockErrors
    private(set) var nodes: [ProgramNode] = []
    private(set) var bindings: [String: Binding] = [:]
    /// Names bound so far, in order: the candidates for "did you mean".
    private var boundNames: [String] = []
    /// The first line assigning each name anywhere in the block.
    private var firstAssignmentLine: [String: Int] = [:]
    private var reportedNames: Set<String> = []
    private var generated: GeneratedNames
    /// The last assignment's node.
    private(set) var output: Int?
    /// The nodes each assigned name's statement made (its intermediates and constants too).
    private var statementNodes: [String: Range<Int>] = [:]
    private var groupStatements: [GroupStatement] = []
    /// The block's `group` lines, resolved once every statement is.
    private(set) var groups: [NodeGroup] = []
    private var descentStatements: [DescentStatement] = []

    /// The program of a graph block, or nil if there were errors (added to `errors`).
    static func resolve(_ statements: [Statement], arena: ExpressionArena, errors: inout BlockErrors) -> GraphProgram? {
        var resolver = GraphResolver(statements, arena: arena, errors: errors, model: nil)
        for statement in statements { resolver.resolve(statement) }
        resolver.checkNodeCount()
        resolver.resolveGroups()
        let descent = DescentResolver.resolve(resolver.descentStatements, nodes: resolver.nodes, output: resolver.output,
                                              bindings: resolver.bindings, errors: &resolver.errors)
        errors = resolver.errors
        guard errors.count == 0, let output = resolver.output else { return nil }
        return GraphProgram(nodes: resolver.nodes, output: output, groups: resolver.groups, descent: descent)
    }

    /// The resolved statements of a model block (the first `data` and `layers` lines only;
    /// the caller reports the others).
    static func resolveModel(_ statements: [Statement], arena: ExpressionArena, context: ModelContext,
                             errors: inout BlockErrors) -> GraphResolver {
        var resolver = GraphResolver(statements, arena: arena, errors: errors, model: context)
        for name in context.missing { resolver.bind(name, .broken) }
        for statement in statements { resolver.resolve(statement) }
        resolver.checkNodeCount()
        resolver.resolveGroups()
        errors = resolver.errors
        return resolver
    }

    private mutating func resolveGroups() {
        groups = GroupResolver.resolve(groupStatements, nodes: nodes, bindings: bindings,
                                       statementNodes: statementNodes, errors: &errors)
    }

    /// A block's diagram, trace and walk-through grow with its nodes: more than
    /// `BlockLanguage.maxNodes` is an error at the first node over the limit.
    private mutating func checkNodeCount() {
        guard nodes.count > BlockLanguage.maxNodes else { return }
        errors.error(nodes[BlockLanguage.maxNodes].position,
                     "this block has \(nodes.count) nodes (counting constants and intermediate results); "
                     + "the limit is \(BlockLanguage.maxNodes) per block, so split it into smaller blocks")
    }

    private init(_ statements: [Statement], arena: ExpressionArena, errors: BlockErrors, model: ModelContext?) {
        self.arena = arena
        self.errors = errors
        self.model = model
        var assigned: [(name: String, line: Int)] = []
        for statement in statements {
            switch statement {
            case .assignment(let a) where a.isAssignable: assigned.append((a.name, a.line))
            case .broken(let name, let position): assigned.append((name, position.line))
            case .layers(let layers): assigned += layers.assignments.map { ($0.name, $0.line) }
            default: break
            }
        }
        var teacherNames: Set<String> = model == nil ? [] : ["X", "y"]
        for (name, line) in assigned {
            teacherNames.insert(name)
            if firstAssignmentLine[name] == nil { firstAssignmentLine[name] = line }
        }
        for node in arena.nodes { if case .name(let name) = node.kind { teacherNames.insert(name) } }
        generated = GeneratedNames(taken: teacherNames)
    }

    private mutating func bind(_ name: String, _ binding: Binding) {
        bindings[name] = binding
        boundNames.append(name)
    }

    private mutating func resolve(_ statement: Statement) {
        switch statement {
        case .assignment(let assignment):
            resolve(assignment)
        case .broken(let name, _):
            if bindings[name] == nil, model?.definedBy[name] == nil { bind(name, .broken) }
        case .data(let data):
            resolve(data)
        case .layers(let layers):
            for assignment in layers.assignments { resolve(assignment) }
        case .group(let group):
            groupStatements.append(group)
        case .descent(let descent):
            descentStatements.append(descent)
        case .split, .train, .schedule, .trace:
            break
        }
    }

    /// `data xor` defines `X` and `y` as data nodes, drawn at the data set's name.
    private mutating func resolve(_ data: DataStatement) {
        for name in ["X", "y"] where bindings[name] == nil {
            guard data.source != nil else {
                bind(name, .broken)
                continue
            }
            nodes.append(ProgramNode(name: name, isNamed: true, kind: .data(name), position: data.namePosition,
                                     statementLine: data.position.line))
            bind(name, .node(nodes.count - 1))
            statementNodes[name] = nodes.count - 1..<nodes.count
        }
    }

    private mutating func resolve(_ a: Assignment) {
        if !a.isExpansion, a.isAssignable, let owner = model?.definedBy[a.name] {
            errors.error(a.namePosition, "'\(a.name)' is defined by \(owner)")
            return
        }
        let isDuplicate = a.isAssignable && bindings[a.name] != nil
        if isDuplicate, let line = firstAssignmentLine[a.name] {
            errors.error(a.namePosition, "'\(a.name)' is already assigned on line \(line)")
        }
        var binding = Binding.broken
        let firstNode = nodes.count
        if a.nodes.isEmpty || !a.nodes.contains(a.value) {
            // An initializer call; nil when its arguments had errors (reported).
            if let initializer = a.initializer { binding = .node(appendLeaf(a, .initialized(initializer))) }
        } else {
            binding = resolveValue(a)
        }
        guard a.isAssignable, !isDuplicate else { return }
        if model?.literalData == true, a.name == "X" || a.name == "y" { binding = checkedLiteralData(a, binding) }
        bind(a.name, binding)
        if case .node(let index) = binding {
            output = index
            statementNodes[a.name] = firstNode..<nodes.count
        }
    }

    private mutating func resolveValue(_ a: Assignment) -> Binding {
        let root = arena[a.value]
        switch root.kind {
        case .number(let value) where a.nodes.count == 1:
            return .node(appendLeaf(a, a.isParameter ? .parameter(.scalar(value)) : .input(.scalar(value))))
        case .tensor(let tensor) where a.nodes.count == 1:
            return .node(appendLeaf(a, a.isParameter ? .parameter(tensor) : .input(tensor)))
        case .name(let other) where a.nodes.count == 1:
            if bindings[other] == nil {
                _ = look(up: other, at: root.position)  // an unknown name is the bigger problem
            } else {
                errors.error(a.valuePosition, "'\(a.name) = \(other)' only gives \(other) a second name; use '\(other)' directly")
            }
            return .broken
        default:
            guard !a.isParameter else {
                if !a.hadErrors {
                    errors.error(a.valuePosition, model == nil
                        ? "a param must be given a literal value, like 'param w = [0.5, -0.3]'"
                        : "a param must be given a literal value or an initializer, like 'param W = xavier([2, 3])'")
                }
                return .broken
            }
            return emit(a)
        }
    }

    /// Without a data line, `X` and `y` are matrix literals with one row per example.
    private mutating func checkedLiteralData(_ a: Assignment, _ binding: Binding) -> Binding {
        guard case .node(let index) = binding else { return binding }
        let example = a.name == "X" ? "X = [[0, 0], [0, 1], [1, 0], [1, 1]]" : "y = [[0], [1], [1], [0]]"
        switch nodes[index].kind {
        case .input(let tensor) where tensor.dims.count == 2:
            return binding
        case .parameter, .initialized:
            errors.error(a.namePosition, "'\(a.name)' holds data, not a parameter; write '\(example)' without 'param'")
        default:
            errors.error(a.valuePosition, "'\(a.name)' must be a matrix literal with one row per example, like '\(example)'")
        }
        return .broken
    }

    /// `x = [1, 2]` is an input, `param w = [1, 2]` a parameter; either is drawn at its name.
    private mutating func appendLeaf(_ a: Assignment, _ kind: ProgramNode.Kind) -> Int {
        nodes.append(ProgramNode(name: a.name, isNamed: true, kind: kind, position: a.namePosition, statementLine: a.line))
        return nodes.count - 1
    }

    /// Appends the right-hand side's nodes in arena order, which is evaluation order; the top
    /// node takes the assigned name. Returns `.broken` if any part could not be resolved.
    private mutating func emit(_ a: Assignment) -> Binding {
        var resolved: [Int?] = []  // per arena node of the statement, from a.nodes.lowerBound
        resolved.reserveCapacity(a.nodes.count)
        func lookup(_ id: Int) -> Int? {
            let k = id - a.nodes.lowerBound
            return resolved.indices.contains(k) ? resolved[k] : nil
        }
        for id in a.nodes {
            let node = arena[id]
            let name = id == a.value ? a.name : nil
            switch node.kind {
            case .number(let value):
                resolved.append(append(.constant(.scalar(value)), node, name: name, line: a.line))
            case .tensor(let tensor):
                resolved.append(append(.constant(tensor), node, name: name, line: a.line))
            case .name(let used):
                resolved.append(look(up: used, at: node.position))
            case .operation(let op, let inputs, let exponent):
                let found = inputs.compactMap(lookup)
                guard found.count == inputs.count else {
                    resolved.append(nil)
                    continue
                }
                resolved.append(append(.operation(op, inputs: found, exponent: exponent), node, name: name, line: a.line))
            case .invalid:
                resolved.append(nil)
            }
        }
        return lookup(a.value).map(Binding.node) ?? .broken
    }

    private mutating func append(_ kind: ProgramNode.Kind, _ node: ExpressionArena.Node, name: String?, line: Int) -> Int {
        let isConstant: Bool
        if case .constant = kind { isConstant = true } else { isConstant = false }
        let generatedName = name == nil ? generated.next(isConstant ? .constant : .intermediate) : nil
        nodes.append(ProgramNode(name: name ?? generatedName ?? "", isNamed: name != nil, kind: kind,
                                 position: node.position, statementLine: line, axis: node.axis,
                                 dims: node.dims, index: node.index))
        return nodes.count - 1
    }

    /// A use of a name: its node, or an error the first time an unknown name is seen.
    private mutating func look(up name: String, at position: SourcePosition) -> Int? {
        switch bindings[name] {
        case .node(let index): return index
        case .broken: return nil
        case nil: break
        }
        guard !reportedNames.contains(name), !errors.isFull else { return nil }
        if model?.hasBrokenLayers == true, Self.isLayerName(name) { return nil }
        reportedNames.insert(name)
        if let owner = model?.definedBy[name] {
            errors.error(position, "'\(name)' is used before \(owner) defines it")
        } else if let line = firstAssignmentLine[name] {
            errors.error(position, "'\(name)' is used before it is assigned on line \(line)")
        } else if let near = Suggestions.closest(to: name, among: boundNames) {
            errors.error(position, "undefined name \(Quote.text(name)); did you mean '\(near)'?")
        } else {
            errors.error(position, "undefined name \(Quote.text(name))")
        }
        return nil
    }
}

extension GraphResolver {
    /// `out`, or a letter W, b or H and a number: a name a `layers` line may define.
    static func isLayerName(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard name != "out" else { return true }
        guard let first = scalars.first, ["W", "b", "H"].contains(first), scalars.count > 1 else { return false }
        return scalars.dropFirst().allSatisfy(Lexer.isDigit)
    }
}

/// Names for nodes the teacher did not name: `u1, u2, ...` for intermediates (the seed article's
/// u⁽ⁱ⁾) and `c1, c2, ...` for constants, skipping every name the block uses.
struct GeneratedNames {
    enum Role { case intermediate, constant }

    private let taken: Set<String>
    private var nextIntermediate = 1
    private var nextConstant = 1

    init(taken: Set<String>) { self.taken = taken }

    mutating func next(_ role: Role) -> String {
        switch role {
        case .intermediate: return Self.first("u", from: &nextIntermediate, skipping: taken)
        case .constant: return Self.first("c", from: &nextConstant, skipping: taken)
        }
    }

    private static func first(_ prefix: String, from counter: inout Int, skipping taken: Set<String>) -> String {
        while taken.contains("\(prefix)\(counter)") { counter += 1 }
        defer { counter += 1 }
        return "\(prefix)\(counter)"
    }
}
