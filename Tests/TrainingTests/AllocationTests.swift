#if canImport(Glibc)
import Glibc
#endif
import Autodiff
import Testing
import Training

// Training steps must not touch the heap: forward and backward through the loss ops, then an
// optimizer step. Counted by scripts/malloc-counter.c when scripts/check-allocations.sh
// preloads it; skipped otherwise (a plain `swift test` has no counter).

/// Reads this thread's allocation count.
private typealias Counter = @convention(c) () -> Int

/// The preloaded counter, or nil when it is not loaded. Looked up before measuring, since
/// dlsym itself may allocate.
private func allocationCounter() -> Counter? {
    #if canImport(Glibc)
    // RTLD_DEFAULT is the null handle on glibc: search every loaded object.
    guard let symbol = dlsym(nil, "lessons_thread_allocations") else { return nil }
    return unsafeBitCast(symbol, to: Counter.self)
    #else
    return nil
    #endif
}

/// A 2-4-3 tanh network on six points with both losses added, so every new kernel runs.
private func network() throws -> (Plan, [NodeID]) {
    var g = GraphBuilder()
    var rng = SeededRandom(seed: 1)
    let x = g.leaf(.input, value: try Initializers.uniform(-1, 1, shape: .matrix(6, 2), using: &rng))
    let y = g.leaf(.input, value: try Tensor(matrix: [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0], [0, 1, 0], [0, 0, 1]]))
    let w1 = g.leaf(.parameter, value: try Initializers.xavier(shape: .matrix(2, 4), using: &rng))
    let b1 = g.leaf(.parameter, value: try Initializers.zeros(shape: .vector(4)))
    let w2 = g.leaf(.parameter, value: try Initializers.he(shape: .matrix(4, 3), using: &rng))
    let h = try g.apply(.tanh, try g.apply(.add, try g.apply(.matmul, x, w1), b1))
    let z = try g.apply(.matmul, h, w2)
    let loss = try g.apply(.add, try g.apply(.softmaxCrossEntropy, z, y), try g.apply(.bceLogits, z, y))
    return (try Plan(g, output: loss), [w1, b1, w2])
}

@Test("allocationFree: 1,000 forward/backward/step rounds allocate nothing, for every optimizer",
      .enabled(if: allocationCounter() != nil, "needs scripts/check-allocations.sh"),
      arguments: [OptimizerRule.sgd(lr: 0.1), .momentum(lr: 0.1, beta: 0.9), .adam(lr: 0.01)])
func allocationFreeTraining(rule: OptimizerRule) throws {
    let count = try #require(allocationCounter())
    let (plan, parameters) = try network()
    let optimizer = try Optimizer(rule, plan: plan, parameters: parameters)
    // One warm-up round: first uses may initialize globals and metadata once.
    plan.forward()
    plan.backward()
    try optimizer.step()
    let before = count()
    for _ in 0..<1_000 {
        plan.forward()
        plan.backward()
        try optimizer.step()
    }
    let after = count()
    #expect(after - before == 0, "\(after - before) allocations in 1,000 rounds of \(rule.name)")
}
