import Foundation
import Testing
@testable import LessonsKit

/// Outputs are named for what they are (issue 14, item 5).
@Suite(.serialized) struct ModelOutputLabelTests {
    @Test func aLogitColumnIsCalledLogitWithItsProbabilityAndClass() throws {
        let w = try Workspace()
        try w.write("a.md", "# A\n\n```model m\ndata moons(n: 20)\nlayers 2 -> 4 tanh -> 1\nloss = bce_logits(out, y)\n"
                    + "train adam(lr: 0.05) epochs 20 seed 1\ntrace every 10\n```\n")
        let report = w.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let page = w.page("a")
        #expect(page.contains("<th>target</th><th>logit</th><th>σ(logit)</th><th>predicted class</th>"))
        #expect(page.contains("after the last training step"))
    }

    @Test func aLinearOutputKeepsItsPredictionColumn() throws {
        let w = try Workspace()
        try w.write("a.md", "# A\n\n```model m\ndata xor\nlayers 2 -> 3 sigmoid -> 1\nloss = mean((out - y)^2)\n"
                    + "train sgd(lr: 0.5) epochs 20 seed 1\n```\n")
        let report = w.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let page = w.page("a")
        #expect(page.contains("<th>target</th><th>prediction</th></tr>") && !page.contains("<th>logit</th>"))
    }
}
