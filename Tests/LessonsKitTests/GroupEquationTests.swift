import Testing
import LessonModel
@testable import Presentation
@testable import Site
@testable import Training

// With groups closed, a walk equation may name a node that has no card: it is inside a closed
// group. The equation then says which group holds it (issue 14, remaining item 3).

/// x (input) → layer 1: W1, u1 = x @ W1, h1 = tanh(u1) → layer 2: W2, u2 = h1 @ W2 → L = sum(u2).
private func twoLayerTrace() -> Trace {
    func node(_ name: String, _ op: String, _ role: Trace.Role, _ inputs: [Int], _ shape: [Int]) -> Trace.Node {
        Trace.Node(name: name, op: op, symbol: nil, role: role, inputs: inputs, shape: shape, isNamed: true,
                   position: SourcePosition(line: 1, column: 1))
    }
    let nodes = [node("x", "input", .input, [], [2]), node("W1", "param", .parameter, [], [2, 2]),
                 node("u1", "matmul", .operation, [0, 1], [2]), node("h1", "tanh", .operation, [2], [2]),
                 node("W2", "param", .parameter, [], [2, 2]), node("u2", "matmul", .operation, [3, 4], [2]),
                 node("L", "sum", .operation, [5], [])]
    let step = Trace.Step(step: 0, loss: nil,
                          values: [[1, 2], [1, 0, 0, 1], [1, 2], [0.5, 0.75], [1, 0, 0, 1], [0.5, 0.75], [1.25]],
                          gradients: [[0.5, 0.25], [1, 1, 1, 1], [0.5, 0.25], [1, 1], [1, 1, 1, 1], [1, 1], [1]],
                          localDerivatives: [[], [], [nil, nil], [nil], [], [nil, nil], [nil]], shares: [])
    let at = SourcePosition(line: 1, column: 1)
    return Trace(lesson: "l", block: "b", kind: .graph, nodes: nodes, output: 6, steps: [step], gradientCheck: [],
                 groups: [NodeGroup(title: .layer(1), members: [1, 2, 3], position: at),
                          NodeGroup(title: .layer(2), members: [4, 5], position: at)])
}

@Test func anEquationSaysWhichGroupHidesANodeItNames() {
    let trace = twoLayerTrace()
    let equations = GraphEquations(trace: trace, step: trace.steps[0], groups: trace.groups ?? [])
    // Outside every group, the loss names u2, which is inside layer 2.
    #expect(equations.forward(6) == "L = sum(u2 (inside layer 2)) = 1.25")
    // Inside layer 2, h1 comes from layer 1; W2 is layer 2's own.
    #expect(equations.forward(5) == "u2 = h1 (inside layer 1) @ W2 = [0.5, 0.75]")
    // Inside layer 1, its own nodes and the loose input need no note.
    #expect(equations.forward(2) == "u1 = x @ W1 = [1, 2]")
    #expect(equations.backward(0) == "∂L/∂x = ∂L/∂u1 (inside layer 1) · ∂u1/∂x = [0.5, 0.25]")
    #expect(equations.backward(3) == "∂L/∂h1 = ∂L/∂u2 (inside layer 2) · ∂u2/∂h1 = [1, 1]")
    #expect(equations.backward(1) == "∂L/∂W1 = ∂L/∂u1 · ∂u1/∂W1 = [[1, 1], [1, 1]]")
    // Without groups nothing changes.
    #expect(GraphEquations(trace: trace, step: trace.steps[0]).forward(6) == "L = sum(u2) = 1.25")
}

@Test func theCollapsedWalkNamesTheGroupOfEveryHiddenNode() throws {
    let trace = twoLayerTrace()
    let groups = try #require(trace.groups)
    let presentation = GraphPresentation(trace: trace, source: "", stem: "b")
    let summaries = groups.map { GroupSummary(trace: trace, group: $0) }
    let collapsed = GroupedView(trace: trace, groups: groups, opened: nil)
    let walk = presentation.walk(collapsed, step: trace.steps[0], summaries: summaries)
    let loss = try #require(walk.first { $0.phase == .forward && $0.node == 6 })
    #expect(loss.equation == "L = sum(u2 (inside layer 2)) = 1.25")
    let input = try #require(walk.first { $0.phase == .backward && $0.node == 0 })
    #expect(input.equation.hasPrefix("∂L/∂x = ∂L/∂u1 (inside layer 1) · "))
    // The snapshots' shared equations say the same (the slider refills the walk from them).
    #expect(presentation.equations(trace.steps[0], summaries: summaries).contains("L = sum(u2 (inside layer 2)) = 1.25"))
}

@Test func theGroupNoteSpeaksChinese() {
    let trace = twoLayerTrace()
    let equations = GraphEquations(trace: trace, step: trace.steps[0], words: .chinese, groups: trace.groups ?? [])
    #expect(equations.forward(6) == "L = sum(u2（在第 2 层内）) = 1.25")
}
