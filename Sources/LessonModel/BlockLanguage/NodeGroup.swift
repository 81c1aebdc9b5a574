/// A named part of a graph that a diagram can draw as one card: a dense layer of a model block
/// (found by `DenseLayers`), a `group hidden: z, h` line, or a time step of a `repeat` line.
public struct NodeGroup: Equatable, Sendable, Codable {
    /// What the group is called: the teacher's name, or the number of a dense layer, which the
    /// page words in its own language ("layer 2", "第 2 层").
    public enum Title: Equatable, Sendable, Codable {
        case named(String)
        case layer(Int)
        /// A time step of a `repeat` line ("time step 3", "第 3 个时间步").
        case step(Int)
    }

    public var title: Title
    /// Indices into the program's nodes, ascending.
    public var members: [Int]
    /// Where the group was declared: the group's name, or the layer's size in a `layers` line.
    public var position: SourcePosition

    public init(title: Title, members: [Int], position: SourcePosition) {
        self.title = title
        self.members = members
        self.position = position
    }
}
