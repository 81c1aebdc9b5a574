/// Resolves a block's `group` lines (and a `repeat` line's time steps) once all its names are known.
enum GroupResolver {
    static func resolve(_ statements: [GroupStatement], nodes: [ProgramNode], bindings: [String: GraphResolver.Binding],
                        statementNodes: [String: Range<Int>], errors: inout BlockErrors) -> [NodeGroup] {
        var groups: [NodeGroup] = []
        var firstLine: [String: Int] = [:]
        /// Which group (by name) each node already belongs to.
        var owner: [Int: String] = [:]
        let names = statementNodes.keys.sorted()
        if statements.count > BlockLanguage.maxGroups {
            errors.error(statements[BlockLanguage.maxGroups].position, "this block has \(statements.count) groups; the limit is "
                + "\(BlockLanguage.maxGroups) per block, so group larger parts or split the block")
            return []
        }
        for statement in statements {
            if let line = firstLine[statement.name] {
                errors.error(statement.position, "group '\(statement.name)' is already defined on line \(line)")
                continue
            }
            firstLine[statement.name] = statement.position.line
            guard !statement.members.isEmpty else {
                errors.error(statement.position, "group '\(statement.name)' is empty; list the names of the nodes "
                    + "it holds, like 'group \(statement.name): z, h'")
                continue
            }
            var members: Set<Int> = []
            var listed: Set<String> = []
            for member in statement.members {
                guard listed.insert(member.name).inserted else {
                    errors.error(member.position, "'\(member.name)' is listed twice in group '\(statement.name)'")
                    continue
                }
                guard let range = statementNodes[member.name] else {
                    if case .broken = bindings[member.name] { continue }  // its statement's error is reported
                    var message = "undefined name \(Quote.text(member.name)) in group '\(statement.name)'"
                    if let near = Suggestions.closest(to: member.name, among: names) { message += "; did you mean '\(near)'?" }
                    errors.error(member.position, message)
                    continue
                }
                if let other = range.lazy.compactMap({ owner[$0] }).first {
                    errors.error(member.position, "'\(member.name)' is already in group '\(other)'; a node belongs to one group")
                    continue
                }
                for i in range {
                    owner[i] = statement.name
                    members.insert(i)
                }
            }
            let sorted = members.sorted()
            if !sorted.isEmpty, let gap = firstGap(in: sorted, nodes: nodes) {
                // An unnamed intermediate is named by its statement, the name the teacher can add.
                let line = nodes[gap.node].statementLine
                let left = nodes[gap.node...].first { $0.isNamed && $0.statementLine == line }?.name ?? nodes[gap.node].name
                errors.error(statement.position, "group '\(statement.name)' leaves out '\(left)' "
                    + "(line \(line)), which is computed from the group and used by "
                    + "'\(nodes[gap.user].name)' in it; add it to the group so the group can be drawn as one card")
                continue
            }
            if !sorted.isEmpty {
                groups.append(NodeGroup(title: statement.title ?? .named(statement.name), members: sorted, position: statement.position))
            }
        }
        return groups
    }

    /// A node outside the group that is computed from a member and used (perhaps through other
    /// outside nodes) by a member: collapsed, the group would feed itself. Nodes are in
    /// evaluation order, so one pass finds every node downstream of the group.
    static func firstGap(in members: [Int], nodes: [ProgramNode]) -> (node: Int, user: Int)? {
        let inGroup = Set(members)
        var downstream: [Int: Int] = [:]  // outside node -> the first outside node after the group on its path
        for (i, node) in nodes.enumerated() {
            guard case .operation(_, let inputs, _) = node.kind else { continue }
            if inGroup.contains(i) {
                if let gap = inputs.lazy.compactMap({ downstream[$0] }).first { return (gap, i) }
            } else if let from = inputs.lazy.compactMap({ inGroup.contains($0) ? i : downstream[$0] }).first {
                downstream[i] = from
            }
        }
        return nil
    }
}
