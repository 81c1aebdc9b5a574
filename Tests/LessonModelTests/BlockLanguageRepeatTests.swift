import Testing
@testable import LessonModel
import TestSupport

// `repeat t in 1...T:` lines of graph and model blocks: the unrolled statements, the time-step
// groups and the errors. The fence is on line 1, so the block's first line is line 2.

/// Each group as `title: member names`.
private func groupListing(_ program: GraphProgram) -> [String] {
    program.groups.map { group in
        let title: String
        switch group.title {
        case .named(let name): title = name
        case .layer(let k): title = "layer \(k)"
        case .step(let k): title = "time step \(k)"
        }
        return "\(title): " + group.members.map { program.nodes[$0].name }.joined(separator: ", ")
    }
}

/// The program without where its nodes were written: what the engine compiles.
private func withoutPositions(_ program: GraphProgram) -> GraphProgram {
    var stripped = program
    for i in stripped.nodes.indices {
        stripped.nodes[i].position = SourcePosition(line: 0, column: 0)
        stripped.nodes[i].statementLine = 0
    }
    for i in stripped.groups.indices { stripped.groups[i].position = SourcePosition(line: 0, column: 0) }
    return stripped
}

private let rnn = lines(
    "x = [[1.0, 0.5, -0.3, 0.8]]",
    "param w = 0.9",
    "param u = 0.5",
    "h0 = 0.0",
    "repeat t in 1...4:",
    "    h[t] = tanh(w * h[t-1] + u * x[0, t-1])",
    "loss = h[4] * h[4]")

private let rnnByHand = lines(
    "x = [[1.0, 0.5, -0.3, 0.8]]",
    "param w = 0.9",
    "param u = 0.5",
    "h0 = 0.0",
    "h1 = tanh(w * h0 + u * x[0, 0])",
    "h2 = tanh(w * h1 + u * x[0, 1])",
    "h3 = tanh(w * h2 + u * x[0, 2])",
    "h4 = tanh(w * h3 + u * x[0, 3])",
    "loss = h4 * h4")

@Test func repeatUnrollsIntoTheLinesATeacherWouldCopy() throws {
    let program = try graphProgram(rnn)
    let byHand = try graphProgram(rnnByHand)
    #expect(listing(program) == listing(byHand))
    // Nodes, kinds, indices and output are the hand-unrolled block's; only positions differ.
    var expected = withoutPositions(byHand)
    expected.groups = withoutPositions(program).groups
    #expect(withoutPositions(program) == expected)
    #expect(listing(program).prefix(10) == [
        "x = input [1, 4]: 1.0, 0.5, -0.3, 0.8", "w = param 0.9", "u = param 0.5", "h0 = input 0.0",
        "u1 = multiply(w, h0)", "u2 = index(x)", "u3 = multiply(u, u2)", "u4 = add(u1, u3)", "h1 = tanh(u4)",
        "u5 = multiply(w, h1)",
    ])
    #expect(program.nodes.compactMap(\.index).map(\.items) == (0..<4).map { [.at(0), .at($0)] })
}

@Test func eachTimeStepIsAGroupAtTheRepeatLine() throws {
    let program = try graphProgram(rnn)
    #expect(groupListing(program) == [
        "time step 1: u1, u2, u3, u4, h1",
        "time step 2: u5, u6, u7, u8, h2",
        "time step 3: u9, u10, u11, u12, h3",
        "time step 4: u13, u14, u15, u16, h4",
    ])
    #expect(program.groups.map(\.title) == [.step(1), .step(2), .step(3), .step(4)])
    #expect(program.groups.allSatisfy { $0.position == SourcePosition(line: 6, column: 1) })
}

@Test func stepNodesPointAtTheBodyLine() throws {
    let program = try graphProgram(rnn)
    let h3 = try #require(program.nodes.first { $0.name == "h3" })
    #expect(h3.position == SourcePosition(line: 7, column: 12))  // tanh
    #expect(h3.statementLine == 7)
}

