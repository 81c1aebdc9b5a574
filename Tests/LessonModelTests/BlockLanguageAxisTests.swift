import Testing
@testable import LessonModel

// `axis:` and `keepdims:` options of calls: written as model statements name their arguments.

@Test func softmaxAndItsKinParseWithAndWithoutAnAxis() throws {
    let program = try graphProgram("z = [[1, 2], [3, 4]]\np = softmax(z)\nq = log_softmax(z, axis: 0)\nl = logsumexp(z, axis: -1, keepdims: true)\n")
    #expect(listing(program).suffix(3) == ["p = softmax(z)", "q = log_softmax(z)", "l = logsumexp(z)"])
    #expect(program.nodes.map(\.axis).suffix(3) == [.none, ProgramAxis(axis: 0), ProgramAxis(axis: -1, keepdims: true)])
    #expect(positions(program).suffix(1) == ["l@5:5"])
}

@Test func sumAndMeanTakeAnAxisToo() throws {
    let program = try graphProgram("x = [[1, 2], [3, 4]]\ns = sum(x, axis: 1)\nm = mean(x, keepdims: true)\n")
    #expect(program.nodes.map(\.axis).suffix(2) == [ProgramAxis(axis: 1), ProgramAxis(keepdims: true)])
}

@Test func optionsWrittenWithEqualsAreExplained() {
    #expect(graphErrors("z = [1, 2]\np = softmax(z, axis=0)\n")
            == ["t.md:3:20: error: options are written with ':', as in 'axis: 0', not 'axis=0'"])
}

@Test func badOptionsAreLocated() {
    #expect(graphErrors("z = [1, 2]\np = softmax(z, axes: 0)\n")
            == ["t.md:3:16: error: unknown option 'axes' of softmax; did you mean 'axis'?"])
    #expect(graphErrors("z = [1, 2]\np = exp(z, axis: 0)\n")
            == ["t.md:3:12: error: exp takes no options like 'axis'; axis and keepdims are for sum, mean, max, min, softmax, log_softmax, logsumexp, concat"])
    #expect(graphErrors("z = [1, 2]\np = softmax(z, axis: 1.5)\n")
            == ["t.md:3:22: error: axis must be 0, 1, -1 or -2 (tensors have at most 2 axes), got 1.5"])
    #expect(graphErrors("z = [1, 2]\np = softmax(z, axis: 2)\n")
            == ["t.md:3:22: error: axis must be 0, 1, -1 or -2 (tensors have at most 2 axes), got 2"])
    #expect(graphErrors("z = [1, 2]\np = softmax(z, axis: true)\n")
            == ["t.md:3:22: error: axis must be a whole number like 0, 1 or -1, got true"])
    #expect(graphErrors("z = [1, 2]\np = logsumexp(z, keepdims: 1)\n")
            == ["t.md:3:28: error: keepdims must be true or false, got 1"])
    #expect(graphErrors("z = [1, 2]\np = softmax(z, keepdims: true)\n")
            == ["t.md:3:16: error: softmax keeps its operand's shape, so it takes no keepdims"])
    #expect(graphErrors("z = [1, 2]\np = softmax(z, axis: 0, axis: 0)\n")
            == ["t.md:3:25: error: 'axis' is given twice"])
    #expect(graphErrors("z = [1, 2]\np = softmax(axis: 0)\n")
            == ["t.md:3:5: error: softmax expects 1 argument, got 0"])
    #expect(graphErrors("z = [1, 2]\np = softmax(z, axis: )\n")
            == ["t.md:3:22: error: expected a number, true or false after 'axis:', found ')'"])
}

@Test func maxAndMinReduceOneTensorAndCompareTwo() throws {
    let program = try graphProgram("x = [[1, 2], [3, 4]]\na = max(x)\nb = min(x, axis: 0)\nc = max(x, 2)\nd = max(x, axis: 1, keepdims: true)\n")
    #expect(listing(program).suffix(5) == ["a = amax(x)", "b = amin(x)", "c1 = const 2.0", "c = maximum(x, c1)", "d = amax(x)"])
    #expect(program.nodes.map(\.axis).suffix(5) == [.none, ProgramAxis(axis: 0), .none, .none, ProgramAxis(axis: 1, keepdims: true)])
}

