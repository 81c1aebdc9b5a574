import Foundation
import Testing
@testable import LessonsKit

/// Blocks inside every size limit that would still run for hours, and gradients the check used
/// to refuse: the work budget stops the first before they start (in `check` and in `build`), the
/// second build.
@Suite(.serialized) struct HostileBudgetTests {
    /// About 18 hours of training on one core: 2 -> 1000 -> 1000 -> 1 on 600 examples, 19,900 epochs.
    static let eighteenHours = """
        # Slow

        ```model slow
        data moons(n: 600)
        layers 2 -> 1000 tanh -> 1000 tanh -> 1
        loss = bce_logits(out, y)
        train sgd(lr: 0.1) epochs 19900 seed 0
        ```

        """

    static let budgetError = "lessons/slow.md:7:1: error: training this model would take about 3.7e13 multiply-adds "
        + "(1.9e9 per step × 19900 steps), more than the 1e11 one block may do (a few minutes); "
        + "use fewer epochs, fewer examples or smaller layers"

    @Test func eighteenHourModelIsALocatedErrorInBuild() throws {
        let course = try HostileCourse()
        #expect(try course.build("slow.md", Self.eighteenHours, succeeds: false) == [Self.budgetError])
    }

    @Test func eighteenHourModelIsALocatedErrorInCheck() throws {
        let course = try HostileCourse()
        try course.w.write("slow.md", Self.eighteenHours)
        let r = try runHostileCLI(["check", "lessons"], course: course)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix(Self.budgetError + "\n"), "\(r.stderr)")
    }

    /// Mini-batches count: the same network with `batch 10` does a sixtieth of the work per step
    /// but sixty steps per epoch, so the budget is the same.
    @Test func batchesCountEveryStep() throws {
        let course = try HostileCourse()
        let text = Self.eighteenHours.replacingOccurrences(of: "seed 0", with: "batch 10 seed 0")
        let messages = try course.build("slow.md", text, succeeds: false)
        #expect(messages.count == 1)
        #expect(messages.first?.contains("per step × 1194000 steps), more than the 1e11") == true, "\(messages)")
    }

    /// The graphs the old gradient check refused although their gradients are exact.
    @Test(arguments: [
        "b = 0.001\ny = 1 / b\n",
        "z = [1000.0, 999.0]\np = sigmoid(z - 999.5)\ny = sum(p)\n",
        "z = [[1000.0, 1001.0]]\nt = [[0.0, 1.0]]\nloss = softmax_cross_entropy(z, t)\n",
        "x = 2\nq = x / 3e-280\n",
    ])
    func exactGradientsBuild(_ source: String) throws {
        let course = try HostileCourse()
        #expect(try course.build("exact.md", "```graph\n" + source + "```\n", succeeds: true) == [])
    }

    /// `a` (n×1) `@` `b` (1×n), then `sum`: rounding in n² products is not an engine bug.
    @Test(arguments: [1000, 2200])
    func largeOuterProductBuilds(_ n: Int) throws {
        let column = "[" + (0..<n).map { "[\(Double($0 % 7) / 4 - 0.6)]" }.joined(separator: ", ") + "]"
        let row = "[[" + (0..<n).map { "\(Double($0 % 5) / 3 - 0.55)" }.joined(separator: ", ") + "]]"
        let course = try HostileCourse()
        #expect(try course.build("outer.md", "```graph\na = \(column)\nb = \(row)\ny = sum(a @ b)\n```\n", succeeds: true) == [])
    }
}
