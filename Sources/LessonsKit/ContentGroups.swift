/// Things grouped by their content, in the order each content first appears, each group with
/// its owners (the first one first): how files that several lessons make byte for byte are
/// found, to be written once (`SharedCode`, `SharedTraces`).
struct ContentGroups<Content: Hashable, Owner> {
    private var groups: [(content: Content, owners: [Owner])] = []
    private var index: [Content: Int] = [:]

    /// Records that `owner` makes `content`.
    mutating func add(_ content: Content, owner: Owner) {
        if let i = index[content] {
            groups[i].owners.append(owner)
        } else {
            index[content] = groups.count
            groups.append((content, [owner]))
        }
    }

    /// The contents more than one owner makes, in first-seen order.
    var shared: [(content: Content, owners: [Owner])] { groups.filter { $0.owners.count > 1 } }
}