@Test func maxWithTheWrongArgumentsSaysBothUses() {
    #expect(graphErrors("x = [1, 2]\ny = max()\n")
            == ["t.md:3:5: error: max takes one tensor (max(x), max(x, axis: 1)) or two or more to compare elementwise (max(a, b), max(a, b, c)), got 0"])
    #expect(graphErrors("x = [1, 2]\ny = min(x, x, axis: 0)\n")
            == ["t.md:3:5: error: min takes one tensor (min(x), min(x, axis: 1)) or two or more to compare elementwise (min(a, b), min(a, b, c)), got 2"])
}

/// `max(a, b, c)` is `max(max(a, b), c)`: what NumPy's `np.maximum.reduce` and PyTorch's nested
/// `torch.maximum` compute, ties included (so the code tabs agree with the trace).
@Test func maxAndMinOfSeveralFoldFromTheLeft() throws {
    let program = try graphProgram("a = 1\nb = 2\nc = 3\nm = max(a, b, c)\nn = min(a, b, c, 4)\n")
    #expect(listing(program).suffix(6) == ["u1 = maximum(a, b)", "m = maximum(u1, c)", "c1 = const 4.0",
                                           "u2 = minimum(a, b)", "u3 = minimum(u2, c)", "n = minimum(u3, c1)"])
    #expect(graphErrors("a = 1\nm = max(a, a, a, axis: 0)\n")
            == ["t.md:3:5: error: max takes one tensor (max(x), max(x, axis: 1)) or two or more to compare elementwise (max(a, b), max(a, b, c)), got 3"])
}

@Test func normsTakeAnEpsCarriedAsTheirConstant() throws {
    let program = try graphProgram("x = [[1, 2], [3, 4]]\na = layer_norm(x)\nb = batch_norm(x, eps: 1e-3)\n")
    let kinds = program.nodes.suffix(2).map(\.kind)
    #expect(kinds.first == .operation(.layerNorm, inputs: [0], exponent: 1e-5))
    #expect(kinds.last == .operation(.batchNorm, inputs: [0], exponent: 1e-3))
}

@Test func badNormOptionsAreLocated() {
    #expect(graphErrors("x = [[1, 2], [3, 4]]\na = layer_norm(x, axis: 0)\n")
            == ["t.md:3:19: error: unknown option 'axis' of layer_norm; its options are eps"])
    #expect(graphErrors("x = [[1, 2], [3, 4]]\na = layer_norm(x, esp: 0.1)\n")
            == ["t.md:3:19: error: unknown option 'esp' of layer_norm; did you mean 'eps'?"])
    #expect(graphErrors("x = [[1, 2], [3, 4]]\na = batch_norm(x, eps: -1)\n")
            == ["t.md:3:24: error: eps of batch_norm must be a number ≥ 0, as in 'eps: 1e-05', got -1"])
    #expect(graphErrors("x = [[1, 2], [3, 4]]\na = batch_norm(x, eps: 1, eps: 2)\n")
            == ["t.md:3:27: error: 'eps' is given twice"])
}

@Test func windowOptionsTravelAsSizeStridePadding() throws {
    let program = try graphProgram("x = [[1, 2], [3, 4]]\nk = [[1]]\na = conv2d(x, k)\nb = conv2d(x, k, stride: 2, padding: 1)\n"
                                   + "c = max_pool(x)\nd = avg_pool(x, size: 1)\ne = max_pool(x, size: 2, stride: 1)\n")
    #expect(program.nodes.suffix(5).map(\.dims) == [[0, 1, 0], [0, 2, 1], [2, 2, 0], [1, 1, 0], [2, 1, 0]])
}

