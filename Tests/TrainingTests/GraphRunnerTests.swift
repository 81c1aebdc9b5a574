import Testing
import LessonModel
@testable import Training

/// Runs a graph block written at line 10 of `l.md` (so its source starts on line 11).
func run(_ source: String) -> (Trace?, [String]) {
    let block = LessonBlock(kind: .graph, name: "g", source: source, fenceLine: 10)
    let (program, parseDiagnostics) = BlockLanguage.parseGraph(block, path: "l.md")
    guard let program else { return (nil, parseDiagnostics.map(\.description)) }
    let (trace, diagnostics) = GraphRunner.run(program, lesson: "l", block: "g", path: "l.md")
    return (trace, (parseDiagnostics + diagnostics).map(\.description))
}

func values(_ trace: Trace, _ name: String) -> [Double] {
    trace.steps[0].values[trace.nodes.firstIndex { $0.name == name }!]
}

func gradient(_ trace: Trace, _ name: String) -> [Double] {
    trace.steps[0].gradients[trace.nodes.firstIndex { $0.name == name }!]
}

@Test func colahExampleTracesTheSumOverPaths() throws {
    let (trace, diagnostics) = run("a = 2\nb = 1\ne = (a + b) * (b + 1)\n")
    let t = try #require(trace)
    #expect(diagnostics.isEmpty)
    #expect(values(t, "e") == [6])
    #expect(gradient(t, "a") == [2])
    #expect(gradient(t, "b") == [5])
    #expect(t.nodes.map(\.name) == ["a", "b", "u1", "c1", "u2", "e"])
}

@Test func weightDecayGradientIsThePredictionPartPlusThePenaltyPart() throws {
    let (trace, diagnostics) = run("""
        X = [[1.0, 2.0], [2.0, 0.5], [3.0, 1.0]]
        y = [3.0, 2.5, 4.5]
        param w = [0.8, 0.6]
        lambda = 0.1
        y_hat = X @ w
        cost = mean((y_hat - y)^2)
        penalty = lambda * sum(w^2)
        J = cost + penalty
        """)
    let t = try #require(trace)
    #expect(diagnostics.isEmpty)
    // By hand: y_hat = [2, 1.9, 3], residuals r = [-1, -0.6, -1.5].
    // Prediction path: d mean(r^2)/dw = X^T (2r/3) = [(-2 - 2.4 - 9)/3, (-4 - 0.6 - 3)/3].
    let predictionPart = [(-2.0 - 2.4 - 9.0) / 3, (-4.0 - 0.6 - 3.0) / 3]
    // Penalty path: d(lambda * sum(w^2))/dw = 2 lambda w.
    let penaltyPart = [2 * 0.1 * 0.8, 2 * 0.1 * 0.6]
    let w = gradient(t, "w")
    for k in 0..<2 {
        #expect(abs(w[k] - (predictionPart[k] + penaltyPart[k])) < 1e-12, "relative to 1e-12 absolute")
    }
    // The trace also records each path's share separately.
    let wIndex = t.nodes.firstIndex { $0.name == "w" }!
    let yHat = t.nodes.firstIndex { $0.name == "y_hat" }!
    let square = t.nodes.firstIndex { $0.op == "pow" && $0.inputs == [wIndex] }!
    let shares = (t.steps[0].shares[yHat][wIndex]!, t.steps[0].shares[square][wIndex]!)
    for k in 0..<2 {
        #expect(abs(shares.0[k] - predictionPart[k]) < 1e-12)
        #expect(abs(shares.1[k] * 0.1 - penaltyPart[k]) < 1e-12 || abs(shares.1[k] - penaltyPart[k]) < 1e-12)
    }
}

@Test func shapeMismatchIsLocatedAtTheOperator() {
    let (_, diagnostics) = run("A = [[1, 2], [3, 4]]\nB = [[1], [2], [3]]\nC = A @ B\n")
    #expect(diagnostics == ["l.md:13:7: error: cannot multiply 2x2 by 3x1"])
}

@Test func elementwiseMismatchNamesBothShapes() {
    let (_, diagnostics) = run("a = [1, 2, 3]\nb = [1, 2]\nc = a + b\n")
    #expect(diagnostics == ["l.md:13:7: error: cannot add vector of 3 and vector of 2"])
}

@Test func nanValueNamesTheNode() {
    let (trace, diagnostics) = run("x = -1\ny = log(x)\nz = y * 2\n")
    #expect(trace == nil)
    #expect(diagnostics == ["l.md:12:5: error: the value of 'y' is NaN (not a number); log needs positive inputs"])
}

