/// Everything a page needs to show one executed graph: the drawn diagram's files and geometry,
/// the text of every value and gradient, and the steps of the forward and backward walk.
/// It holds only strings and numbers: the numbers were formatted by whoever ran the graph.
public struct GraphWidget: Sendable, Codable {
    /// An axis-aligned rectangle in diagram pixels.
    public struct Frame: Sendable, Equatable, Codable {
        public var x, y, width, height: Double
        public init(x: Double, y: Double, width: Double, height: Double) {
            self.x = x; self.y = y; self.width = width; self.height = height
        }
    }

    /// One node: its card, and the two areas whose text changes during the walk.
    public struct Node: Sendable, Codable {
        public var name: String
        public var role: String
        public var card: Frame
        public var valueArea: Frame
        public var gradientArea: Frame
        public var valueLines: [String]
        public var gradientLines: [String]
        public init(name: String, role: String, card: Frame, valueArea: Frame, gradientArea: Frame,
                    valueLines: [String], gradientLines: [String]) {
            self.name = name; self.role = role; self.card = card; self.valueArea = valueArea
            self.gradientArea = gradientArea; self.valueLines = valueLines; self.gradientLines = gradientLines
        }
    }

    /// An arrow, as the polyline the diagram drew, so the page can highlight it.
    /// A point of an edge's polyline, in diagram pixels.
    public struct Point: Sendable, Codable, Equatable {
        public var x, y: Double
        public init(x: Double, y: Double) { self.x = x; self.y = y }
    }

    public struct Edge: Sendable, Codable {
        public var from: Int
        public var to: Int
        public var points: [Point]
        public init(from: Int, to: Int, points: [Point]) {
            self.from = from; self.to = to; self.points = points
        }
    }

    /// One step of the walk: computing a node's value, or its gradient.
    public struct Step: Sendable, Codable {
        public enum Phase: String, Sendable, Codable { case forward, backward }
        public var phase: Phase
        public var node: Int
        /// The step's equation with the actual numbers, as plain text.
        public var equation: String
        public init(phase: Phase, node: Int, equation: String) {
            self.phase = phase; self.node = node; self.equation = equation
        }
    }

    /// A row of the table of every node (shown with or without JavaScript).
    public struct Row: Sendable, Codable {
        public var name, operation, shape, value, gradient: String
        public init(name: String, operation: String, shape: String, value: String, gradient: String) {
            self.name = name; self.operation = operation; self.shape = shape; self.value = value; self.gradient = gradient
        }
    }

    /// A leaf's gradient check: the name, the largest relative error (formatted), and whether it agreed.
    public struct Check: Sendable, Codable {
        public var name, relativeError: String
        public var passed: Bool
        public init(name: String, relativeError: String, passed: Bool) {
            self.name = name; self.relativeError = relativeError; self.passed = passed
        }
    }

    /// The state of the graph at one traced training step, for the scrubber.
    public struct Snapshot: Sendable, Codable {
        /// The training step (0-based).
        public var step: Int
        /// What the scrubber shows for it, e.g. "step 5,000 · loss 0.2315".
        public var label: String
        /// Per node: its value lines and its gradient lines at this step.
        public var valueLines: [[String]]
        public var gradientLines: [[String]]
        /// The walk's equations at this step, in the order of `steps`.
        public var equations: [String]
        /// Where the step sits on the loss chart, as a fraction of the chart's width (0...1), if there is one.
        public var chartX: Double?
        public init(step: Int, label: String, valueLines: [[String]], gradientLines: [[String]], equations: [String], chartX: Double?) {
            self.step = step; self.label = label; self.valueLines = valueLines; self.gradientLines = gradientLines
            self.equations = equations; self.chartX = chartX
        }
    }

    public var id: String
    public var kind: String
    public var name: String
    public var source: String
    public var width: Double
    public var height: Double
    /// Links relative to the lesson page.
    public var lightSVG, darkSVG, png, trace: String
    public var alt: String
    public var nodes: [Node]
    public var edges: [Edge]
    public var steps: [Step]
    public var rows: [Row]
    public var checks: [Check]
    /// For trained models: one snapshot per traced step (the last is what the page shows first).
    public var snapshots: [Snapshot] = []
    /// The block as code (the lesson's source, NumPy, PyTorch), shown as tabs under the block.
    public var code: CodeTabs?

    public init(id: String, kind: String, name: String, source: String, width: Double, height: Double,
                lightSVG: String, darkSVG: String, png: String, trace: String, alt: String,
                nodes: [Node], edges: [Edge], steps: [Step], rows: [Row], checks: [Check]) {
        self.id = id; self.kind = kind; self.name = name; self.source = source; self.width = width; self.height = height
        self.lightSVG = lightSVG; self.darkSVG = darkSVG; self.png = png; self.trace = trace; self.alt = alt
        self.nodes = nodes; self.edges = edges; self.steps = steps; self.rows = rows; self.checks = checks
    }
}
