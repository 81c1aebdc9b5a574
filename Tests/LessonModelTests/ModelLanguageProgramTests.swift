import Testing
@testable import LessonModel

// Model blocks that parse: the program, its data source, training and tracing. The fence is on
// line 1 of `t.md`, so the first source line is line 2.

/// A model block whose fence is on line 1 of `t.md`.
func modelBlock(_ source: String) -> LessonBlock {
    LessonBlock(kind: .model, name: nil, source: source, fenceLine: 1)
}

/// The diagnostics of a model block, as `path:line:col: error: message` strings.
func modelErrors(_ source: String) -> [String] {
    BlockLanguage.parseModel(modelBlock(source), path: "t.md").1.map(\.description)
}

/// The program of a model block that must have no errors.
func modelProgram(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> ModelProgram {
    let (program, diagnostics) = BlockLanguage.parseModel(modelBlock(source), path: "t.md")
    #expect(diagnostics.map(\.description) == [], sourceLocation: sourceLocation)
    return try #require(program, sourceLocation: sourceLocation)
}

/// Lines joined into a block source.
func lines(_ lines: String...) -> String {
    lines.joined(separator: "\n") + "\n"
}

let xorSource = lines(
    "data xor                                # defines X (4x2) and y (4x1)",
    "param W1 = uniform(0, 1, [2, 3])",
    "param W2 = uniform(0, 1, [3, 1])",
    "H = sigmoid(X @ W1)",
    "out = H @ W2",
    "loss = 0.5 * sum((y - out)^2)",
    "train sgd(lr: 0.1) epochs 50000 seed 0",
    "trace every 5000")

@Test func xorExampleParsesToItsGraph() throws {
    let p = try modelProgram(xorSource)
    #expect(listing(p.graph) == [
        "X = data X", "y = data y",
        "W1 = param uniform(lo: 0.0, hi: 1.0, dims: [2, 3])",
        "W2 = param uniform(lo: 0.0, hi: 1.0, dims: [3, 1])",
        "u1 = matmul(X, W1)", "H = sigmoid(u1)", "out = matmul(H, W2)",
        "c1 = const 0.5", "u2 = subtract(y, out)", "u3 = power(u2, 2.0)", "u4 = sum(u3)", "loss = multiply(c1, u4)",
    ])
    #expect(positions(p.graph) == ["X@2:6", "y@2:6", "W1@3:7", "W2@4:7", "u1@5:15", "H@5:5", "out@6:9",
                                   "c1@7:8", "u2@7:21", "u3@7:27", "u4@7:14", "loss@7:12"])
    #expect(p.graph.nodes.map(\.statementLine) == [2, 2, 3, 4, 5, 5, 6, 7, 7, 7, 7, 7])
}

@Test func xorExampleHasItsDataTrainingAndTrace() throws {
    let p = try modelProgram(xorSource)
    #expect(p.data == .builtin(name: "xor", arguments: [:], position: SourcePosition(line: 2, column: 6)))
    #expect(p.train == TrainSpec(optimizer: .sgd(lr: 0.1), epochs: 50_000, batch: nil, seed: 0,
                                 position: SourcePosition(line: 8, column: 1)))
    #expect(p.trace == TraceSpec(schedule: .every(5000), position: SourcePosition(line: 9, column: 1)))
    #expect(p.split == nil)
    #expect(p.layers == nil)
    #expect(p.expansion == [])
    #expect(p.graph.nodes[p.loss].name == "loss")
    #expect(p.graph.output == p.loss)
    #expect(p.graph.nodes[p.output].name == "out")
}

