import Foundation
import Testing
@testable import LessonsKit

/// `trace last`: the graph keeps the last step alone, the loss curve every step, and quoting
/// the first loss still works while a node's first value is an error that says why.
@Suite struct TraceLastBuildTests {
    private let block = "```model m\ndata xor\nlayers 2 -> 3 tanh -> 1\nloss = mean((out - y)^2)\n"
        + "train sgd(lr: 0.5) epochs 40 seed 0\ntrace last\n```\n\n"

    @Test func theFirstLossIsQuotedFromTheLossCurve() throws {
        let w = try Workspace()
        try w.buildLesson("a.md", "# A\n\n" + block + "From {{ m.loss.initial }} to {{ m.loss }}.\n")
        let page = w.page("a")
        let first = try #require(page.firstMatch(of: #/title="m.loss.initial">([^<]+)</#)?.1)
        let last = try #require(page.firstMatch(of: #/title="m.loss">([^<]+)</#)?.1)
        #expect(first != last, "step 0's loss is not the last step's")
        // One traced step, so no training-step slider; the loss curve still has all 40 steps.
        #expect(!page.contains("class=\"scrubber"))
        let trace = String(decoding: w.outputTree()["a/trace/m.json"] ?? Data(), as: UTF8.self)
        #expect(trace.contains("\"step\":39") && !trace.contains("\"step\":0"), "\(trace.prefix(300))")
    }

    @Test func aNodesFirstValueCannotBeQuoted() throws {
        let w = try Workspace()
        try w.write("a.md", "# A\n\n" + block + "Started at {{ m.W1.initial }}.\n")
        let diagnostics = w.build().diagnostics.map(\.description)
        #expect(diagnostics == ["lessons/a.md:11:12: error: cannot quote 'm.W1.initial': block 'm' traces only its last step "
            + "('trace last'), so 'W1' has no first value to quote; quote 'W1' for its value at the last step"])
    }
}

/// The programs start from the parameters as drawn, not from the only traced step's (the last).
@Suite struct TraceLastProgramTests {
    @Test func programsStartFromTheFirstStepsParameters() throws {
        let w = try Workspace()
        try w.buildLesson("a.md", "# A\n\n```model m\ndata xor\nparam w = [[0.25], [-0.75]]\nparam b = [0.125]\n"
            + "loss = mean((X @ w + b - y)^2)\ntrain sgd(lr: 0.5) epochs 40 seed 0\ntrace last\n```\n")
        let program = String(decoding: w.outputTree()["a/code/m.py"] ?? Data(), as: UTF8.self)
        #expect(program.contains("0.25") && program.contains("-0.75") && program.contains("0.125"), "\(program)")
    }
}