@Test func infiniteValueNamesTheNode() {
    let (_, diagnostics) = run("x = 1000\ny = exp(x)\n")
    #expect(diagnostics == ["l.md:12:5: error: the value of 'y' is infinite; exp overflows above about 709"])
}

@Test func everyLeafPassesTheGradientCheck() throws {
    let (trace, _) = run("x = [1.0, 2.0]\nparam w = [0.5, -0.2]\nparam b = 0.1\ny_hat = sigmoid(x @ w + b)\n")
    let t = try #require(trace)
    #expect(t.gradientCheck.count == 3)
    #expect(t.gradientCheck.allSatisfy { $0.maxRelativeError < 1e-7 })
}

/// The longest chain a block may hold (two nodes per statement, up to `BlockLanguage.maxNodes`)
/// runs forward and backward without recursion.
@Test func aChainAtTheNodeLimitRuns() throws {
    let n = (BlockLanguage.maxNodes - 1) / 2
    let source = "x0 = 1\n" + (1...n).map { "x\($0) = x\($0 - 1) + 1" }.joined(separator: "\n")
    let (trace, diagnostics) = run(source)
    let t = try #require(trace)
    #expect(diagnostics.isEmpty)
    #expect(values(t, "x\(n)") == [Double(n + 1)])
    #expect(gradient(t, "x0") == [1])
}

@Test func aTwentyThousandDeepExpressionReportsTheLimit() {
    let source = "x = 1\ny = " + String(repeating: "(", count: 20_000) + "x" + String(repeating: ")", count: 20_000) + "\n"
    let (trace, diagnostics) = run(source)
    #expect(trace == nil)
    #expect(diagnostics == ["l.md:12:261: error: expression nested too deeply (the limit is 256 levels)"])
}

@Test func traceJSONFollowsTheDocumentedFormat() throws {
    let (trace, _) = run("a = 2\nb = 1\nc = a + b\nd = b + 1\ne = c * d\n")
    let json = TraceJSON.encode(try #require(trace))
    #expect(json.hasPrefix("{\"format\":\"lessons-trace/3\",\"block\":\"g\",\"kind\":\"graph\",\"output\":\"e\",\n\"nodes\":[\n"))
    #expect(json.contains("\n{\"name\":\"e\",\"op\":\"mul\",\"inputs\":[\"c\",\"d\"],\"shape\":[]}],\n"))
    // Inputs and constants once, the rest per step; no spaces anywhere.
    #expect(json.contains("\n\"constant\":{\"a\":[2.0],\"b\":[1.0],\"c1\":[1.0]},\n"))
    #expect(json.contains("\n\"steps\":[\n{\"step\":0,\"value\":{\"c\":[3.0],\"d\":[2.0],\"e\":[6.0]},"
                          + "\"grad\":{\"a\":[2.0],\"b\":[5.0],\"c\":[2.0],\"c1\":[3.0],\"d\":[3.0],\"e\":[1.0]}}]"))
    #expect(!json.contains(" "))
}

@Test func jsonNumbersRoundTripExactly() {
    for x in [0.1, 1.0 / 3.0, 2.4171288283624666, 1e-300, -0.0, Double.leastNonzeroMagnitude] {
        #expect(Double(TraceJSON.number(x)) == x)
    }
    #expect(TraceJSON.string("a\"b\\c\n\u{01}") == "\"a\\\"b\\\\c\\n\\u0001\"")
}

@Test func descendNeedsAScalarOutputAndLeavesThePageCanEdit() {
    #expect(run("x = [1, 2]\nparam w = 0.5\ny = x * w\ndescend y over w\n").1
        == ["l.md:14:9: error: 'y' is a vector of 2, and a step descends one number; make the output a scalar, like 'L = sum(y)' or 'L = mean(y)'"])
    let big = "[" + (1...17).map(String.init).joined(separator: ", ") + "]"
    #expect(run("param W = \(big)\nL = sum(W * W)\ndescend L over W\n").1
        == ["l.md:13:16: error: 'W' holds 17 numbers; a step moves leaves of at most 16, which the page can edit"])
    #expect(run("param w = 0.5\nL = (w - 1)^2\ndescend L over w\n").1 == [])
}

@Test func normShapeErrorsAreLocatedAtTheCall() {
    let (_, diagnostics) = run("x = [1, 2]\nn = batch_norm(x)\n")
    #expect(diagnostics == ["l.md:12:5: error: batch_norm needs a matrix of examples × features with at least 2 examples (rows), got a vector of 2"])
}
