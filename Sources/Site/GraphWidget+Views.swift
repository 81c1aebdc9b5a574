extension GraphWidget {
    /// A graph with one group opened in place: its own drawing, cards and walk. Snapshots hold
    /// the lines of every node and every group (`Node.index`), and the equations of every view's
    /// steps, the collapsed view's first and then each view's in order.
    package struct View: Sendable, Codable {
        package var svg: String
        package var width, height: Double
        package var nodes: [Node]
        package var edges: [Edge]
        package var steps: [Step]
        /// The opened group's nodes (trace indices): their cards are outlined in the group's colour,
        /// since the layout may place other cards among them.
        package var members: [Int]
        /// Where the collapse button goes: the top left of the group's leftmost card.
        package var collapseAt: Point
        /// The buttons' accessible labels and texts ("Expand layer 2", "Collapse layer 2").
        package var expandLabel, collapseLabel: String

        package init(svg: String, width: Double, height: Double, nodes: [Node], edges: [Edge], steps: [Step],
                     members: [Int], collapseAt: Point, expandLabel: String, collapseLabel: String) {
            self.svg = svg; self.width = width; self.height = height; self.nodes = nodes; self.edges = edges
            self.steps = steps; self.members = members; self.collapseAt = collapseAt; self.expandLabel = expandLabel; self.collapseLabel = collapseLabel
        }
    }
}