@Test func statementsMayComeInAnyOrderOnceNamesAreDefined() throws {
    let p = try modelProgram(lines("trace log 20", "train sgd(lr: 0.5) epochs 10", "split 0.25", "data and",
                                   "param w = [[0.1], [0.2]]", "param b = 0", "out = sigmoid(X @ w + b)",
                                   "loss = mean((out - y)^2)"))
    #expect(p.trace?.schedule == .log(20))
    #expect(p.split == 0.25)
    #expect(p.data == .builtin(name: "and", arguments: [:], position: SourcePosition(line: 5, column: 6)))
    #expect(listing(p.graph).prefix(4) == ["X = data X", "y = data y", "w = param [2, 1]: 0.1, 0.2", "b = param 0.0"])
}

@Test func builtinDataSetsTakeNamedNumbersIncludingNegativeOnes() throws {
    let cases: [(String, String, [String: Double])] = [
        ("or", "or", [:]),
        ("moons(n: 200, noise: 0.1)", "moons", ["n": 200, "noise": 0.1]),
        ("circles(n: 100, noise: 0.05, factor: 0.5)", "circles", ["n": 100, "noise": 0.05, "factor": 0.5]),
        ("spiral(n: 300, classes: 3)", "spiral", ["n": 300, "classes": 3]),
        ("line(n: 50, slope: -2, intercept: -0.5, noise: 0.1)", "line", ["n": 50, "slope": -2, "intercept": -0.5, "noise": 0.1]),
        ("sine()", "sine", [:]),
        ("sine(noise: 0)", "sine", ["noise": 0]),
    ]
    for (call, name, arguments) in cases {
        let p = try modelProgram(lines("data \(call)", "param w = zeros([2, 1])", "loss = mean((X @ w - y)^2)",
                                       "train sgd(lr: 0.1) epochs 10"))
        #expect(p.data == .builtin(name: name, arguments: arguments, position: SourcePosition(line: 2, column: 6)), "\(call)")
    }
}

@Test func argumentsMaySpanLines() throws {
    let p = try modelProgram(lines("data moons(n: 200,", "           noise: 0.1)", "param w = zeros([2, 1])",
                                   "loss = mean((X @ w - y)^2)", "train adam(lr: 0.01,", "  beta1: 0.8) epochs 10"))
    #expect(p.data == .builtin(name: "moons", arguments: ["n": 200, "noise": 0.1], position: SourcePosition(line: 2, column: 6)))
    #expect(p.train.optimizer == .adam(lr: 0.01, beta1: 0.8, beta2: 0.999, eps: 1e-8))
}

@Test func csvDataNamesItsFileAndColumns() throws {
    let p = try modelProgram(lines("data csv(\"data/points #1.csv\", x: [x1, \"x 2\"], y: [label])", "param w = zeros([2, 1])",
                                   "loss = mean((X @ w - y)^2)", "train sgd(lr: 0.1) epochs 10"))
    #expect(p.data == .csv(CSVSource(path: "data/points #1.csv", x: ["x1", "x 2"], y: ["label"], position: SourcePosition(line: 2, column: 10))))
    #expect(listing(p.graph).prefix(2) == ["X = data X", "y = data y"])
    #expect(positions(p.graph).prefix(2) == ["X@2:6", "y@2:6"])
}

@Test func literalDataIsPlainInputs() throws {
    let p = try modelProgram(lines("X = [[0, 0], [0, 1], [1, 0], [1, 1]]", "y = [[0], [1], [1], [0]]",
                                   "param w = [[0.5], [0.5]]", "out = X @ w", "loss = mean((out - y)^2)",
                                   "train sgd(lr: 0.1) epochs 100"))
    #expect(p.data == .literals)
    #expect(listing(p.graph).prefix(2) == ["X = input [4, 2]: 0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0",
                                           "y = input [4, 1]: 0.0, 1.0, 1.0, 0.0"])
}

@Test func literalDataMayWrapLines() throws {
    let p = try modelProgram(lines("X = [[0, 0],", "     [1, 1]]", "y = [[0],", "     [1]]", "param w = [[0.5], [0.5]]",
                                   "loss = mean((X @ w - y)^2)", "train sgd(lr: 0.1) epochs 100"))
    #expect(p.data == .literals)
    #expect(p.graph.nodes[0].kind == .input(TensorLiteral(dims: [2, 2], scalars: [0, 0, 1, 1])))
}