@Test func bodyLinesMayNameTheirIntermediatesPerStep() throws {
    let program = try graphProgram(lines(
        "X = [[1, 2], [3, 4], [5, 6]]",
        "param W = [[0.1, 0.2], [0.3, 0.4]]",
        "param U = [[0.5, -0.5], [0.25, 0.75]]",
        "s0 = [0, 0]",
        "repeat k in 1...3:",
        "  z[k] = s[k-1] @ W + X[k-1] @ U",
        "  s[k] = tanh(z[k])",
        "y = sum(s[3])"))
    #expect(groupListing(program) == [
        "time step 1: u1, u2, u3, z1, s1",
        "time step 2: u4, u5, u6, z2, s2",
        "time step 3: u7, u8, u9, z3, s3",
    ])
    #expect(listing(program).last == "y = sum(s3)")
}

@Test func aLaterLineMayBeUsedAsTheStepBefore() throws {
    // h[t-1] is used on the body's first line, before the line that assigns h[t].
    let program = try graphProgram(lines(
        "param w = 0.5",
        "h0 = 1",
        "repeat t in 1...2:",
        "    z[t] = w * h[t-1]",
        "    h[t] = tanh(z[t])",
        "out = 2 * h2"))
    #expect(listing(program) == ["w = param 0.5", "h0 = input 1.0", "z1 = multiply(w, h0)", "h1 = tanh(z1)",
                                 "z2 = multiply(w, h1)", "h2 = tanh(z2)", "c1 = const 2.0",
                                 "out = multiply(c1, h2)"])
}

@Test func namesEndingInADigitGetAnUnderscore() throws {
    let program = try graphProgram(lines("h2_0 = 1", "repeat t in 1...2:", "  h2[t] = h2[t-1] * 2", "y = h2[2] + 1"))
    #expect(program.nodes.filter(\.isNamed).map(\.name) == ["h2_0", "h2_1", "h2_2", "y"])
}

@Test func theFirstStepMayStartAnywhere() throws {
    let program = try graphProgram(lines("a4 = 1", "b4 = 2", "repeat n in 5...6:", "  a[n] = a[n-1] + b4", "y = a[6] * 1"))
    #expect(program.nodes.filter(\.isNamed).map(\.name) == ["a4", "b4", "a5", "a6", "y"])
}

@Test func aStepMayUseOlderStepsAndEarlierLinesOfItsOwn() throws {
    let program = try graphProgram(lines(
        "f0 = 0", "f1 = 1",
        "repeat t in 2...4:",
        "  f[t] = f[t-1] + f[t-2]",
        "  g[t] = f[t] * 2",
        "y = g[4] + f[4]"))
    #expect(program.nodes.filter(\.isNamed).map(\.name) == ["f0", "f1", "f2", "g2", "f3", "g3", "f4", "g4", "y"])
}

@Test func repeatAndInStayUsableAsNames() throws {
    let program = try graphProgram("repeat = 2\nin = 3\ny = repeat * in\n")
    #expect(listing(program) == ["repeat = input 2.0", "in = input 3.0", "y = multiply(repeat, in)"])
}

@Test func indicesInTheBodyCountFromTheEndToo() throws {
    let program = try graphProgram(lines("x = [1, 2, 3]", "s0 = 0", "repeat t in 1...2:", "  s[t] = s[t-1] + x[-t]", "y = s2 * 1"))
    #expect(program.nodes.compactMap(\.index).map(\.items) == [[.at(-1)], [.at(-2)]])
}

@Test func rangesInTheBodyUseTheStep() throws {
    let program = try graphProgram(lines("x = [1, 2, 3, 4]", "s0 = 0", "repeat t in 1...2:", "  s[t] = s[t-1] + sum(x[t-1:t+1])",
                                         "y = s2 * 1"))
    #expect(program.nodes.compactMap(\.index).map(\.items) == [[.range(0, 2)], [.range(1, 3)]])
}

// MARK: - Errors

private func rnnErrors(_ body: String...) -> [String] {
    graphErrors((["x = [1.0, 0.5, -0.3, 0.8]", "param w = 0.9", "h0 = 0.0"] + body).joined(separator: "\n") + "\n")
}

@Test func laterStepsAreAnError() {
    #expect(rnnErrors("repeat t in 1...4:", "    h[t] = tanh(w * h[t+1])")
        == ["t.md:6:21: error: 'h[t+1]' is a later time step; a step can use only itself and the steps before it, like 'h[t-1]'"])
}