@Test func channelsTravelAfterTheWindowOnlyWhenThereAreSeveral() throws {
    let program = try graphProgram("x = [[1, 2], [3, 4]]\nk = [[1]]\na = conv2d(x, k, in_channels: 2, out_channels: 3, stride: 2)\n"
                                   + "b = conv2d(x, k, in_channels: 1, out_channels: 1)\nc = max_pool(x, size: 1, channels: 2)\n"
                                   + "d = avg_pool(x, channels: 1)\n")
    #expect(program.nodes.suffix(4).map(\.dims) == [[0, 2, 0, 2, 3], [0, 1, 0], [1, 1, 0, 2, 2], [2, 2, 0]])
    #expect(graphErrors("x = [[1, 2], [3, 4]]\na = conv2d(x, x, in_channels: 0)\n")
            == ["t.md:3:31: error: in_channels of conv2d must be a whole number ≥ 1, as in 'in_channels: 1', got 0"])
    #expect(graphErrors("x = [[1, 2], [3, 4]]\na = max_pool(x, chanels: 2)\n")
            == ["t.md:3:17: error: unknown option 'chanels' of max_pool; did you mean 'channels'?"])
}

@Test func badWindowOptionsAreLocated() {
    #expect(graphErrors("x = [[1, 2], [3, 4]]\na = conv2d(x, x, stride: 1.5)\n")
            == ["t.md:3:26: error: stride of conv2d must be a whole number ≥ 1, as in 'stride: 1', got 1.5"])
    #expect(graphErrors("x = [[1, 2], [3, 4]]\na = conv2d(x, x, padding: -1)\n")
            == ["t.md:3:27: error: padding of conv2d must be a whole number ≥ 0, as in 'padding: 0', got -1"])
    #expect(graphErrors("x = [[1, 2], [3, 4]]\na = max_pool(x, size: 0)\n")
            == ["t.md:3:23: error: size of max_pool must be a whole number ≥ 1, as in 'size: 2', got 0"])
    #expect(graphErrors("x = [[1, 2], [3, 4]]\na = avg_pool(x, kernel: 2)\n")
            == ["t.md:3:17: error: unknown option 'kernel' of avg_pool; its options are size, stride, channels"])
    #expect(graphErrors("x = [[1, 2], [3, 4]]\na = conv2d(x, x, padding: 1e7)\n")
            == ["t.md:3:27: error: padding of conv2d is at most 999999, got 1e7"])
    #expect(graphErrors("x = [[1, 2], [3, 4]]\na = conv2d(x)\n")
            == ["t.md:3:5: error: conv2d expects 2 arguments, got 1"])
}

@Test func dropoutCarriesPAsItsConstantAndTheSeedAsItsDims() throws {
    let program = try graphProgram("x = [[1, 2], [3, 4]]\na = dropout(x)\nb = dropout(x, p: 0.25, seed: 7)\n")
    #expect(program.nodes.suffix(2).map(\.kind) == [.operation(.dropout, inputs: [0], exponent: 0.5),
                                                    .operation(.dropout, inputs: [0], exponent: 0.25)])
    #expect(program.nodes.suffix(2).map(\.dims) == [[0], [7]])
}

@Test func badDropoutOptionsAreLocated() {
    #expect(graphErrors("x = [1, 2]\na = dropout(x, p: 1)\n")
            == ["t.md:3:19: error: p of dropout must be a number ≥ 0 and below 1, as in 'p: 0.5', got 1"])
    #expect(graphErrors("x = [1, 2]\na = dropout(x, p: -0.1)\n")
            == ["t.md:3:19: error: p of dropout must be a number ≥ 0 and below 1, as in 'p: 0.5', got -0.1"])
    #expect(graphErrors("x = [1, 2]\na = dropout(x, seed: 1.5)\n")
            == ["t.md:3:22: error: seed of dropout must be a whole number ≥ 0, as in 'seed: 0', got 1.5"])
    #expect(graphErrors("x = [1, 2]\na = dropout(x, rate: 0.5)\n")
            == ["t.md:3:16: error: unknown option 'rate' of dropout; its options are p, seed"])
    #expect(graphErrors("x = [1, 2]\na = dropout(x, x)\n")
            == ["t.md:3:5: error: dropout expects 1 argument, got 2"])
}