@Test func everyOptimizerWithDefaultsAndGivenValues() throws {
    let cases: [(String, OptimizerSpec)] = [
        ("sgd(lr: 0.1)", .sgd(lr: 0.1)),
        ("momentum(lr: 0.05)", .momentum(lr: 0.05, beta: 0.9)),
        ("momentum(beta: 0.5, lr: 1e-2)", .momentum(lr: 0.01, beta: 0.5)),
        ("adam(lr: 0.001)", .adam(lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8)),
        ("adam(lr: 0.01, beta1: 0.8, beta2: 0.99, eps: 1e-6,)", .adam(lr: 0.01, beta1: 0.8, beta2: 0.99, eps: 1e-6)),
        ("momentum(lr: 0.1, beta: 0)", .momentum(lr: 0.1, beta: 0)),
    ]
    for (call, optimizer) in cases {
        let p = try modelProgram(lines("data xor", "param w = zeros([2, 1])", "loss = mean((X @ w - y)^2)",
                                       "train \(call) epochs 10"))
        #expect(p.train.optimizer == optimizer, "\(call)")
    }
}

@Test func trainClausesComeInAnyOrderWithBatchAndSeedOptional() throws {
    let cases: [(String, TrainSpec)] = [
        ("epochs 5", TrainSpec(optimizer: .sgd(lr: 1), epochs: 5, batch: nil, seed: 0, position: SourcePosition(line: 5, column: 1))),
        ("epochs 5e4 batch 32 seed 7", TrainSpec(optimizer: .sgd(lr: 1), epochs: 50_000, batch: 32, seed: 7,
                                                 position: SourcePosition(line: 5, column: 1))),
        ("seed 18446744073709551615 batch 1 epochs 10000000",
         TrainSpec(optimizer: .sgd(lr: 1), epochs: 10_000_000, batch: 1, seed: UInt64.max, position: SourcePosition(line: 5, column: 1))),
    ]
    for (clauses, spec) in cases {
        let p = try modelProgram(lines("data xor", "param w = zeros([2, 1])", "loss = mean((X @ w - y)^2)",
                                       "train sgd(lr: 1) \(clauses)"))
        #expect(p.train == spec, "\(clauses)")
    }
}

@Test func traceForms() throws {
    for (line, schedule) in [("trace every 1", TraceSpec.Schedule.every(1)), ("trace log 50", .log(50)),
                             ("trace every 1e3", .every(1000))] {
        let p = try modelProgram(lines("data xor", "param w = zeros([2, 1])", "loss = mean((X @ w - y)^2)",
                                       "train sgd(lr: 1) epochs 10", line))
        #expect(p.trace == TraceSpec(schedule: schedule, position: SourcePosition(line: 6, column: 1)), "\(line)")
    }
}

@Test func everyInitializer() throws {
    let p = try modelProgram(lines("data xor", "param a = uniform(-1, 1, [2, 3])", "param b = normal(0, 0.1, [3])",
                                   "param c = xavier([3, 1])", "param d = he([2, 3])", "param e = zeros([1])",
                                   "param f = normal(-0.5, 0, [1, 1])",
                                   "loss = sum(a) + sum(b) + sum(c) + sum(d) + sum(e) + sum(f) + sum(X) + sum(y)",
                                   "train sgd(lr: 1) epochs 1"))
    #expect(p.graph.nodes[2...7].map(\.kind) == [
        .initialized(.uniform(lo: -1, hi: 1, dims: [2, 3])), .initialized(.normal(mean: 0, std: 0.1, dims: [3])),
        .initialized(.xavier(dims: [3, 1])), .initialized(.he(dims: [2, 3])), .initialized(.zeros(dims: [1])),
        .initialized(.normal(mean: -0.5, std: 0, dims: [1, 1])),
    ])
    #expect(positions(p.graph)[2...7] == ["a@3:7", "b@4:7", "c@5:7", "d@6:7", "e@7:7", "f@8:7"])
    #expect(InitializerSpec.uniform(lo: -1, hi: 1, dims: [2, 3]).dims == [2, 3])
}