@Test func aStepUsedInItsOwnDefinitionIsAnError() {
    #expect(rnnErrors("repeat t in 1...4:", "    h[t] = tanh(w * h[t])")
        == ["t.md:6:21: error: 'h[t]' is used in its own definition; the step before is 'h[t-1]'"])
}

@Test func aStepUsedBeforeItsLineIsAnError() {
    #expect(rnnErrors("repeat t in 1...4:", "    z[t] = w * h[t]", "    h[t] = tanh(z[t])")
        == ["t.md:6:16: error: 'h[t]' is used before it is assigned on line 7"])
}

@Test func theStepBeforeTheFirstMustBeAssignedBeforeTheRepeat() {
    #expect(graphErrors(lines("param w = 0.9", "repeat t in 1...4:", "    h[t] = tanh(w * h[t-1])"))
        == ["t.md:4:21: error: at t = 1, 'h[t-1]' is 'h0', which is not assigned before the repeat line; assign it there, like 'h0 = 0'"])
    #expect(rnnErrors("repeat t in 1...4:", "    h[t] = tanh(w * h[t-2])")
        == ["t.md:6:21: error: at t = 1, 'h[t-2]' would be step -1; steps are counted from 0"])
}

@Test func undefinedNamesInTheBodyAreReportedOnce() {
    #expect(rnnErrors("repeat t in 1...4:", "    h[t] = tanh(v * h[t-1])")
        == ["t.md:6:17: error: undefined name 'v'"])
}

@Test func aPlainNameInTheBodyIsAnError() {
    #expect(rnnErrors("repeat t in 1...4:", "    z = w * h[t-1]", "    h[t] = tanh(z)") == [
        "t.md:6:5: error: each time step assigns its own value: write 'z[t] = ...', which names z1, z2, ...",
    ])
}

@Test func usesAfterTheRepeatOfABrokenBodyStayQuiet() {
    #expect(rnnErrors("repeat t in 1...4:", "    h[t] = tanh(w * h[t-1] +)", "y = h[4] + h2") == [
        "t.md:6:29: error: expected an expression after '+', found ')'",
    ])
}

@Test func theStepVariableIsUsedOnlyInBrackets() {
    #expect(rnnErrors("repeat t in 1...4:", "    h[t] = w * h[t-1] * t")
        == ["t.md:6:25: error: 't' is the number of the time step; it can be used only in brackets, as in 'h[t-1]' or 'x[t-1]'"])
}

@Test func theStepVariableMustBeANewName() {
    #expect(graphErrors(lines("t = 1", "h0 = 0", "repeat t in 1...2:", "  h[t] = h[t-1] + 1"))
        == ["t.md:4:8: error: 't' is already assigned on line 2; give the step variable a name of its own, like 'repeat k in 1...4:'"])
    #expect(graphErrors(lines("h0 = 0", "repeat exp in 1...2:", "  h[exp] = h[exp-1] + 1"))
        == ["t.md:3:8: error: the step variable cannot be 'exp'; use a plain name, like 'repeat t in 1...4:'"])
}

@Test func theStepsMustBeWholeNumbersInOrder() {
    let body = "  h[t] = h[t-1] + 1"
    #expect(graphErrors(lines("h0 = 0", "repeat t in 1...2.5:", body))
        == ["t.md:3:17: error: the last step of a repeat must be a whole number, 0 or more; got '2.5'"])
    #expect(graphErrors(lines("h0 = 0", "T = 4", "repeat t in 1...T:", body))
        == ["t.md:4:17: error: the last step of a repeat is a whole number written out, like '4', not a name like 'T'"])
    #expect(graphErrors(lines("h0 = 0", "repeat t in 4...1:", body))
        == ["t.md:3:13: error: the steps 4...1 go backwards; write the first step first, as in '1...4'"])
    #expect(graphErrors(lines("h0 = 0", "repeat t in 1..4:", body))
        == ["t.md:3:14: error: write the steps with three dots, as in '1...4' (1, 2, 3 and 4: both ends are included)"])
    #expect(graphErrors(lines("h0 = 0", "repeat t in range(1, 5):", body))
        == ["t.md:3:13: error: the first step of a repeat is a whole number written out, like '4', not a name like 'range'"])
    #expect(graphErrors(lines("h0 = 0", "repeat t from 1...4:", body))
        == ["t.md:3:10: error: expected 'in' after the step variable, as in 'repeat t in 1...4:', found 'from'"])
    #expect(graphErrors(lines("h0 = 0", "repeat t in 1...4", body))
        == ["t.md:3:18: error: expected ':' at the end of the repeat line, as in 'repeat t in 1...4:', found end of line"])
    #expect(graphErrors(lines("h0 = 0", "repeat t in 1...4: h[t] = h[t-1] + 1"))
        == ["t.md:3:20: error: expected end of line after ':'; the body goes on the lines below, indented, found 'h'"])
}

