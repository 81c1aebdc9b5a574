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

    /// A 2 MB literal of a million numbers: the page shows the listings shortened (it was 78 MB
    /// of highlighted numbers), the trace summarises the tensor, the downloads keep everything.
    @Test func millionNumberLiteralMakesABoundedPage() throws {
        let course = try HostileCourse()
        let literal = "x = [" + Array(repeating: "1", count: 1_000_000).joined(separator: ",") + "]\n"
        #expect(try course.build("million.md", "```graph\n" + literal + "y = sum(x)\n```\n", succeeds: true) == [])
        let size = { (path: String) in (try? FileManager.default.attributesOfItem(atPath: course.w.output + "/million/" + path)[.size] as? Int) ?? nil }
        #expect(try #require(size("index.html")) < 1_500_000)
        #expect(try #require(size("trace/graph-1.json")) < 100_000)
        #expect(try #require(size("code/graph-1.py")) > 2_000_000, "the download keeps every number")
        let page = course.w.page("million")
        #expect(page.contains("# … shortened on this page ("))
        let trace = String(decoding: FileManager.default.contents(atPath: course.w.output + "/million/trace/graph-1.json") ?? Data(), as: UTF8.self)
        #expect(trace.contains("\"x\":{\"count\":1000000,\"first\":[1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0],\"min\":1.0,\"max\":1.0}"))
    }

    /// The lessons of a course may hold 16 MiB together: the lesson that goes past it is an
    /// error at its first line, found from its size before it is read.
    @Test func courseOverItsBudgetIsALocatedError() throws {
        let course = try HostileCourse()
        let messages = try course.build(succeeds: false) { w in
            try w.write("a.md", String(repeating: "a", count: 8_000_000) + "\n")
            try w.write("b.md", "# B\n")
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: w.lessons + "/b.md"))
            try handle.truncate(atOffset: 9_000_000)
            try handle.close()
        }
        #expect(messages == ["lessons/b.md:1:1: error: the lessons add up to 17000001 bytes with this one; the limit is 16777216 bytes (16 MiB) for a course, so split the course or shorten its lessons"])
    }

    /// A long run's progress bar says how long is left, from the rate so far.
    @Test func progressBarEstimatesTheTimeLeft() {
        #expect(ProgressBar.estimate(0.2) == "about 1 s left")
        #expect(ProgressBar.estimate(125) == "about 2 min 5 s left")
        #expect(ProgressBar.estimate(3 * 3600 + 7 * 60) == "about 3 h 7 min left")
    }
}
