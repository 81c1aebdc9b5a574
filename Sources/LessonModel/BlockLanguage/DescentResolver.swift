/// Resolves a graph block's `descend` line once all its names are known.
enum DescentResolver {
    static func resolve(_ statements: [DescentStatement], nodes: [ProgramNode], output: Int?,
                        bindings: [String: GraphResolver.Binding], errors: inout BlockErrors) -> Descent? {
        guard let statement = statements.first else { return nil }
        for extra in statements.dropFirst() {
            errors.error(extra.position, "'descend' is already given on line \(statement.position.line); a block has one descend line")
        }
        let before = errors.count
        let names = bindings.keys.sorted()
        guard let target = lookUp(statement.target, names: names, bindings: bindings, errors: &errors) else { return nil }
        if let output, target != output, nodes.indices.contains(output) {
            errors.error(statement.target.position, "'\(statement.target.name)' is not this block's output; descend the output "
                + "'\(nodes[output].name)' (the last assignment), whose gradients the page shows")
        }
        let trainable = nodes.filter(\.isEditable).map(\.name)
        let upstream = self.upstream(of: target, nodes: nodes)
        var leaves: [Int] = []
        var seen: Set<String> = []
        for leaf in statement.leaves {
            guard seen.insert(leaf.name).inserted else {
                errors.error(leaf.position, "'\(leaf.name)' is listed twice in the descend line")
                continue
            }
            guard let i = lookUp(leaf, names: names, bindings: bindings, errors: &errors) else { continue }
            guard nodes[i].isEditable else {
                errors.error(leaf.position, "'\(leaf.name)' is computed, not an input or a parameter; a step moves leaves only "
                    + "(here: \(trainable.joined(separator: ", ")))")
                continue
            }
            guard upstream.contains(i) else {
                errors.error(leaf.position, "'\(statement.target.name)' does not depend on '\(leaf.name)', "
                    + "so a step would never move it; leave it out of the descend line")
                continue
            }
            leaves.append(i)
        }
        guard errors.count == before else { return nil }
        return Descent(target: target, leaves: leaves, rate: statement.rate ?? Descent.defaultRate, position: statement.position,
                       targetPosition: statement.target.position, leafPositions: statement.leaves.map(\.position))
    }

    /// The node a name stands for; nil (reported, unless its own statement was) when none.
    private static func lookUp(_ name: DescentStatement.Name, names: [String], bindings: [String: GraphResolver.Binding],
                               errors: inout BlockErrors) -> Int? {
        switch bindings[name.name] {
        case .node(let i): return i
        case .broken: return nil  // its statement's error is reported
        case nil:
            var message = "undefined name \(Quote.text(name.name)) in the descend line"
            if let near = Suggestions.closest(to: name.name, among: names) { message += "; did you mean '\(near)'?" }
            errors.error(name.position, message)
            return nil
        }
    }

    /// Every node `target` is computed from, and itself. Nodes come in evaluation order, so one
    /// pass backwards finds them all.
    static func upstream(of target: Int, nodes: [ProgramNode]) -> Set<Int> {
        var found: Set<Int> = [target]
        for i in stride(from: target, through: 0, by: -1) where found.contains(i) {
            if case .operation(_, let inputs, _) = nodes[i].kind { found.formUnion(inputs) }
        }
        return found
    }
}

extension ProgramNode {
    /// An input or a parameter: what the reader may edit, and a descend line may move.
    var isEditable: Bool {
        switch kind {
        case .input, .parameter: return true
        default: return false
        }
    }
}
