/// Finds the dense layers of a model's graph, `act(A @ W + b)` with parameters `W` and `b` of
/// their own, so a diagram can draw each layer as one card. The `layers` line writes exactly
/// this form, and so do teachers who write their layers out.
public enum DenseLayers {
    /// Fewer layers than this are left ungrouped: a one-layer graph is small enough to draw whole.
    public static let minimumLayers = 2

    /// One group per dense layer (its parameters, product, bias sum and activation), titled
    /// `.layer(k)` in evaluation order; empty when there are fewer than `minimumLayers` or more
    /// than `BlockLanguage.maxGroups`.
    public static func groups(in nodes: [ProgramNode]) -> [NodeGroup] {
        var users = Array(repeating: [Int](), count: nodes.count)
        for (i, node) in nodes.enumerated() {
            if case .operation(_, let inputs, _) = node.kind {
                for input in inputs where users.indices.contains(input) { users[input].append(i) }
            }
        }
        func operation(_ i: Int) -> (ProgramOp, [Int])? {
            guard nodes.indices.contains(i), case .operation(let op, let inputs, _) = nodes[i].kind else { return nil }
            return (op, inputs)
        }
        func isOwnParameter(_ i: Int, of user: Int) -> Bool {
            guard nodes.indices.contains(i), users[i] == [user] else { return false }
            switch nodes[i].kind {
            case .parameter, .initialized: return true
            default: return false
            }
        }
        var groups: [NodeGroup] = []
        for sum in nodes.indices {
            guard let (op, inputs) = operation(sum), op == .add, inputs.count == 2 else { continue }
            let (product, bias) = (inputs[0], inputs[1])
            guard let (productOp, factors) = operation(product), productOp == .matmul, factors.count == 2,
                  users[product] == [sum], isOwnParameter(factors[1], of: product), isOwnParameter(bias, of: sum)
            else { continue }
            var members = [factors[1], bias, product, sum]
            if users[sum].count == 1, let user = users[sum].first, let (activation, _) = operation(user),
               [.sigmoid, .tanh, .relu].contains(activation) {
                members.append(user)
            }
            groups.append(NodeGroup(title: .layer(groups.count + 1), members: members.sorted(),
                                    position: nodes[factors[1]].position))
        }
        // Beyond BlockLanguage.maxGroups layers the graph is drawn whole, as before groups.
        return (minimumLayers...BlockLanguage.maxGroups).contains(groups.count) ? groups : []
    }
}
