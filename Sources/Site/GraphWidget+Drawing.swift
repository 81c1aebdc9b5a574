extension GraphWidget {
    /// One drawing of the graph: its picture and where each card, number area, edge and edge label
    /// went. A widget has its main drawing (the fields of `GraphWidget` itself) and, for graphs too
    /// wide for a phone, a narrow one laid out for it.
    package struct Drawing: Sendable, Codable {
        /// Where one node's card and its two number areas are.
        package struct Placement: Sendable, Codable {
            package var card, valueArea, gradientArea: Frame
            package init(card: Frame, valueArea: Frame, gradientArea: Frame) {
                self.card = card; self.valueArea = valueArea; self.gradientArea = gradientArea
            }
        }

        package var svg: String
        package var width, height: Double
        /// Per node, in node order.
        package var nodes: [Placement]
        /// Per edge, in edge order: its polyline and its label's box (nil without a label).
        package var edges: [[Point]]
        package var labels: [Frame?]

        package init(svg: String, width: Double, height: Double, nodes: [Placement], edges: [[Point]], labels: [Frame?]) {
            self.svg = svg; self.width = width; self.height = height
            self.nodes = nodes; self.edges = edges; self.labels = labels
        }
    }

    /// The main drawing, from the widget's own fields.
    package var mainDrawing: Drawing {
        Drawing(svg: svg, width: width, height: height,
                nodes: nodes.map { Drawing.Placement(card: $0.card, valueArea: $0.valueArea, gradientArea: $0.gradientArea) },
                edges: edges.map(\.points), labels: edges.map(\.label))
    }

    /// Every drawing the page carries: the main one, then the narrow one if there is one.
    package var drawings: [Drawing] { [mainDrawing] + (narrow.map { [$0] } ?? []) }
}
