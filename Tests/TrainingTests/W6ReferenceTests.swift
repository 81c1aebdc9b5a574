import Testing
import Training

// Benchmark W6 (the 8x8 digits, conv 3x3 with 8 channels, ReLU, max pool 2x2, dense 72 -> 10,
// softmax cross-entropy, minibatches of 64 in the file's order, Adam, 20 epochs) on our engine
// against the independent NumPy run of scripts/digits_cnn_reference.py (Fixtures/w6-reference.json;
// its losses agree with PyTorch's F.conv2d/max_pool2d/Adam to 1e-15). `make bench` times the same math.

@Test func w6MatchesNumPyToOnePartInABillion() throws {
    let reference = try #require(fixture("w6-reference.json", as: DigitsFixture<W6Network.Weights>.self))
    let network = try W6Network(digits: try digits(), initial: reference.initial)
    #expect(network.stepsPerEpoch * reference.epochs == reference.steps)
    let f = reference.final
    try checkDigitsRun(reference, plan: network.plan, loss: network.loss, parameters: network.parameters,
                       finals: [f.K.flatMap { $0 }, f.W.flatMap { $0 }, f.b], load: network.load(step:))
}
