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
        /// The box around the opened group's cards, where its collapse button goes.
        package var groupFrame: Frame
        /// The buttons' accessible labels and texts ("Expand layer 2", "Collapse layer 2").
        package var expandLabel, collapseLabel: String

        package init(svg: String, width: Double, height: Double, nodes: [Node], edges: [Edge], steps: [Step],
                     groupFrame: Frame, expandLabel: String, collapseLabel: String) {
            self.svg = svg; self.width = width; self.height = height; self.nodes = nodes; self.edges = edges
            self.steps = steps; self.groupFrame = groupFrame; self.expandLabel = expandLabel; self.collapseLabel = collapseLabel
        }
    }
}
