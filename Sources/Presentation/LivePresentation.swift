import Codegen
import Figures
import Foundation
import Site
import Training

/// A graph block's live form for the page (`GraphWidget.Live`): the plan the browser runs, and
/// every text the widget shows as fixed words with holes for the numbers, taken from the same
/// forms the build wrote the texts from, so that the page's texts for the lesson's values are
/// the build's to the character (a browser test checks).
struct LivePresentation {
    let trace: Trace
    let step: Trace.Step
    let words: Words

    /// Nil for a trace the page cannot rerun (a model's, or an old cache entry's). A graph with
    /// groups passes its `labels` (every drawing's, view 0's then each opened view's, see
    /// `GraphPresentation.liveLabels`), since its drawings' edges are not the trace's.
    func live(for widget: GraphWidget, labels grouped: [[[Double]]]? = nil) -> GraphWidget.Live? {
        guard trace.kind == .graph, let plan = LiveGraphCode.plan(trace) else { return nil }
        // With groups, an equation names a node of another group with that group's title, as the build's do.
        let equations = GraphEquations(trace: trace, step: step, words: words, groups: trace.groups ?? [])
        let nodes = trace.nodes.indices.map { node($0, equations) }
        var edgeInputs: [[Int]] = []
        for (i, node) in trace.nodes.enumerated() {
            for k in node.inputs.indices { edgeInputs.append([i, k]) }
        }
        let labels = grouped ?? widget.drawings.map { drawing in
            drawing.labels.enumerated().compactMap { e, frame in frame.map { [Double(e), $0.x, $0.y, $0.width, $0.height] } }
        }
        return GraphWidget.Live(plan: plan, nodes: nodes, output: trace.output, edgeInputs: edgeInputs,
                                labels: labels, words: templates())
    }

    private func node(_ i: Int, _ equations: GraphEquations) -> GraphWidget.LiveNode {
        let node = trace.nodes[i]
        let forward: [String]
        switch equations.forwardForm(i) {
        case .leaf(let prefix, let gloss): forward = ["leaf", prefix, gloss]
        case .scalar(let prefix, let template): forward = ["scalar", prefix, template]
        case .tensor(let prefix): forward = ["tensor", prefix]
        }
        var live = GraphWidget.LiveNode(name: node.name, role: node.role.rawValue, op: node.op, dims: node.shape,
                                        inputs: node.inputs, forward: forward, backward: [])
        switch equations.backwardForm(i) {
        case .fixed(let text): live.backward = ["fixed", text]
        case .scalar(let prefix, let uses): live.backward = ["scalar", prefix]; live.uses = uses
        case .shares(let prefix, let consumers): live.backward = ["shares", prefix]; live.consumers = consumers
        case .tensor(let prefix): live.backward = ["tensor", prefix]
        }
        if node.role == .input || node.role == .parameter {
            let values = step.values[i]
            live.lessonValues = values.map(Self.literal)
            if node.shape.isEmpty, let v = values.first { live.slider = Self.sliderRange(v) }
        }
        return live
    }

    /// The words of the texts, with {0}, {1}, ... where the numbers or sizes go.
    private func templates() -> [String: String] {
        let t = Self.template
        return ["value": words.value, "grad": words.grad, "scalar": words.scalar,
                "vectorOf": t { n, _ in words.vectorOf(n) }, "meanRange": words.meanRange("{0}", "{1}", "{2}"),
                "vectorOnCard": t { n, _ in words.vectorOnCard(n) }, "matrixOnCard": t { words.matrixOnCard($0, $1) }]
    }

    /// A phrase that takes counts with {0} and {1} where they go: the closure is called with marker
    /// numbers, which then become the holes.
    static func template(_ phrase: (Int, Int) -> String) -> String {
        let (m, n) = (424_242, 535_353)
        return phrase(m, n).replacingOccurrences(of: String(m), with: "{0}").replacingOccurrences(of: String(n), with: "{1}")
    }

    /// A number as a field shows it and JavaScript reads it back exactly: shortest round-trip digits.
    static func literal(_ x: Double) -> String {
        if x == x.rounded(), Swift.abs(x) < 1e15 { return String(Int(x)) }
        return "\(x)"
    }

    /// A slider around the lesson's value: symmetric about 0, reaching at least twice its size
    /// (and at least ±2), rounded up to 1, 2 or 5 times a power of ten, in 100 steps. Capped at
    /// ±1e307, so that the reach and its rounding stay finite for a leaf near the largest double
    /// (its number field still takes any value).
    static func sliderRange(_ v: Double) -> [Double] {
        let reach = Swift.min(2 * Swift.max(1, Swift.abs(v.isFinite ? v : 1)), 1e307)
        var unit = 1.0
        while unit * 10 <= reach { unit *= 10 }
        let span = [1.0, 2, 5, 10].map { $0 * unit }.first { $0 >= reach } ?? 10 * unit
        return [-span, span, span / 100]
    }

    /// Cards wide enough for the numbers an edit may bring: every number measured as if it were
    /// −0.0001235 (four significant digits, a sign and three leading zeros: `%.4g`'s widest, as
    /// wide as −1.235e−15),
    /// so recomputed values still fit the drawing's number areas. −0.1235 was too narrow: a
    /// gradient of −0.06664 overflowed its card.
    static let widestNumber = -0.0001235

    /// `nodeOfCard` gives each card's trace node (nil for a group's card); without it card i is node i.
    static func makeRoom(in diagram: inout GraphDiagram, trace: Trace, words: Words, nodeOfCard: [Int?]? = nil) {
        for (k, i) in (nodeOfCard ?? trace.nodes.indices.map(Optional.some)).enumerated() {
            guard let i, trace.nodes.indices.contains(i), k < diagram.cards.count else { continue }
            let node = trace.nodes[i]
            let wide = [Double](repeating: widestNumber, count: node.shape.reduce(1, *))
            diagram.cards[k].measureLines += TensorText.lines(label: words.value, dims: node.shape, values: wide, words: words)
            if node.role != .constant {
                diagram.cards[k].measureLines += TensorText.lines(label: words.grad, dims: node.shape, values: wide, words: words)
            }
        }
    }
}
