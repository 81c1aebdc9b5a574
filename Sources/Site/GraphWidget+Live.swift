import LessonModel

extension GraphWidget {
    /// What a graph block's page needs to recompute it when the reader edits a leaf: the plan for
    /// the shared kernels, and how every text the widget shows is written, as fixed words with
    /// holes for numbers (the same forms the build wrote them from, Presentation/GraphEquations).
    /// Written to `live/<widget-id>.js` (LiveData) and loaded on the first edit.
    package struct Live: Sendable, Codable {
        /// The compiled plan as a JavaScript object literal (Autodiff/Plan+JavaScript.swift);
        /// trace node i is `plan.nodes[i]`.
        package var plan: String
        package var nodes: [LiveNode]
        package var output: Int
        /// Per edge of the drawing, in `edges` order: [consumer, input position].
        package var edgeInputs: [[Int]]
        /// Per drawing (main, then narrow): per labelled edge [edge index, x, y, width, height].
        package var labels: [[[Double]]]
        /// The words the texts are made of, as templates with {0}, {1}, ... (see LiveData).
        package var words: [String: String]
        /// A graph with groups: per group, its summary's templates (nil without groups).
        package var groups: [LiveGroup]?
        /// The block's `descend` line, when it has one: the page then offers steps of gradient descent.
        package var descent: LiveDescent?

        package init(plan: String, nodes: [LiveNode], output: Int, edgeInputs: [[Int]], labels: [[[Double]]], words: [String: String]) {
            self.plan = plan; self.nodes = nodes; self.output = output; self.edgeInputs = edgeInputs
            self.labels = labels; self.words = words
        }
    }

    /// A `descend` line as the page needs it: the leaves a step moves (trace indices, in the
    /// line's order; the output is the target) and the learning rate the field starts with.
    package struct LiveDescent: Sendable, Codable, Equatable {
        package var leaves: [Int]
        package var rate: Double

        package init(leaves: [Int], rate: Double) {
            self.leaves = leaves; self.rate = rate
        }
    }

    /// One node as the live evaluator sees it.
    package struct LiveNode: Sendable, Codable {
        package var name: String
        /// input, parameter, constant or operation.
        package var role: String
        /// The engine's op name (`mul`, `log`, ...; `input` for leaves), for local derivatives and hints.
        package var op: String
        package var dims: [Int]
        package var inputs: [Int]
        /// The forward step's form: ["leaf", prefix, gloss], ["scalar", prefix, template] or ["tensor", prefix].
        package var forward: [String]
        /// The backward step's form: kind, then its text parts (see GraphEquations.BackwardForm);
        /// `uses` holds [consumer, position] pairs, `consumers` the nodes whose shares are shown.
        package var backward: [String]
        package var uses: [[Int]]
        package var consumers: [Int]
        /// An editable leaf's values as the lesson gives them (shortest round-trip digits), and
        /// for a scalar its slider's [min, max, step]; nil for other nodes.
        package var lessonValues: [String]?
        package var slider: [Double]?

        package init(name: String, role: String, op: String, dims: [Int], inputs: [Int], forward: [String], backward: [String],
                     uses: [[Int]] = [], consumers: [Int] = [], lessonValues: [String]? = nil, slider: [Double]? = nil) {
            self.name = name; self.role = role; self.op = op; self.dims = dims; self.inputs = inputs
            self.forward = forward; self.backward = backward; self.uses = uses; self.consumers = consumers
            self.lessonValues = lessonValues; self.slider = slider
        }

        /// How many numbers the node holds.
        package var count: Int { dims.reduce(1, *) }
    }

    /// Leaves with at most this many numbers get a field per number; bigger ones stay read-only.
    package static let maxEditable = BlockLanguage.maxEditableNumbers
}
