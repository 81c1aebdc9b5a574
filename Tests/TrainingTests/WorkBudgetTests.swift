import Testing
import Autodiff
import LessonModel
@testable import Training

/// What a block's work is counted as, and the errors past the budget.
@Suite struct WorkBudgetTests {
    @Test func aMatrixProductCountsItsMultiplyAddsThreeTimes() throws {
        var g = GraphBuilder()
        let a = g.leaf(.input, value: try Tensor(shape: .matrix(20, 30), scalars: Array(repeating: 1, count: 600)))
        let b = g.leaf(.parameter, value: try Tensor(shape: .matrix(30, 40), scalars: Array(repeating: 1, count: 1200)))
        let c = try g.apply(.matmul, a, b)
        let y = try g.apply(.sum, try g.apply(.tanh, c))
        // Forward: 24,000 multiply-adds, 800 tanh at 10, a sum of 800, and 100 per operation;
        // backward twice each.
        let forward = 24_000 + 8_000 + 800 + 3 * GraphBuilder.operationOverhead
        #expect(g.forwardCost() == forward)
        #expect(g.passCost(output: y) == 3 * forward)
    }

    @Test func costsSaturateInsteadOfOverflowing() {
        let work = WorkBudget.training(passCost: Int.max / 2, parameters: 10, steps: 10_000_000)
        #expect(work.total == Int.max)
        #expect(WorkBudget.format(work.total) == "more than 9.2e18")
    }

    @Test func numbersInMessagesHaveTwoDigits() {
        #expect(WorkBudget.format(999_999) == "999999")
        #expect(WorkBudget.format(36_815_000_000_000) == "3.7e13")
        #expect(WorkBudget.format(100_000_000_000) == "1e11")
        #expect(WorkBudget.format(99_960_000_000) == "1e11")
    }

    @Test func aGraphPastTheBudgetIsAnErrorAtItsOutput() {
        let at = SourcePosition(line: 4, column: 5)
        #expect(WorkBudget.check(graphCost: WorkBudget.limit, path: "a.md", at: at) == nil)
        let d = WorkBudget.check(graphCost: WorkBudget.limit + 1, path: "a.md", at: at)
        #expect(d?.description == "a.md:4:5: error: running this graph would take about 1e11 multiply-adds, more than the 1e11 one block may do (a few minutes); use smaller tensors")
    }
}
