import LessonModel
import Testing

// The optimizers added with weight decay (nesterov, adamw, rmsprop) and the `schedule` line:
// what they parse to, and the mistakes a teacher can make in them.

private func block(_ train: String, _ more: String...) -> String {
    (["data xor", "param w = zeros([2, 1])", "loss = mean((X @ w - y)^2)", train] + more).joined(separator: "\n") + "\n"
}

@Test func newOptimizersWithDefaultsAndWeightDecay() throws {
    let cases: [(String, OptimizerSpec)] = [
        ("sgd(lr: 0.1, weight_decay: 0.01)", .sgd(lr: 0.1, weightDecay: 0.01)),
        ("nesterov(lr: 0.1)", .momentum(lr: 0.1, beta: 0.9, nesterov: true)),
        ("momentum(lr: 0.1, beta: 0.5, weight_decay: 1e-4)", .momentum(lr: 0.1, beta: 0.5, weightDecay: 1e-4)),
        ("adam(lr: 0.01, weight_decay: 0.1)", .adam(lr: 0.01, weightDecay: 0.1)),
        ("adamw(lr: 0.01)", .adamw(lr: 0.01, weightDecay: 0.01)),
        ("adamw(lr: 0.01, weight_decay: 0)", .adamw(lr: 0.01, weightDecay: 0)),
        ("rmsprop(lr: 0.01)", .rmsprop(lr: 0.01, alpha: 0.99, eps: 1e-8)),
        ("rmsprop(lr: 0.01, alpha: 0.9, eps: 1e-6)", .rmsprop(lr: 0.01, alpha: 0.9, eps: 1e-6)),
    ]
    for (call, optimizer) in cases {
        let p = try modelProgram(block("train \(call) epochs 10"))
        #expect(p.train.optimizer == optimizer, "\(call)")
        #expect(p.schedule == nil)
    }
    #expect(OptimizerSpec.momentum(lr: 0.1, nesterov: true).name == "nesterov")
    #expect(OptimizerSpec.adamw(lr: 0.1).nonDefaultArguments.map(\.name) == ["lr"])
}

@Test func schedulesParseWithTheirDefaults() throws {
    let cases: [(String, ScheduleSpec)] = [
        ("schedule step(every: 100)", .step(every: 100, gamma: 0.1)),
        ("schedule step(every: 5, gamma: 0.5)", .step(every: 5, gamma: 0.5)),
        ("schedule exponential(gamma: 0.99)", .exponential(gamma: 0.99)),
        ("schedule cosine()", .cosine(minimum: 0)),
        ("schedule cosine", .cosine(minimum: 0)),
        ("schedule cosine(min_lr: 0.001)", .cosine(minimum: 0.001)),
    ]
    for (line, schedule) in cases {
        let p = try modelProgram(block("train sgd(lr: 0.1) epochs 10", line))
        #expect(p.schedule == schedule, "\(line)")
    }
}

@Test func optimizerMistakesNameTheArgument() {
    #expect(modelErrors(block("train sgd(lr: 0.1, weight_decay: -1) epochs 10"))
            == ["t.md:5:34: error: weight_decay must be a number that is at least 0, found '-1'"])
    #expect(modelErrors(block("train nesterov(lr: 0.1, beta: 0) epochs 10"))
            == ["t.md:5:31: error: beta must be greater than 0 and less than 1, found '0'"])
    #expect(modelErrors(block("train rmsprop(lr: 0.1, alpha: 1) epochs 10"))
            == ["t.md:5:31: error: alpha must be at least 0 and less than 1, found '1'"])
    #expect(modelErrors(block("train adamw(lr: 0.1, beta: 0.9) epochs 10"))
            == ["t.md:5:22: error: 'adamw' has no argument 'beta'; its arguments are lr, beta1, beta2, eps, weight_decay"])
    #expect(modelErrors(block("train admaw(lr: 0.1) epochs 10")) == ["t.md:5:7: error: unknown optimizer 'admaw'; did you mean 'adamw'?"])
}

@Test func scheduleMistakes() {
    #expect(modelErrors(block("train sgd(lr: 0.1) epochs 10", "schedule cosin()"))
            == ["t.md:6:10: error: unknown schedule 'cosin'; did you mean 'cosine'?"])
    #expect(modelErrors(block("train sgd(lr: 0.1) epochs 10", "schedule linear()"))
            == ["t.md:6:10: error: unknown schedule 'linear'; the schedules are step, exponential, cosine"])
    #expect(modelErrors(block("train sgd(lr: 0.1) epochs 10", "schedule step(gamma: 0.5)"))
            == ["t.md:6:10: error: step needs 'every', like 'schedule step(every: 100, gamma: 0.5)'"])
    #expect(modelErrors(block("train sgd(lr: 0.1) epochs 10", "schedule step(every: 2.5)"))
            == ["t.md:6:22: error: every must be a whole number of epochs from 1 to 10000000, found '2.5'"])
    #expect(modelErrors(block("train sgd(lr: 0.1) epochs 10", "schedule exponential(gamma: 0)"))
            == ["t.md:6:29: error: gamma must be a positive number, found '0'"])
    #expect(modelErrors(block("train sgd(lr: 0.1) epochs 10", "schedule exponential()"))
            == ["t.md:6:10: error: exponential needs 'gamma', like 'schedule exponential(gamma: 0.99)'"])
    #expect(modelErrors(block("train sgd(lr: 0.1) epochs 10", "schedule cosine(0.1)"))
            == ["t.md:6:17: error: name the arguments of 'cosine', as in 'cosine(min_lr: ...)'"])
    #expect(modelErrors(block("train sgd(lr: 0.1) epochs 10", "schedule cosine()", "schedule cosine()"))
            == ["t.md:7:1: error: a model block has one 'schedule' line; the first is on line 6"])
    #expect(modelErrors(block("train sgd(lr: 0.1) epochs 10", "schedule"))
            == ["t.md:6:9: error: expected a learning-rate schedule after 'schedule' (step, exponential, cosine), like 'schedule cosine()', found end of line"])
    #expect(modelErrors(block("train sgd(lr: 0.1) epochs 10", "schedule cosine() now"))
            .first?.hasPrefix("t.md:6:19: error:") == true)
}
