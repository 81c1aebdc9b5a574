import LessonModel
import Site
import Training

/// What the card of a collapsed group says: its title, the shapes that go in and come out, the
/// range of each output's values and the root-mean-square of the gradients that matter (its
/// outputs' and its parameters'), and the two steps of the walk that stand for the whole group.
struct GroupSummary {
    let trace: Trace
    let group: NodeGroup
    var words = Words.english

    /// Nodes outside the group that its members use, in evaluation order.
    var inputs: [Int] {
        let members = Set(group.members)
        var seen: Set<Int> = []
        return group.members.flatMap { trace.nodes[$0].inputs }.filter { !members.contains($0) && seen.insert($0).inserted }.sorted()
    }

    /// Members used outside the group, or the block's output; else the last member.
    var outputs: [Int] {
        let members = Set(group.members)
        let used = Set(trace.nodes.indices.filter { !members.contains($0) }.flatMap { trace.nodes[$0].inputs })
        let out = group.members.filter { used.contains($0) || $0 == trace.output }
        return out.isEmpty ? Array(group.members.suffix(1)) : out
    }

    /// The group's parameters: their gradients are what training uses.
    var parameters: [Int] { group.members.filter { trace.nodes[$0].role == .parameter } }

    var title: String {
        switch group.title {
        case .named(let name): return name
        case .layer(let k): return words.groups.layer(k)
        case .step(let k): return words.groups.step(k)
        }
    }

    /// `100×2 → 100×8`: the first input's and the first output's shapes (`…` when there are more).
    var caption: String {
        func shapes(_ nodes: [Int]) -> String {
            guard let first = nodes.first else { return "–" }
            return DisplayNumber.shape(trace.nodes[first].shape, words: words) + (nodes.count > 1 ? ", …" : "")
        }
        return words.groups.shapes(shapes(inputs), shapes(outputs))
    }

    func valueLines(_ step: Trace.Step) -> [String] {
        outputs.prefix(2).map { i in
            let node = trace.nodes[i], values = step.values[i]
            if values.count == 1 { return words.groups.valueScalar(node.name, DisplayNumber.format(values[0])) }
            return words.groups.valueRange(node.name, DisplayNumber.shape(node.shape, words: words),
                                           DisplayNumber.format(values.min() ?? 0), DisplayNumber.format(values.max() ?? 0))
        }
    }

    func gradientLines(_ step: Trace.Step) -> [String] {
        (outputs.prefix(1) + parameters.prefix(3)).map { gradient($0, step) }
    }

    /// `∇W rms 0.0012`, or a scalar's own gradient with its sign.
    private func gradient(_ i: Int, _ step: Trace.Step) -> String {
        let g = step.gradients[i]
        if g.count == 1 { return words.groups.gradientScalar(trace.nodes[i].name, DisplayNumber.format(g[0])) }
        return words.groups.gradientRMS(trace.nodes[i].name, DisplayNumber.format(Self.rms(g)))
    }

    func forward(_ step: Trace.Step) -> String {
        func names(_ nodes: [Int]) -> String { nodes.isEmpty ? "–" : nodes.map { trace.nodes[$0].name }.joined(separator: ", ") }
        return words.groups.forward(title, names(inputs), names(outputs), valueLines(step).joined(separator: "; "))
    }

    func backward(_ step: Trace.Step) -> String {
        let gradients = (outputs + parameters + inputs.filter { trace.nodes[$0].role == .operation }).map { gradient($0, step) }
        return words.groups.backward(title, gradients.joined(separator: ", "))
    }

    /// The root mean square, √(Σx²/n): a gradient's typical size whatever its shape.
    static func rms(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        return (values.reduce(0) { $0 + $1 * $1 } / Double(values.count)).squareRoot()
    }
}

extension GroupSummary {
    /// The summary's texts as templates for the page (`GraphWidget.LiveGroup`): the same forms as
    /// `valueLines`, `gradientLines`, `forward` and `backward`, with holes where the numbers go.
    func live() -> GraphWidget.LiveGroup {
        let values = outputs.prefix(2).map { i -> GraphWidget.LiveLine in
            let node = trace.nodes[i]
            if node.shape.reduce(1, *) == 1 {
                return GraphWidget.LiveLine(kind: "value", text: words.groups.valueScalar(node.name, "{0}"), node: i)
            }
            let text = words.groups.valueRange(node.name, DisplayNumber.shape(node.shape, words: words), "{0}", "{1}")
            return GraphWidget.LiveLine(kind: "range", text: text, node: i)
        }
        let gradients = (outputs.prefix(1) + parameters.prefix(3)).map(liveGradient)
        let backwardLines = (outputs + parameters + inputs.filter { trace.nodes[$0].role == .operation }).map(liveGradient)
        func names(_ nodes: [Int]) -> String { nodes.isEmpty ? "–" : nodes.map { trace.nodes[$0].name }.joined(separator: ", ") }
        return GraphWidget.LiveGroup(values: values, gradients: gradients,
                                     forward: words.groups.forward(title, names(inputs), names(outputs), "{0}"),
                                     backward: words.groups.backward(title, "{0}"), backwardLines: backwardLines,
                                     members: group.members)
    }

    private func liveGradient(_ i: Int) -> GraphWidget.LiveLine {
        let name = trace.nodes[i].name
        if trace.nodes[i].shape.reduce(1, *) == 1 {
            return GraphWidget.LiveLine(kind: "gradient", text: words.groups.gradientScalar(name, "{0}"), node: i)
        }
        return GraphWidget.LiveLine(kind: "rms", text: words.groups.gradientRMS(name, "{0}"), node: i)
    }
}
