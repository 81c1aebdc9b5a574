import Autodiff
import Testing
import Training

// Optimizer rules on one-parameter problems worked out by hand, state handling, and errors.

/// loss = Σ p² over a parameter p (gradient 2p), compiled.
private func quadratic(_ start: [Double]) throws -> (Plan, NodeID) {
    var g = GraphBuilder()
    let p = g.leaf(.parameter, value: try Tensor(vector: start))
    let loss = try g.apply(.sum, try g.apply(.power(2), p))
    return (try Plan(g, output: loss), p)
}

/// Runs forward, backward and one optimizer step.
private func step(_ plan: Plan, _ optimizer: Optimizer) throws {
    plan.forward()
    plan.backward()
    try optimizer.step()
}

@Test("sgd: p −= lr · g, exactly as written")
func sgdStep() throws {
    let (plan, p) = try quadratic([1, -3])
    let optimizer = try Optimizer(.sgd(lr: 0.1), plan: plan, parameters: [p])
    try step(plan, optimizer)
    #expect(plan.value(p)?.scalars == [1 - 0.1 * 2, -3 - 0.1 * -6])
}

@Test("momentum: the velocity carries over, v = β·v + g, p −= lr · v (two steps by hand)")
func momentumSteps() throws {
    let (plan, p) = try quadratic([1])
    let optimizer = try Optimizer(.momentum(lr: 0.1, beta: 0.5), plan: plan, parameters: [p])
    try step(plan, optimizer)
    let v1 = 2.0, p1 = 1 - 0.1 * v1
    try step(plan, optimizer)
    let v2 = 0.5 * v1 + 2 * p1, p2 = p1 - 0.1 * v2
    #expect(plan.value(p)?.scalars == [p2])
}

@Test("adam: the first step is −lr · g/(|g| + ε), about lr against the gradient's sign (1e-12 relative)")
func adamFirstStep() throws {
    let start = [1, -3, 0.001]
    let (plan, p) = try quadratic(start)
    let optimizer = try Optimizer(.adam(lr: 0.01), plan: plan, parameters: [p])
    try step(plan, optimizer)
    let moved = zip(try #require(plan.value(p)).scalars, start).map { $0 - $1 }
    // Step 1: m̂ = g and √v̂ = |g|, so Δp = −lr · g / (|g| + ε).
    for (delta, x) in zip(moved, start) {
        let g = 2 * x, expected = -0.01 * g / (abs(g) + 1e-8)
        #expect(abs(delta - expected) <= 1e-12 * abs(expected), "Δp \(delta), expected \(expected)")
    }
}

@Test("reset() forgets velocities and the step count: the next steps repeat the first ones")
func resetForgetsState() throws {
    let (plan, p) = try quadratic([2])
    let optimizer = try Optimizer(.adam(lr: 0.1), plan: plan, parameters: [p])
    try step(plan, optimizer)
    try step(plan, optimizer)
    let afterTwo = try #require(plan.value(p))
    try plan.setValue(p, [2])
    optimizer.reset()
    #expect(optimizer.steps == 0)
    try step(plan, optimizer)
    try step(plan, optimizer)
    #expect(plan.value(p) == afterTwo)
}

@Test("bad hyperparameters are errors naming the argument")
func hyperparameterErrors() throws {
    let (plan, p) = try quadratic([1])
    let cases: [(OptimizerRule, String)] = [
        (.sgd(lr: 0), "lr must be greater than 0, got 0"),
        (.sgd(lr: -0.1), "lr must be greater than 0, got -0.1"),
        (.sgd(lr: .nan), "lr must be a finite number, got nan"),
        (.momentum(lr: 0.1, beta: 1), "beta must be at least 0 and below 1, got 1"),
        (.momentum(lr: 0.1, beta: -0.5), "beta must be at least 0 and below 1, got -0.5"),
        (.adam(lr: 0.1, beta1: 1), "beta1 must be at least 0 and below 1, got 1"),
        (.adam(lr: 0.1, beta2: .nan), "beta2 must be at least 0 and below 1, got nan"),
        (.adam(lr: 0.1, eps: 0), "eps must be greater than 0, got 0"),
    ]
    for (rule, message) in cases {
        #expect(argumentMessage { try Optimizer(rule, plan: plan, parameters: [p]) } == message)
    }
}

@Test("only distinct parameters of the plan can be trained")
func parameterErrors() throws {
    var g = GraphBuilder()
    let x = g.leaf(.input, value: Tensor(scalar: 1))
    let w = g.leaf(.parameter, value: Tensor(scalar: 2))
    let y = try g.apply(.multiply, x, w)
    let plan = try Plan(g, output: y)
    #expect(argumentMessage { try Optimizer(.sgd(lr: 1), plan: plan, parameters: [x]) }
            == "node #0 cannot be trained: it is a input node, not a parameter")
    #expect(argumentMessage { try Optimizer(.sgd(lr: 1), plan: plan, parameters: [y]) }
            == "node #2 cannot be trained: it is a mul node, not a parameter")
    #expect(argumentMessage { try Optimizer(.sgd(lr: 1), plan: plan, parameters: [w, w]) } == "parameter #1 is listed twice")
    #expect(argumentMessage { try Optimizer(.sgd(lr: 1), plan: plan, parameters: []) }
            == "there are no parameters to train: mark weights with param")
    var other = GraphBuilder()
    _ = other.leaf(.input, value: Tensor(scalar: 0))
    for _ in 0..<5 { _ = other.leaf(.parameter, value: Tensor(scalar: 0)) }
    #expect(argumentMessage { try Optimizer(.sgd(lr: 1), plan: plan, parameters: [other.ids[5]]) }
            == "node #5 cannot be trained: it is not in this graph, not a parameter")
}

@Test("rules have their lesson names and PyTorch's defaults")
func ruleNamesAndDefaults() {
    #expect([OptimizerRule.sgd(lr: 1), .momentum(lr: 1), .adam(lr: 1)].map(\.name) == ["sgd", "momentum", "adam"])
    #expect(OptimizerRule.adam(lr: 0.001) == .adam(lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8))
    #expect(OptimizerRule.momentum(lr: 0.1) == .momentum(lr: 0.1, beta: 0.9))
}
