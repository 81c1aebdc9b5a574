import Autodiff
import LessonModel
import Testing
import Training

// Every optimizer and learning-rate schedule against PyTorch (float64): 100 steps on small tanh networks from the
// same initial weights (Fixtures/optimizers.json, scripts/reference_optimizers.py). The loss
// before every step and the parameters after the last must agree to 1e-9 relative.

private struct OptimizerFixture: Decodable {
    struct Initial: Decodable {
        let W1: [[Double]]
        let b1: [Double]
        let W2: [[Double]]
        let b2: [Double]
    }
    struct Schedule: Decodable {
        let name: String
        let arguments: [String: Double]
    }
    struct Run: Decodable {
        let rule: String
        let arguments: [String: Double]
        let schedule: Schedule?
        let losses: [Double]
        let final: [String: [Double]]
    }
    struct Problem: Decodable {
        let name, loss: String
        let X, y: [[Double]]
        let initial: Initial
        let runs: [Run]
    }
    let steps: Int
    let problems: [Problem]
}

private let optimizerFixture = fixture("optimizers.json", as: OptimizerFixture.self)

/// One problem and one optimizer run of the fixture.
struct OptimizerCase: Sendable, CustomStringConvertible {
    let problem: Int
    let run: Int
    var description: String {
        guard let p = optimizerFixture?.problems[problem] else { return "missing" }
        let r = p.runs[run]
        return "\(r.rule)\(r.schedule.map { " with schedule \($0.name)" } ?? "") (run \(run)) on \(p.name)"
    }
}

private let optimizerCases: [OptimizerCase] = (optimizerFixture?.problems ?? []).enumerated().flatMap { p, problem in
    problem.runs.indices.map { OptimizerCase(problem: p, run: $0) }
}

/// H = tanh(X W1 + b1), Z = H W2 + b2 and the problem's loss on Z; the plan and the
/// parameters in the order W1, b1, W2, b2.
private func network(_ p: OptimizerFixture.Problem) throws -> (Plan, [NodeID]) {
    var g = GraphBuilder()
    let x = g.leaf(.input, value: try Tensor(matrix: p.X))
    let y = g.leaf(.input, value: try Tensor(matrix: p.y))
    let w1 = g.leaf(.parameter, value: try Tensor(matrix: p.initial.W1))
    let b1 = g.leaf(.parameter, value: try Tensor(vector: p.initial.b1))
    let w2 = g.leaf(.parameter, value: try Tensor(matrix: p.initial.W2))
    let b2 = g.leaf(.parameter, value: try Tensor(vector: p.initial.b2))
    let h = try g.apply(.tanh, try g.apply(.add, try g.apply(.matmul, x, w1), b1))
    let z = try g.apply(.add, try g.apply(.matmul, h, w2), b2)
    let loss: NodeID
    switch p.loss {
    case "bce_logits": loss = try g.apply(.bceLogits, z, y)
    case "softmax_cross_entropy": loss = try g.apply(.softmaxCrossEntropy, z, y)
    default: loss = try g.apply(.mean, try g.apply(.power(2), try g.apply(.subtract, z, y)))
    }
    return (try Plan(g, output: loss), [w1, b1, w2, b2])
}

private func rule(_ r: OptimizerFixture.Run) throws -> OptimizerRule {
    try OptimizerRule.make(r.rule, arguments: r.arguments.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
}

private func schedule(_ r: OptimizerFixture.Run) -> ScheduleSpec? {
    guard let s = r.schedule else { return nil }
    let a = { (key: String) in s.arguments[key] ?? .nan }
    switch s.name {
    case "step": return .step(every: Int(a("every")), gamma: a("gamma"))
    case "exponential": return .exponential(gamma: a("gamma"))
    default: return .cosine(minimum: a("min_lr"))
    }
}

@Test("the optimizer fixture has 3 problems with 14 runs of 100 steps each")
func optimizerFixtureLoads() {
    #expect(optimizerFixture?.steps == 100 && optimizerCases.count == 42)
}

@Test("100 steps agree with PyTorch: every loss and the final parameters to 1e-9 relative", arguments: optimizerCases)
func optimizerMatchesTorch(c: OptimizerCase) throws {
    let problem = try #require(optimizerFixture?.problems[c.problem])
    let run = problem.runs[c.run]
    let (plan, parameters) = try network(problem)
    let optimizer = try Optimizer(rule(run), plan: plan, parameters: parameters)
    // One step per epoch: the schedule moves the rate every step.
    var rates = LearningRates(base: optimizer.rule.lr, schedule: schedule(run), epochs: run.losses.count)
    var worst = 0.0
    for step in 0..<run.losses.count {
        optimizer.learningRate = rates.rate(epoch: step)
        plan.forward()
        plan.backward()
        let loss = try #require(plan.value(plan.output)?.scalars.first)
        worst = max(worst, abs(loss - run.losses[step]) / abs(run.losses[step]))
        try optimizer.step()
    }
    #expect(worst <= 1e-9, "worst loss error \(worst), tolerance 1e-9 relative")
    for (name, id) in zip(["W1", "b1", "W2", "b2"], parameters) {
        let ours = try #require(plan.value(id)?.scalars), theirs = try #require(run.final[name])
        #expect(ours.count == theirs.count)
        // A weight that ends near 0 is compared to 1e-11 absolute: RMSprop moves it by
        // lr · g/√v, a step that does not shrink with g, so the last bits of the loss's exp and
        // log (ours and PyTorch's are different functions, each within an ulp) grow to about
        // 1e-12 there after 100 steps.
        for (i, (a, b)) in zip(ours, theirs).enumerated() {
            #expect(close(a, b, relative: 1e-9, floor: 1e-2), "\(name)[\(i)]: \(a) vs torch \(b), 1e-9 relative")
        }
    }
    #expect(optimizer.steps == run.losses.count)
}