@Test func tooManyStepsIsAnError() {
    #expect(graphErrors(lines("h0 = 0", "repeat t in 1...33:", "  h[t] = h[t-1] + 1"))
        == ["t.md:3:13: error: 1...33 is 33 time steps; a repeat has at most 32 (each step is drawn as a group, and a block has at most 32 groups)"])
    #expect(graphErrors(lines("h0 = 0", "repeat t in 1...32:", "  h[t] = h[t-1] + 1")) == [])
}

@Test func theNodeLimitCountsEveryStep() {
    let wide = "  h[t] = " + Array(repeating: "h[t-1]", count: 40).joined(separator: " + ")
    #expect(graphErrors(lines("h0 = 0", "repeat t in 1...32:", wide)).count == 1)
    #expect(graphErrors(lines("h0 = 0", "repeat t in 1...32:", wide)).first?.contains("the limit is 1000 per block") == true)
}

@Test func indentationErrorsAreLocated() {
    #expect(graphErrors(lines("h0 = 0", "repeat t in 1...2:", "    h[t] = h[t-1] + 1", "  g[t] = h[t] * 2", "y = h2 * 1"))
        == ["t.md:5:3: error: this line of the repeat body starts in column 3; expected column 5, like the body's first line"])
    #expect(graphErrors(lines("h0 = 0", "repeat t in 1...2:", "h[t] = h[t-1] + 1")) == [
        "t.md:3:1: error: a repeat needs a body: the lines of one time step, indented below it, like '    h[t] = tanh(w * h[t-1])'",
        "t.md:4:2: error: only a repeat body assigns 'h[...]', as 'h[t] = ...'; elsewhere assign a plain name, like 'h0 = ...'",
    ])
}

@Test func repeatsDoNotNestAndABlockHasOne() {
    #expect(graphErrors(lines("h0 = 0", "repeat t in 1...2:", "  repeat k in 1...2:", "    h[t] = h[t-1] + 1")).first
        == "t.md:4:3: error: repeat lines do not nest; write the inner steps out in this body")
    #expect(graphErrors(lines("h0 = 0", "repeat t in 1...2:", "  h[t] = h[t-1] + 1", "repeat t in 3...4:", "  h[t] = h[t-1] + 1"))
        == ["t.md:5:1: error: a block has one repeat line; the first is on line 3, so write every line of a time step in its body"])
}

@Test func bodiesHoldAssignmentsOnly() {
    #expect(rnnErrors("repeat t in 1...2:", "    param v = 1", "    h[t] = h[t-1] * w")
        == ["t.md:6:5: error: every time step shares the parameters; declare them before the repeat line"])
    #expect(rnnErrors("repeat t in 1...2:", "    h[t] = h[t-1] * w", "    group g: h")
        == ["t.md:7:5: error: a repeat body holds the assignments of one time step, like 'h[t] = tanh(w * h[t-1])'; put the 'group' line before or after it"])
}

@Test func stepNamesCollideWithNothing() {
    #expect(rnnErrors("h = 2", "repeat t in 1...2:", "    h[t] = h[t-1] * w")
        == ["t.md:7:5: error: 'h' is already assigned on line 5; 'h[t]' names the time steps h1, h2, ..., so give them another name"])
    #expect(rnnErrors("repeat t in 1...2:", "    h[t] = h[t-1] * w", "h = 2")
        == ["t.md:7:1: error: 'h' names the time steps of the repeat on line 5 ('h[1]' is h1); give this node another name"])
    #expect(rnnErrors("repeat t in 1...2:", "    h[t] = h[t-1] * w", "h2 = 2")
        == ["t.md:7:1: error: 'h2' is already assigned on line 6"])
}

