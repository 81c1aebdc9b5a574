/// Everything a page needs to show one executed graph: the drawn diagram's files and geometry,
/// the text of every value and gradient, and the steps of the forward and backward walk.
/// It holds only strings and numbers: the numbers were formatted by whoever ran the graph.
package struct GraphWidget: Sendable, Codable {
    /// An axis-aligned rectangle in diagram pixels.
    package struct Frame: Sendable, Equatable, Codable {
        package var x, y, width, height: Double
        package init(x: Double, y: Double, width: Double, height: Double) {
            self.x = x; self.y = y; self.width = width; self.height = height
        }
    }

    /// One node: its card, and the two areas whose text changes during the walk.
    package struct Node: Sendable, Codable {
        package var name: String
        package var role: String
        package var card: Frame
        package var valueArea: Frame
        package var gradientArea: Frame
        package var valueLines: [String]
        package var gradientLines: [String]
        /// In a graph with groups: the node's index in the snapshots (a group's is the node count
        /// plus its number), its place in the view's walk, and for a group's card the view that opens it.
        package var index: Int?, order: Int?, expands: Int?
        package init(name: String, role: String, card: Frame, valueArea: Frame, gradientArea: Frame,
                     valueLines: [String], gradientLines: [String]) {
            self.name = name; self.role = role; self.card = card; self.valueArea = valueArea
            self.gradientArea = gradientArea; self.valueLines = valueLines; self.gradientLines = gradientLines
        }
    }

    /// An arrow, as the polyline the diagram drew, so the page can highlight it.
    /// A point of an edge's polyline, in diagram pixels.
    package struct Point: Sendable, Codable, Equatable {
        package var x, y: Double
        package init(x: Double, y: Double) { self.x = x; self.y = y }
    }

    package struct Edge: Sendable, Codable {
        package var from: Int
        package var to: Int
        package var points: [Point]
        /// Where the drawing put the edge's label (the page keeps the highlighted edge off it).
        package var label: Frame?
        package init(from: Int, to: Int, points: [Point], label: Frame? = nil) {
            self.from = from; self.to = to; self.points = points; self.label = label
        }
    }

    /// One step of the walk: computing a node's value, or its gradient.
    package struct Step: Sendable, Codable {
        package enum Phase: String, Sendable, Codable { case forward, backward }
        package var phase: Phase
        package var node: Int
        /// The step's equation with the actual numbers, as plain text.
        package var equation: String
        /// In a graph with groups: the step's place in its view's walk (`node` is then an index as in `Node.index`).
        package var order: Int?
        /// In a view with a group opened: the group's index (as in `Node.index`) for the steps of its nodes.
        package var within: Int?
        /// In a graph with groups: where the step's equation is in each snapshot's `equations`
        /// (views share the equations of the nodes they both show).
        package var equationIndex: Int?
        package init(phase: Phase, node: Int, equation: String) {
            self.phase = phase; self.node = node; self.equation = equation
        }
    }

    /// A row of the table of every node (shown with or without JavaScript).
    package struct Row: Sendable, Codable {
        package var name, operation, shape, value, gradient: String
        package init(name: String, operation: String, shape: String, value: String, gradient: String) {
            self.name = name; self.operation = operation; self.shape = shape; self.value = value; self.gradient = gradient
        }
    }

    /// A leaf's gradient check: the name, the largest relative error (formatted), and whether it agreed.
    package struct Check: Sendable, Codable {
        package var name, relativeError: String
        package var passed: Bool
        package init(name: String, relativeError: String, passed: Bool) {
            self.name = name; self.relativeError = relativeError; self.passed = passed
        }
    }

    /// The state of the graph at one traced training step, for the scrubber.
    package struct Snapshot: Sendable, Codable {
        /// The training step (0-based).
        package var step: Int
        /// What the scrubber shows for it, e.g. "step 5,000 · loss 0.2315".
        package var label: String
        /// Per node: its value lines and its gradient lines at this step.
        package var valueLines: [[String]]
        package var gradientLines: [[String]]
        /// The walk's equations at this step, in the order of `steps` (a graph with groups: in the
        /// order of `Step.equationIndex`).
        package var equations: [String]
        /// Where the step sits on the loss chart, as a fraction of the chart's width (0...1), if there is one.
        package var chartX: Double?
        /// Per node: the node table's value and gradient cells at this step, so the table never
        /// shows another step's numbers than the cards.
        package var tableValues: [String]
        package var tableGradients: [String]
        /// A model's predictions table at this step: its caption, then the cells of its step
        /// columns row by row (`ModelWidget.Table.stepColumns`); empty for a graph.
        package var predictions: [String]
        package init(step: Int, label: String, valueLines: [[String]], gradientLines: [[String]], equations: [String], chartX: Double?,
                     tableValues: [String] = [], tableGradients: [String] = [], predictions: [String] = []) {
            self.step = step; self.label = label; self.valueLines = valueLines; self.gradientLines = gradientLines
            self.equations = equations; self.chartX = chartX
            self.tableValues = tableValues; self.tableGradients = tableGradients; self.predictions = predictions
        }
    }

    package var id: String
    package var kind: String
    package var name: String
    package var source: String
    package var width: Double
    package var height: Double
    /// Links relative to the lesson page: the diagram (one SVG for both colour schemes) and the trace.
    package var svg, trace: String
    package var alt: String
    package var nodes: [Node]
    package var edges: [Edge]
    package var steps: [Step]
    package var rows: [Row]
    package var checks: [Check]
    /// For trained models: one snapshot per traced step (the last is what the page shows first).
    package var snapshots: [Snapshot] = []
    /// The block as code (the lesson's source, NumPy, PyTorch), shown as tabs under the block.
    package var code: CodeTabs?
    /// The drawing for phones (top to bottom, wrapped), when the main one is wider than a phone allows.
    package var narrow: Drawing?
    /// A graph with groups draws them collapsed (`nodes`, `edges`, `steps` above); view k opens
    /// group k in place (see GraphWidget+Views). Empty for a graph without groups.
    package var views: [View] = []
    /// The note under a diagram with collapsed groups (nil without groups).
    package var groupNote: String?
    /// A graph block the reader can edit on the page (nil for models and graphs with groups).
    package var live: Live?

    package init(id: String, kind: String, name: String, source: String, width: Double, height: Double,
                 svg: String, trace: String, alt: String,
                 nodes: [Node], edges: [Edge], steps: [Step], rows: [Row], checks: [Check]) {
        self.id = id; self.kind = kind; self.name = name; self.source = source; self.width = width; self.height = height
        self.svg = svg; self.trace = trace; self.alt = alt
        self.nodes = nodes; self.edges = edges; self.steps = steps; self.rows = rows; self.checks = checks
    }
}
