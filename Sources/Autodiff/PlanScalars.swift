extension Plan {
    /// The first element of a node's value, without copying the tensor: for reading the loss on
    /// every training step without allocating. Nil for a node not in this graph.
    package func scalarValue(_ id: NodeID) -> Double? {
        guard graph.contains(id), offsets.indices.contains(id.index), offsets[id.index] < gradientBase else { return nil }
        return storage[offsets[id.index]]
    }
}
