/// Turns a graph block's statements into a `GraphProgram`: looks names up, gives anonymous
/// intermediates generated names, and checks what needs the whole block in view.
struct GraphResolver {
    /// What an assigned name stands for.
    private enum Binding {
        case node(Int)
        /// Its statement had an error (reported); uses of it are dropped quietly.
        case broken
    }

    private let arena: ExpressionArena
    private var errors: BlockErrors
    private var nodes: [ProgramNode] = []
    private var bindings: [String: Binding] = [:]
    /// Names bound so far, in order: the candidates for "did you mean".
    private var boundNames: [String] = []
    /// The first line assigning each name anywhere in the block.
    private var firstAssignmentLine: [String: Int] = [:]
    private var reportedNames: Set<String> = []
    private var generated: GeneratedNames
    private var output: Int?

    /// The program, or nil if there were errors (added to `errors`).
    static func resolve(_ statements: [Statement], arena: ExpressionArena, errors: inout BlockErrors) -> GraphProgram? {
        var resolver = GraphResolver(statements, arena: arena, errors: errors)
        for statement in statements {
            switch statement {
            case .assignment(let assignment): resolver.resolve(assignment)
            case .broken(let name, _): if resolver.bindings[name] == nil { resolver.bind(name, .broken) }
            }
        }
        errors = resolver.errors
        guard errors.count == 0, let output = resolver.output else { return nil }
        return GraphProgram(nodes: resolver.nodes, output: output)
    }

    private init(_ statements: [Statement], arena: ExpressionArena, errors: BlockErrors) {
        self.arena = arena
        self.errors = errors
        var teacherNames: Set<String> = []
        for statement in statements {
            switch statement {
            case .assignment(let a) where a.isAssignable:
                teacherNames.insert(a.name)
                if firstAssignmentLine[a.name] == nil { firstAssignmentLine[a.name] = a.line }
            case .broken(let name, let position):
                teacherNames.insert(name)
                if firstAssignmentLine[name] == nil { firstAssignmentLine[name] = position.line }
            default: break
            }
        }
        for node in arena.nodes { if case .name(let name) = node.kind { teacherNames.insert(name) } }
        generated = GeneratedNames(taken: teacherNames)
    }

    private mutating func bind(_ name: String, _ binding: Binding) {
        bindings[name] = binding
        boundNames.append(name)
    }

    private mutating func resolve(_ a: Assignment) {
        let isDuplicate = a.isAssignable && bindings[a.name] != nil
        if isDuplicate, let line = firstAssignmentLine[a.name] {
            errors.error(a.namePosition, "'\(a.name)' is already assigned on line \(line)")
        }
        var binding = Binding.broken
        let root = arena[a.value]
        switch root.kind {
        case .number(let value) where a.nodes.count == 1:
            binding = .node(appendLeaf(a, .scalar(value)))
        case .tensor(let tensor) where a.nodes.count == 1:
            binding = .node(appendLeaf(a, tensor))
        case .name(let other) where a.nodes.count == 1:
            if bindings[other] == nil {
                _ = look(up: other, at: root.position)  // an unknown name is the bigger problem
            } else {
                errors.error(a.valuePosition, "'\(a.name) = \(other)' only gives \(other) a second name; use '\(other)' directly")
            }
        default:
            if a.isParameter {
                if !a.hadErrors {
                    errors.error(a.valuePosition, "a param must be given a literal value, like 'param w = [0.5, -0.3]'")
                }
            } else {
                binding = emit(a)
            }
        }
        guard a.isAssignable, !isDuplicate else { return }
        bind(a.name, binding)
        if case .node(let index) = binding { output = index }
    }

    /// `x = [1, 2]` is an input, `param w = [1, 2]` a parameter; either is drawn at its name.
    private mutating func appendLeaf(_ a: Assignment, _ tensor: TensorLiteral) -> Int {
        let kind: ProgramNode.Kind = a.isParameter ? .parameter(tensor) : .input(tensor)
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
                                 position: node.position, statementLine: line))
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
        reportedNames.insert(name)
        if let line = firstAssignmentLine[name] {
            errors.error(position, "'\(name)' is used before it is assigned on line \(line)")
        } else if let near = Suggestions.closest(to: name, among: boundNames) {
            errors.error(position, "undefined name \(Quote.text(name)); did you mean '\(near)'?")
        } else {
            errors.error(position, "undefined name \(Quote.text(name))")
        }
        return nil
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
