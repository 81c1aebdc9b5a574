import Testing
import TestSupport
@testable import Autodiff

/// The gradient check never rejects a correct gradient (steps relative to each input, two step
/// sizes, rounding and truncation allowed for) and still catches a wrong one.
@Suite struct GradientCheckTests {
    /// `sum(a @ b)` for a (n×1) and b (1×n): rounding in the sum of n² products used to be
    /// read as an engine bug from n = 1500 on.
    @Test(arguments: [100, 1000, 2200])
    func outerProductSumPasses(_ n: Int) throws {
        var rng = SplitMix64(seed: 12)
        var g = GraphBuilder()
        let a = try g.random(.input, .matrix(n, 1), .mixed, &rng)
        let b = try g.random(.input, .matrix(1, n), .mixed, &rng)
        let y = try g.apply(.sum, try g.apply(.matmul, a, b))
        let results = try GradientCheck.run(try Plan(g, output: y), leaves: [a, b])
        // At 2200 the work budget leaves one element of one leaf; below it, every element.
        #expect(results.count == (n < 2000 ? 2 : 1))
        #expect(results.allSatisfy { $0.passed }, "\(results)")
    }

    /// Exact gradients at steep points: 1/b at b = 0.001 (a step of 1e-5 is 1% of b) and
    /// logits near 1000 (where a step relative to 1000 is coarse for a function curving at 1).
    @Test func steepAndLargeInputsPass() throws {
        var g = GraphBuilder()
        let b = g.leaf(.input, value: Tensor(scalar: 0.001))
        let y = try g.apply(.divide, g.constant(1), b)
        #expect(try GradientCheck.run(try Plan(g, output: y), leaves: [b]).allSatisfy { $0.passed })

        var h = GraphBuilder()
        let z = h.leaf(.input, value: try Tensor(shape: .matrix(1, 2), scalars: [1000, 1001]))
        let t = h.leaf(.constant, value: try Tensor(shape: .matrix(1, 2), scalars: [0, 1]))
        let loss = try h.apply(.softmaxCrossEntropy, z, t)
        let results = try GradientCheck.run(try Plan(h, output: loss), leaves: [z])
        #expect(results.allSatisfy { $0.passed }, "\(results)")
    }

    /// A derivative that is wrong, even by 0.01%, is caught: the check is not merely lenient.
    @Test(arguments: [1.0001, 0.999, 2.0, -1.0])
    func wrongDerivativeIsCaught(_ factor: Double) throws {
        var g = GraphBuilder()
        let x = g.leaf(.parameter, value: try Tensor(vector: [0.5, -1.2, 2.0]))
        let w = g.leaf(.input, value: try Tensor(vector: [1.5, 0.3, -0.7]))
        let y = try g.apply(.sum, try g.apply(.multiply, try g.apply(.tanh, x), w))
        let plan = try Plan(g, output: y)
        plan.forward()
        plan.backward()
        var wrong = try #require(plan.gradient(x)?.scalars)
        wrong[1] *= factor
        let result = try #require(GradientCheck.compare(plan, leaves: [x], analytic: [wrong]).first)
        #expect(!result.passed)
        #expect(result.worstIndex == 1)
        #expect(!result.inconclusive)
    }

    /// The same derivative unchanged passes, at every element, far inside its allowance.
    @Test func correctDerivativePassesTightly() throws {
        var g = GraphBuilder()
        let x = g.leaf(.parameter, value: try Tensor(vector: [0.5, -1.2, 2.0]))
        let y = try g.apply(.sum, try g.apply(.tanh, x))
        let result = try #require(try GradientCheck.run(try Plan(g, output: y), leaves: [x]).first)
        #expect(result.passed)
        #expect(result.maxRelativeError < 1e-9)
        #expect(result.allowedError < 1e-6)
    }
}
