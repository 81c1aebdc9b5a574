import Testing
import Training

// Benchmark W5 (the 8x8 digits, MLP 64-64-10, ReLU, softmax cross-entropy, minibatches of 64 in
// the file's order, Adam, 20 epochs) on our engine against the independent NumPy run of
// scripts/digits_reference.py (Fixtures/w5-reference.json). `make bench` times the same math.

@Test func w5MatchesNumPyToOnePartInABillion() throws {
    let reference = try #require(fixture("w5-reference.json", as: DigitsFixture<W5Network.Weights>.self))
    let data = try digits()
    #expect(data.count == 1797)
    let network = try W5Network(digits: data, initial: reference.initial)
    #expect(network.stepsPerEpoch * reference.epochs == reference.steps)
    let f = reference.final
    try checkDigitsRun(reference, plan: network.plan, loss: network.loss, parameters: network.parameters,
                       finals: [f.W1.flatMap { $0 }, f.b1, f.W2.flatMap { $0 }, f.b2], load: network.load(step:))
}
