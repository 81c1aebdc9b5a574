import Codegen
import LessonModel
import Testing
@testable import Presentation
@testable import Training

// What a page shows of a dropout: the trace keeps p and the seed (the live page's rebuilt plan
// needs both), the card says p, and the walk's equation gives p and the seed.
@Test func aDropoutNodeShowsItsPAndSeed() throws {
    let source = "x = [1.0, -2.0, 3.0, 0.5]\nh = dropout(x, p: 0.25, seed: 7)\ns = sum(h)\n"
    let block = LessonBlock(kind: .graph, name: "d", source: source, fenceLine: 1)
    let program = try #require(BlockLanguage.parseGraph(block, path: "d").0)
    let trace = try #require(GraphRunner.run(program, lesson: "t", block: "d", path: "d").0)
    let h = try #require(trace.nodes.firstIndex { $0.name == "h" })
    #expect(trace.nodes[h].exponent == 0.25 && trace.nodes[h].seed == 7)
    #expect(GraphPresentation(trace: trace, source: source, stem: "d").caption(trace.nodes[h]) == "dropout p=0.25")
    let equation = GraphEquations(trace: trace, step: trace.steps[0]).forward(h)
    #expect(equation.hasPrefix("h = dropout(x, p: 0.25, seed: 7) = "), "\(equation)")
    #expect(LiveGraphCode.plan(trace)?.contains("0.25,\"dropout\"") == true)
}
