import Testing
import LessonModel
@testable import Presentation
@testable import Site
@testable import Training

// What a collapsed group's card and walk say, and which cards and arrows each view draws.
// The numbers are chosen by hand: min/max and √(Σx²/n) are checked against values worked out here.

/// x (input) → layer: W (param), u = x @ W, h = tanh(u) → L = sum(h) (the output).
private func layerTrace(groups: [NodeGroup]) -> Trace {
    func node(_ name: String, _ op: String, _ role: Trace.Role, _ inputs: [Int], _ shape: [Int]) -> Trace.Node {
        Trace.Node(name: name, op: op, symbol: nil, role: role, inputs: inputs, shape: shape, isNamed: true,
                   position: SourcePosition(line: 1, column: 1))
    }
    let nodes = [node("x", "input", .input, [], [1, 2]), node("W", "param", .parameter, [], [2, 2]),
                 node("u", "matmul", .operation, [0, 1], [1, 2]), node("h", "tanh", .operation, [2], [1, 2]),
                 node("L", "sum", .operation, [3], [])]
    let step = Trace.Step(step: 0, loss: nil,
                          values: [[1, 2], [0.5, -1, 2, 0.25], [4.5, -0.5], [-0.5, 3], [2.5]],
                          gradients: [[1, 1], [3, 4, 0, 0], [2, 2], [1, 1], [1]],
                          localDerivatives: [[], [], [nil, nil], [nil], [nil]], shares: [])
    return Trace(lesson: "l", block: "b", kind: .graph, nodes: nodes, output: 4, steps: [step], gradientCheck: [],
                 groups: groups)
}

private let layer = NodeGroup(title: .layer(1), members: [1, 2, 3], position: SourcePosition(line: 1, column: 1))

@Test func groupSummaryNamesItsInputsOutputsAndParameters() {
    let summary = GroupSummary(trace: layerTrace(groups: [layer]), group: layer)
    #expect(summary.inputs == [0])
    #expect(summary.outputs == [3])
    #expect(summary.parameters == [1])
    #expect(summary.title == "layer 1")
    #expect(summary.caption == "1x2 → 1x2")
}

@Test func groupSummaryGivesTheOutputsRangeAndTheRMSOfGradients() throws {
    let trace = layerTrace(groups: [layer])
    let summary = GroupSummary(trace: trace, group: layer)
    let step = trace.steps[0]
    #expect(summary.valueLines(step) == ["h 1x2, −0.5…3"])
    // ∇h = [1, 1]: rms 1; ∇W = [3, 4, 0, 0]: √((9 + 16) / 4) = 2.5.
    #expect(summary.gradientLines(step) == ["∇h rms 1", "∇W rms 2.5"])
    #expect(summary.forward(step) == "layer 1: h computed from x; h 1x2, −0.5…3")
    #expect(summary.backward(step) == "layer 1: gradients ∇h rms 1, ∇W rms 2.5")
}

@Test func groupSummarySpeaksChinese() {
    let trace = layerTrace(groups: [layer])
    let summary = GroupSummary(trace: trace, group: layer, words: .chinese)
    #expect(summary.title == "第 1 层")
    #expect(summary.gradientLines(trace.steps[0]) == ["∇h 均方根 1", "∇W 均方根 2.5"])
}

@Test func aScalarGradientKeepsItsSign() {
    let trace = layerTrace(groups: [])
    let group = NodeGroup(title: .named("end"), members: [4], position: SourcePosition(line: 1, column: 1))
    var step = trace.steps[0]
    step.gradients[4] = [-1.5]
    #expect(GroupSummary(trace: trace, group: group).gradientLines(step) == ["∇L = −1.5"])
    #expect(GroupSummary(trace: trace, group: group).valueLines(step) == ["L = 2.5"])
}

@Test func rmsIsTheRootOfTheMeanSquare() {
    #expect(GroupSummary.rms([3, 4]) == (12.5).squareRoot())
    #expect(GroupSummary.rms([]) == 0)
}

