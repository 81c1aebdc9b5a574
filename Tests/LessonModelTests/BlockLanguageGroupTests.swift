import Testing
@testable import LessonModel

// `group` lines of graph blocks: what they hold, and their errors. The fence is on line 1.

/// Each group as `name: member names`.
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

private let neuron = lines(
    "x = 2",
    "param w = 0.5",
    "param b = 1",
    "z = x * w + b",
    "h = tanh(z)",
    "L = (h - 1)^2")

@Test func groupHoldsTheNodesOfEachNamedStatement() throws {
    let program = try graphProgram(neuron + "group neuron: w, b, z, h\n")
    // z's statement made the product u1 and z; L's constants stay outside.
    #expect(groupListing(program) == ["neuron: w, b, u1, z, h"])
    #expect(program.groups.first?.position == SourcePosition(line: 8, column: 7))
}

@Test func groupMayComeBeforeTheNamesItLists() throws {
    let program = try graphProgram("group first: a, b\n" + "a = 1\nb = a * 2\nc = b + 1\n")
    #expect(groupListing(program) == ["first: a, c1, b"])
}

@Test func severalGroupsKeepTheirOrder() throws {
    let program = try graphProgram(neuron + "group one: w, z\ngroup two: h, L\n")
    #expect(groupListing(program) == ["one: w, u1, z", "two: h, c1, u2, L"])
}

@Test func aBlockWithoutGroupLinesHasNoGroups() throws {
    #expect(try graphProgram(neuron).groups.isEmpty)
}

@Test func groupIsStillAnAssignableName() throws {
    let program = try graphProgram("group = 2\ny = group * 3\n")
    #expect(listing(program) == ["group = input 2.0", "c1 = const 3.0", "y = multiply(group, c1)"])
}

@Test func groupWithAnUnknownNameSuggestsTheClosest() {
    #expect(graphErrors(neuron + "group neuron: w, zz\n")
        == ["t.md:8:18: error: undefined name 'zz' in group 'neuron'; did you mean 'z'?"])
}

@Test func nodeInTwoGroupsIsAnError() {
    #expect(graphErrors(neuron + "group one: w, z\ngroup two: z, h\n")
        == ["t.md:9:12: error: 'z' is already in group 'one'; a node belongs to one group"])
}

@Test func emptyGroupIsAnError() {
    #expect(graphErrors(neuron + "group hidden:\n")
        == ["t.md:8:7: error: group 'hidden' is empty; list the names of the nodes it holds, like 'group hidden: z, h'"])
}

@Test func groupNameDefinedTwiceIsAnError() {
    #expect(graphErrors(neuron + "group g: w\ngroup g: h\n") == ["t.md:9:7: error: group 'g' is already defined on line 8"])
}

@Test func nameListedTwiceInOneGroupIsAnError() {
    #expect(graphErrors(neuron + "group g: w, w\n") == ["t.md:8:13: error: 'w' is listed twice in group 'g'"])
}

@Test func groupWithoutColonIsAnError() {
    #expect(graphErrors(neuron + "group g w\n") == ["t.md:8:9: error: expected ':' after the group's name, as in 'group g: z, h', found 'w'"])
}

@Test func groupWithATrailingCommaIsAnError() {
    #expect(graphErrors(neuron + "group g: w,\n") == ["t.md:8:12: error: expected the name of a node of this block, found end of line"])
}

@Test func groupMissingACommaIsAnError() {
    #expect(graphErrors(neuron + "group g: w b\n") == ["t.md:8:12: error: expected ',' between the names of group 'g', found 'b'"])
}

@Test func groupThatLeavesOutANodeBetweenItsMembersIsAnError() {
    // z is computed from w and used by h: without z the group would feed itself.
    #expect(graphErrors(neuron + "group g: w, h\n") == [
        "t.md:8:7: error: group 'g' leaves out 'z' (line 5), which is computed from the group and used by 'h' in it; "
            + "add it to the group so the group can be drawn as one card",
    ])
}

@Test func groupOfABrokenStatementStaysQuiet() {
    // The only error is the statement's own.
    #expect(graphErrors("x = 1\ny = x +\ngroup g: y\n") == ["t.md:3:8: error: expected an expression after '+', found end of line"])
}

@Test func moreGroupsThanTheLimitIsAnError() {
    // 33 one-node groups: the 33rd group line is where the limit is crossed.
    let names = (1...33).map { "x\($0)" }
    let source = names.map { "\($0) = 1" }.joined(separator: "\n") + "\n" + names.map { "group g\($0): \($0)" }.joined(separator: "\n") + "\n"
    #expect(graphErrors(source) == [
        "t.md:67:7: error: this block has 33 groups; the limit is 32 per block, so group larger parts or split the block",
    ])
}
