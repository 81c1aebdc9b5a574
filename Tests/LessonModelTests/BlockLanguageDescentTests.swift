import Testing
@testable import LessonModel

// `descend` lines of graph blocks: what they declare, and their errors. The fence is on line 1.

private let loss = lines(
    "x = 2",
    "param w = 0.5",
    "param b = 1",
    "z = x * w + b",
    "k = 3",
    "L = (z - 1)^2")

@Test func descendNamesTheOutputAndTheLeavesAStepMoves() throws {
    let program = try graphProgram(loss + "descend L over w, b\n")
    let descent = try #require(program.descent)
    #expect(program.nodes[descent.target].name == "L" && descent.target == program.output)
    #expect(descent.leaves.map { program.nodes[$0].name } == ["w", "b"])
    #expect(descent.rate == Descent.defaultRate)
    #expect(descent.position == SourcePosition(line: 8, column: 1))
    #expect(descent.leafPositions == [SourcePosition(line: 8, column: 16), SourcePosition(line: 8, column: 19)])
}

@Test func descendMayGiveALearningRateAndComeFirst() throws {
    let program = try graphProgram("descend L over x lr 0.05\n" + loss)
    #expect(program.descent?.rate == 0.05)
    #expect(program.descent?.leaves.map { program.nodes[$0].name } == ["x"])
}

@Test func aBlockWithoutADescendLineHasNone() throws {
    #expect(try graphProgram(loss).descent == nil)
}

@Test func descendIsStillAnAssignableName() throws {
    let program = try graphProgram("descend = 2\ny = descend * 3\n")
    #expect(listing(program) == ["descend = input 2.0", "c1 = const 3.0", "y = multiply(descend, c1)"])
}

@Test func descendErrorsAreLocatedAndSayWhatToDo() {
    #expect(graphErrors(loss + "descend LL over w\n")
        == ["t.md:8:9: error: undefined name 'LL' in the descend line; did you mean 'L'?"])
    #expect(graphErrors(loss + "descend L over ww\n")
        == ["t.md:8:16: error: undefined name 'ww' in the descend line; did you mean 'w'?"])
    #expect(graphErrors(loss + "descend z over w\n")
        == ["t.md:8:9: error: 'z' is not this block's output; descend the output 'L' (the last assignment), whose gradients the page shows"])
    #expect(graphErrors(loss + "descend L over z\n")
        == ["t.md:8:16: error: 'z' is computed, not an input or a parameter; a step moves leaves only (here: x, w, b, k)"])
    #expect(graphErrors(loss + "descend L over w, k\n")
        == ["t.md:8:19: error: 'L' does not depend on 'k', so a step would never move it; leave it out of the descend line"])
    #expect(graphErrors(loss + "descend L over w, w\n")
        == ["t.md:8:19: error: 'w' is listed twice in the descend line"])
    #expect(graphErrors(loss + "descend L over w\ndescend L over b\n")
        == ["t.md:9:1: error: 'descend' is already given on line 8; a block has one descend line"])
}

@Test func descendSyntaxErrors() {
    #expect(graphErrors(loss + "descend L w\n")
        == ["t.md:8:11: error: expected 'over' and the leaves a step moves, as in 'descend L over w, b', found 'w'"])
    #expect(graphErrors(loss + "descend L over\n")
        == ["t.md:8:15: error: expected the name of an input or a parameter, found end of line"])
    #expect(graphErrors(loss + "descend L over w lr -1\n")
        == ["t.md:8:21: error: expected a learning rate after 'lr', as in 'lr 0.1', found '-'"])
    #expect(graphErrors(loss + "descend L over w lr 0\n")
        == ["t.md:8:21: error: the learning rate 0 is out of range; give a number above 0 and at most 1000, like 'lr 0.1'"])
    #expect(graphErrors(loss + "descend L over w b\n")
        == ["t.md:8:18: error: expected end of line after the descend line, found 'b'"])
}

@Test func descendWorksWithGroups() throws {
    // A graph with groups is editable on the page (closed groups' cards are rewritten too), so it can be descended.
    let program = try graphProgram(loss + "group g: w, z\ndescend L over w\n")
    #expect(program.descent?.leaves.map { program.nodes[$0].name } == ["w"])
    #expect(program.groups.count == 1)
}

@Test func descendBelongsInGraphBlocks() {
    let block = LessonBlock(kind: .model, name: nil, source: "descend loss over w\n", fenceLine: 1)
    let messages = BlockLanguage.parseModel(block, path: "t.md").1.map(\.description)
    #expect(messages.contains("t.md:2:1: error: 'descend' belongs in a graph block; a model block trains with its train line"))
}
