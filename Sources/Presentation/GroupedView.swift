import LessonModel
import Training

/// One drawing of a graph with groups: every group collapsed to one card except `opened`,
/// whose nodes are drawn as themselves. Items are in an order where every item comes after
/// the items it uses, so the walk can go through them forward and back.
struct GroupedView {
    enum Item: Equatable {
        case node(Int)
        case group(Int)
    }

    let items: [Item]
    /// For each trace node, the index of the item that shows it.
    let itemOfNode: [Int]
    let nodeCount: Int
    /// The group drawn open, if any.
    let opened: Int?

    init(trace: Trace, groups: [NodeGroup], opened: Int?) {
        nodeCount = trace.nodes.count
        self.opened = opened
        var owner = Array(repeating: -1, count: trace.nodes.count)
        for (g, group) in groups.enumerated() where g != opened {
            for i in group.members where owner.indices.contains(i) { owner[i] = g }
        }
        // The items before ordering: loose nodes and collapsed groups, each with what it uses.
        var pending: [(item: Item, key: Int, uses: Set<Int>)] = []
        var pendingOfNode = Array(repeating: -1, count: trace.nodes.count)
        var pendingOfGroup: [Int: Int] = [:]
        for i in trace.nodes.indices {
            if owner[i] < 0 {
                pendingOfNode[i] = pending.count
                pending.append((.node(i), i, []))
            } else if let p = pendingOfGroup[owner[i]] {
                pendingOfNode[i] = p
            } else {
                pendingOfGroup[owner[i]] = pending.count
                pendingOfNode[i] = pending.count
                pending.append((.group(owner[i]), i, []))
            }
        }
        for (i, node) in trace.nodes.enumerated() {
            let p = pendingOfNode[i]
            for input in node.inputs where pendingOfNode.indices.contains(input) && pendingOfNode[input] != p {
                pending[p].uses.insert(pendingOfNode[input])
            }
        }
        // Kahn's algorithm, taking the ready item that appears first in the block; a cycle
        // (which the resolver rules out) would leave items over, appended in block order.
        var placed = Array(repeating: -1, count: pending.count)
        var order: [Int] = []
        while order.count < pending.count {
            let ready = pending.indices.first { p in placed[p] < 0 && pending[p].uses.allSatisfy { placed[$0] >= 0 } }
                ?? pending.indices.first { placed[$0] < 0 }
            guard let next = ready else { break }
            placed[next] = order.count
            order.append(next)
        }
        items = order.map { pending[$0].item }
        itemOfNode = pendingOfNode.map { $0 >= 0 ? placed[$0] : 0 }
    }

    /// The index snapshots and page elements use for an item: a node's own, or the node count
    /// plus the group's number.
    func index(of item: Item) -> Int {
        switch item {
        case .node(let i): return i
        case .group(let g): return nodeCount + g
        }
    }

    /// The view's arrows: one per pair of items a trace edge joins (edges inside a group vanish);
    /// `edge` is the first trace edge, by (input, user), that the arrow stands for.
    func edges(_ trace: Trace) -> [(from: Int, to: Int, edge: (input: Int, user: Int), isWhole: Bool)] {
        var seen: Set<[Int]> = []
        var out: [(from: Int, to: Int, edge: (input: Int, user: Int), isWhole: Bool)] = []
        for (user, node) in trace.nodes.enumerated() {
            for input in node.inputs {
                let (a, b) = (itemOfNode[input], itemOfNode[user])
                guard a != b, seen.insert([a, b]).inserted else { continue }
                let isWhole = items[a] == .node(input) && items[b] == .node(user)
                out.append((a, b, (input, user), isWhole))
            }
        }
        return out
    }
}