@Test func layersExpandInPlaceToParametersAndEquations() throws {
    let p = try modelProgram(lines("data xor", "layers 2 -> 3 sigmoid -> 1", "loss = mean((out - y)^2)",
                                   "train sgd(lr: 0.5) epochs 100"))
    #expect(p.layers == LayerSpec(sizes: [2, 3, 1], activations: [.sigmoid, .linear], position: SourcePosition(line: 3, column: 8)))
    #expect(p.expansion == ["param W1 = xavier([2, 3])", "param b1 = zeros([3])", "H1 = sigmoid(X @ W1 + b1)",
                            "param W2 = xavier([3, 1])", "param b2 = zeros([1])", "out = H1 @ W2 + b2"])
    #expect(listing(p.graph) == [
        "X = data X", "y = data y",
        "W1 = param xavier(dims: [2, 3])", "b1 = param zeros(dims: [3])",
        "u1 = matmul(X, W1)", "u2 = add(u1, b1)", "H1 = sigmoid(u2)",
        "W2 = param xavier(dims: [3, 1])", "b2 = param zeros(dims: [1])",
        "u3 = matmul(H1, W2)", "out = add(u3, b2)",
        "u4 = subtract(out, y)", "u5 = power(u4, 2.0)", "loss = mean(u5)",
    ])
    #expect(positions(p.graph)[2...10] == ["W1@3:13", "b1@3:13", "u1@3:13", "u2@3:13", "H1@3:15",
                                           "W2@3:26", "b2@3:26", "u3@3:26", "out@3:26"])
    #expect(p.graph.nodes[2...10].allSatisfy { $0.statementLine == 3 && $0.isNamed == !$0.name.hasPrefix("u") })
    #expect(p.graph.nodes[p.output].name == "out")
}

@Test func layersWithEveryActivationAndAFinalOne() throws {
    let p = try modelProgram(lines("data spiral(n: 100, classes: 3)", "layers 2 -> 16 relu -> 8 tanh -> 4 linear -> 3 sigmoid",
                                   "loss = mean(softmax_cross_entropy(out, y))", "train adam(lr: 0.01) epochs 100"))
    #expect(p.layers?.sizes == [2, 16, 8, 4, 3])
    #expect(p.layers?.activations == [.relu, .tanh, .linear, .sigmoid])
    #expect(p.expansion == [
        "param W1 = he([2, 16])", "param b1 = zeros([16])", "H1 = relu(X @ W1 + b1)",
        "param W2 = xavier([16, 8])", "param b2 = zeros([8])", "H2 = tanh(H1 @ W2 + b2)",
        "param W3 = xavier([8, 4])", "param b3 = zeros([4])", "H3 = H2 @ W3 + b3",
        "param W4 = xavier([4, 3])", "param b4 = zeros([3])", "out = sigmoid(H3 @ W4 + b4)",
    ])
    #expect(p.graph.nodes.map(\.name).filter { !$0.hasPrefix("u") && !$0.hasPrefix("c") }
            == ["X", "y", "W1", "b1", "H1", "W2", "b2", "H2", "W3", "b3", "H3", "W4", "b4", "out", "loss"])
}

