/// An exercise as its page shows it (Exercise.swift in LessonModel): what the build worked out
/// for the numbers it sets, and what the page's script needs to check the reader's answer with
/// the graph's live evaluator (Script+Exercise).
package struct ExerciseView: Sendable {
    /// A leaf the exercise sets: trace node index, and every number of it (row by row).
    package struct Leaf: Sendable {
        package var node: Int
        package var values: [Double]
        package init(node: Int, values: [Double]) { self.node = node; self.values = values }
    }

    /// The graph widget whose live evaluator checks the answer (`graph-<stem>`).
    package var widgetID: String
    package var leaves: [Leaf]
    /// `a = 3, b = −1`, as the page writes numbers; empty when the exercise sets none.
    package var given: String
    package var isGradient: Bool
    /// The trace node asked about, and the entry of it (row-major).
    package var node: Int
    package var entry: Int
    /// `∂e/∂b`, `∂L/∂W[0,1]` or `e`.
    package var asked: String
    package var relative: Bool
    package var tolerance: Double
    /// The answer at build time, and as the page writes it.
    package var answer: Double
    package var answerText: String
    /// `0.1%` or `0.01`.
    package var toleranceText: String
    /// The walk's equations for these numbers: the forward steps the asked number needs, then for
    /// a gradient the backward steps from the output down to the node asked about.
    package var steps: [GraphWidget.Step]
    /// For each step whose tensor is too big to write inline: its numbers as lines (TensorText), else empty.
    package var grids: [[String]]
    /// With grids: the words of a tensor written below its equation, {0} and {1} where the sizes go.
    package var below: (vector: String, matrix: String)?
    /// The widest grid written in full (TensorText's exercise side).
    package static let gridSide = 8

    package init(widgetID: String, leaves: [Leaf], given: String, isGradient: Bool, node: Int, entry: Int,
                 asked: String, relative: Bool, tolerance: Double, answer: Double, answerText: String,
                 toleranceText: String, steps: [GraphWidget.Step], grids: [[String]] = [],
                 below: (vector: String, matrix: String)? = nil) {
        self.widgetID = widgetID; self.leaves = leaves; self.given = given; self.isGradient = isGradient
        self.node = node; self.entry = entry; self.asked = asked; self.relative = relative
        self.tolerance = tolerance; self.answer = answer; self.answerText = answerText
        self.toleranceText = toleranceText; self.steps = steps
        self.grids = grids; self.below = below
    }
}