@Test func collapsedViewDrawsTheGroupAsOneItemInOrder() {
    let trace = layerTrace(groups: [layer])
    let collapsed = GroupedView(trace: trace, groups: [layer], opened: nil)
    #expect(collapsed.items == [.node(0), .group(0), .node(4)])
    #expect(collapsed.itemOfNode == [0, 1, 1, 1, 2])
    #expect(collapsed.edges(trace).map { [$0.from, $0.to] } == [[0, 1], [1, 2]])
    #expect(collapsed.index(of: .group(0)) == 5)
    let opened = GroupedView(trace: trace, groups: [layer], opened: 0)
    #expect(opened.items == [.node(0), .node(1), .node(2), .node(3), .node(4)])
}

@Test func groupedGraphRendersOneDrawingPerViewAndAWalkPerView() throws {
    let trace = layerTrace(groups: [layer])
    let output = try GraphPresentation(trace: trace, source: "", stem: "b").render()
    // Editable, so its cards have room for an edit's numbers (LivePresentation.makeRoom): too wide for a phone.
    #expect(output.files.map(\.0) == ["figures/b.svg", "figures/b--1.svg", "trace/b.json", "figures/b-narrow.svg"])
    let widget = output.widget
    // The page rewrites the group's card and steps from its summary's templates.
    let live = try #require(widget.live?.groups)
    #expect(live.count == 1 && live[0].forward.hasPrefix("layer 1: ") && live[0].forward.hasSuffix("; {0}"))
    #expect(widget.live?.labels.count == 3)  // the collapsed drawing, its phone drawing and the opened one
    #expect(widget.nodes.map(\.name) == ["x", "layer 1", "L"])
    #expect(widget.nodes.map(\.expands) == [nil, 1, nil])
    #expect(widget.steps.map(\.node) == [0, 5, 4, 4, 5, 0])
    #expect(widget.views.count == 1)
    #expect(widget.views[0].steps.map(\.node) == [0, 1, 2, 3, 4, 4, 3, 2, 1, 0])
    #expect(widget.views[0].steps.map(\.within) == [nil, 5, 5, 5, nil, nil, 5, 5, 5, nil])
    #expect(widget.views[0].members == [1, 2, 3])
    // Equations are shared: node i forward is i, group g forward is 5 + g, backward adds 6.
    #expect(widget.steps.map(\.equationIndex) == [0, 5, 4, 10, 11, 6])
    #expect(widget.views[0].steps.compactMap(\.equationIndex) == [0, 1, 2, 3, 4, 10, 9, 8, 7, 6])
}

@Test func graphWithoutGroupsIsDrawnAsBefore() throws {
    let output = try GraphPresentation(trace: layerTrace(groups: []), source: "", stem: "b").render()
    #expect(output.files.map(\.0).filter { !$0.hasSuffix("-narrow.svg") } == ["figures/b.svg", "trace/b.json"])
    #expect(output.widget.views.isEmpty && output.widget.groupNote == nil)
    #expect(output.widget.nodes.allSatisfy { $0.index == nil && $0.expands == nil })
}

/// The page's templates, filled as Script+LiveText fills them, give the build's texts in both languages.
@Test(arguments: [Words.english, Words.chinese])
func liveGroupTemplatesFilledWithTheNumbersAreTheBuildsTexts(words: Words) {
    let trace = layerTrace(groups: [layer])
    let step = trace.steps[0]
    let summary = GroupSummary(trace: trace, group: layer, words: words)
    let live = summary.live()
    func fill(_ line: GraphWidget.LiveLine) -> String {
        let values = step.values[line.node], gradients = step.gradients[line.node]
        let parts: [Double]
        switch line.kind {
        case "value": parts = [values[0]]
        case "range": parts = [values.min() ?? 0, values.max() ?? 0]
        case "gradient": parts = [gradients[0]]
        default: parts = [GroupSummary.rms(gradients)]
        }
        return GraphWidgetHTML.fill(line.text, parts.map(DisplayNumber.format))
    }
    #expect(live.values.map(fill) == summary.valueLines(step))
    #expect(live.gradients.map(fill) == summary.gradientLines(step))
    #expect(GraphWidgetHTML.fill(live.forward, [live.values.map(fill).joined(separator: "; ")]) == summary.forward(step))
    #expect(GraphWidgetHTML.fill(live.backward, [live.backwardLines.map(fill).joined(separator: ", ")]) == summary.backward(step))
    #expect(live.members == [1, 2, 3])
}