@Test func layersGeneratedNamesSkipNamesTheTeacherUses() throws {
    let p = try modelProgram(lines("data xor", "u1 = 2", "layers 2 -> 1", "loss = u1 * mean((out - y)^2)",
                                   "train sgd(lr: 1) epochs 1"))
    #expect(listing(p.graph).dropFirst(3) == ["W1 = param xavier(dims: [2, 1])", "b1 = param zeros(dims: [1])",
                                              "u2 = matmul(X, W1)", "out = add(u2, b1)", "u3 = subtract(out, y)",
                                              "u4 = power(u3, 2.0)", "u5 = mean(u4)", "loss = multiply(u1, u5)"])
    #expect(p.expansion == ["param W1 = xavier([2, 1])", "param b1 = zeros([1])", "out = X @ W1 + b1"])
}

@Test func lossFunctionsAreOpsWithTheirEngineNames() throws {
    let p = try modelProgram(lines("data moons", "layers 2 -> 8 tanh -> 1", "loss = mean(bce_logits(out, y))",
                                   "train adam(lr: 0.01) epochs 10"))
    let loss = p.graph.nodes[p.loss]
    guard case .operation(.mean, let inputs, nil) = loss.kind, let bce = inputs.first else {
        Issue.record("loss is \(loss.kind)")
        return
    }
    #expect(p.graph.nodes[bce].kind == .operation(.bceLogits, inputs: [p.output, 1], exponent: nil))
    #expect(ProgramOp.bceLogits.rawValue == "bce_logits")
    #expect(ProgramOp.softmaxCrossEntropy.rawValue == "softmax_cross_entropy")
}

@Test func lossFunctionsWorkInGraphBlocksToo() throws {
    let p = try graphProgram("z = [[0.5], [-1]]\ny = [[1], [0]]\nl = softmax_cross_entropy(z, y) + bce_logits(z, y)\n")
    #expect(listing(p).suffix(3) == ["u1 = softmax_cross_entropy(z, y)", "u2 = bce_logits(z, y)", "l = add(u1, u2)"])
}

@Test func outputIsOutWhenPresent() throws {
    let p = try modelProgram(lines("data xor", "param w = zeros([2, 1])", "out = X @ w", "z = out * 2",
                                   "loss = mean((z - y)^2)", "train sgd(lr: 1) epochs 1"))
    #expect(p.graph.nodes[p.output].name == "out")
}

@Test func outputIsTheLastNodeFromXAndNotFromYBeforeLoss() throws {
    let p = try modelProgram(lines("data xor", "param w = zeros([2, 1])", "param b = 0", "z = X @ w + b", "p = sigmoid(z)",
                                   "loss = mean(bce_logits(z, y)) + 0.01 * sum(w^2)", "train sgd(lr: 1) epochs 1"))
    #expect(p.graph.nodes[p.output].name == "p")
}

@Test func outputMayBeAnUnnamedNodeInsideTheLoss() throws {
    let p = try modelProgram(lines("data xor", "param w = zeros([2, 1])", "param b = 0",
                                   "loss = mean((y - (X @ w + b))^2)", "train sgd(lr: 1) epochs 1"))
    #expect(listing(p.graph)[p.output] == "u2 = add(u1, b)")
}

@Test func outputFallsBackToLossWhenNothingComesFromX() throws {
    let p = try modelProgram(lines("data xor", "param w = 3", "loss = (w - 1)^2", "train sgd(lr: 1) epochs 1"))
    #expect(p.output == p.loss)
}

@Test func modelLinesAreCountedFromTheFence() throws {
    let (program, _) = BlockLanguage.parseModel(
        LessonBlock(kind: .model, name: "xor", source: xorSource, fenceLine: 40), path: "t.md")
    #expect(program?.train.position == SourcePosition(line: 47, column: 1))
    #expect(program.map { positions($0.graph).prefix(3) } == ["X@41:6", "y@41:6", "W1@42:7"])
}

@Test func graphBlocksStillAcceptModelWordsAsNames() throws {
    let p = try graphProgram("data = 1\ntrain = data * 2\nX = 3\nepochs = train + X\n")
    #expect(listing(p) == ["data = input 1.0", "c1 = const 2.0", "train = multiply(data, c1)", "X = input 3.0",
                           "epochs = add(train, X)"])
}
