import Testing
@testable import Training

/// Graph blocks the old gradient check refused although their gradients were exact, and the
/// kink warning naming the node that sits at the kink.
@Suite struct GradientCheckReportTests {
    @Test(arguments: [
        "b = 0.001\ny = 1 / b\n",
        "z = [1000.0, 999.0]\np = sigmoid(z - 999.5)\ny = sum(p)\n",
        "z = [[1000.0, 1001.0]]\nt = [[0.0, 1.0]]\nloss = softmax_cross_entropy(z, t)\n",
        "x = 2\nq = x / 3e-280\n",
        "a = [[1.5], [-0.25]]\nb = [[2.0, -1.0]]\ny = sum(a @ b)\n",
    ])
    func exactGradientsPass(_ source: String) throws {
        let (trace, diagnostics) = run(source)
        #expect(diagnostics == [])
        let t = try #require(trace)
        #expect(t.gradientCheck.allSatisfy { $0.passed })
    }

    @Test func kinkWarningNamesTheReluAtItsKink() throws {
        // max(A, v) broadcasts v over A's rows without any tie; the relu of x2 is the kink.
        let (trace, diagnostics) = run("A = [[1, 0], [0, 1]]\nv = [0.5, 2]\nm = max(A, v)\nx2 = 0\nh = relu(x2)\ny = sum(m) + h\n")
        #expect(trace != nil)
        #expect(diagnostics.count == 1)
        let message = try #require(diagnostics.first)
        #expect(message.hasPrefix("l.md:14:1: warning: gradient check of 'x2' is inconclusive: "), "\(message)")
        #expect(message.hasSuffix("; 'h' = relu(x2) sits at its kink (x2 is 0 there), where the derivative is a choice"), "\(message)")
    }

    @Test func kinkWarningNamesAClipAtItsBound() throws {
        let (_, diagnostics) = run("x = [0.5, 1.0]\ny = clip(x, 0, 1)\ns = sum(y)\n")
        let message = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(message.hasSuffix("; 'y' = clip(x, c1, c2) sits at its kink (x reaches c2 there), where the derivative is a choice"), "\(message)")
    }

    @Test func kinkWarningNamesAMaxPoolWithATie() throws {
        let (_, diagnostics) = run("x = [[1, 3], [3, 2]]\nm = max_pool(x)\ns = sum(m)\n")
        let message = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(message.hasSuffix("; 'm' = max_pool(x) sits at its kink (two elements of x tie for a window's max there), where the derivative is a choice"), "\(message)")
    }

    @Test func aComparisonAtATieIsNotHeldAgainstTheGradient() throws {
        // x[1] = t: the mask jumps there, so no step size gives a conclusive estimate, and the
        // check passes that element by, without a failure.
        let (trace, diagnostics) = run("x = [0.5, 1.0]\nt = 1\nm = x >= t\ns = sum(m * x)\n")
        #expect(diagnostics == [])
        #expect(try #require(trace).gradientCheck.allSatisfy { $0.passed })
    }

    @Test func numbersAreShownWithThreeDigits() {
        #expect(GradientCheckReport.short(2.9612e-6) == "2.96e-6")
        #expect(GradientCheckReport.short(1.5) == "1.5")
        #expect(GradientCheckReport.short(-1234) == "-1.23e3")
    }
}