@Test func aStepAfterTheRepeatIsNamedByItsNumber() {
    #expect(rnnErrors("repeat t in 1...2:", "    h[t] = h[t-1] * w", "y = h[t] * 2")
        == ["t.md:7:7: error: expected a step number: after the repeat, 'h[4]' is the node h4, found 't'"])
    #expect(rnnErrors("repeat t in 1...2:", "    h[t] = h[t-1] * w", "y = h[3] * 2")
        == ["t.md:7:5: error: undefined name 'h3'; did you mean 'h0'?"])
}

/// Time steps are groups, and grouped graphs are editable and can be descended on the page.
@Test func aRepeatBlockMayHaveADescendLine() {
    #expect(rnnErrors("repeat t in 1...2:", "    h[t] = h[t-1] * w", "descend h2 over w").isEmpty)
}

// MARK: - Model blocks

@Test func modelBlocksRepeatToo() throws {
    let program = try modelProgram(lines(
        "X = [[1, 0, 1], [0, 1, 1]]",
        "y = [[1], [0]]",
        "param w = 0.5",
        "param u = 1.0",
        "h0 = 0",
        "repeat t in 1...3:",
        "  h[t] = tanh(w * h[t-1] + u * X[:, t-1])",
        "out = reshape(h[3], -1, 1)",
        "loss = mean((out - y)^2)",
        "train sgd(lr: 0.1) epochs 10"))
    #expect(program.graph.groups.map(\.title) == [.step(1), .step(2), .step(3)])
    #expect(program.graph.nodes.filter(\.isNamed).map(\.name) == ["X", "y", "w", "u", "h0", "h1", "h2", "h3", "out", "loss"])
}

@Test func aStepNameWithoutItsStepIsAnError() {
    #expect(rnnErrors("repeat t in 1...2:", "    h[t] = h * w", "y = h + 1") == [
        "t.md:6:12: error: 'h' names time steps, not one node: use one step, as in 'h[t-1]'",
        "t.md:7:5: error: 'h' names time steps, not one node: use one step, as in 'h[1]'",
    ])
}

@Test func anIndexedNameOutsideABodyIsOneError() {
    #expect(graphErrors("x[0] = 5\ny = x + 1\n")
        == ["t.md:2:2: error: only a repeat body assigns 'x[...]', as 'x[t] = ...'; elsewhere assign a plain name, like 'x0 = ...'"])
}

@Test func theDataLinesNamesAreTaken() {
    #expect(modelErrors(lines(
        "data xor",
        "param w = 0.5",
        "y0 = 0",
        "repeat t in 1...2:",
        "  y[t] = w * y[t-1]",
        "loss = mean((X @ [1, 1] - y2)^2)",
        "train sgd(lr: 0.1) epochs 10")).first
        == "t.md:6:3: error: 'y' is already assigned on line 2; 'y[t]' names the time steps y1, y2, ..., so give them another name")
}

// MARK: - Robustness

@Test func randomRepeatSoupsNeverCrash() {
    let pieces = ["repeat", " t", " in ", "1", "...", "..", "4", ":", "\n", "\n    ", "\n  ", "\t", "h[t]", "h[t-1]",
                  "h[t+1]", "h[4]", "x[0, t-1]", "x[t]", " = ", "tanh(", ")", "[", "]", " + ", "-", "t", "h0 = 0\n",
                  "x = [1, 2, 3, 4]\n", "param w = 1\n", "w * ", "32", "33", "0", "-1", "1e9", "2.5", "#", "group g: h1\n",
                  "repeat k in 1...2:\n  ", "z[k] = ", "h", "h2"]
    var rng = SplitMix64(seed: 15)
    for _ in 0..<3_000 {
        var source = ""
        for _ in 0..<(1 + rng.next(below: 40)) { source += pieces[rng.next(below: pieces.count)] }
        let (program, diagnostics) = BlockLanguage.parseGraph(graphBlock(source), path: "t.md")
        // Either a program or located errors, never both, never neither.
        #expect((program == nil) == diagnostics.contains { $0.severity == .error }, "\(source)")
        if let program {
            for (i, node) in program.nodes.enumerated() {
                if case .operation(_, let inputs, _) = node.kind { #expect(inputs.allSatisfy { $0 < i }, "\(source)") }
            }
            #expect(Set(program.nodes.map(\.name)).count == program.nodes.count, "\(source)")
        }
    }
}
