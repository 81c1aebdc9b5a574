import Autodiff
import Foundation
import Operations
import Testing

// dropout against PyTorch float64, from Fixtures/dropout.json written by scripts/reference_dropout.py,
// whose own Python hash is the spec of the mask: each case's hashes and mask must be DropoutMask's
// exactly, and x * mask / (1 - p) and its gradient (for sum(y * w)) must agree to 1e-12 relative.

struct DropoutCase: Decodable, Sendable, CustomStringConvertible {
    let p: Double
    let seed: Int
    let shape: [Int]
    let x: [Double]
    let hashes: [UInt32]
    let mask: [Double]
    let y: [Double]
    let w: [Double]
    let grad: [Double]
    var description: String { "dropout(\(shape), p: \(p), seed: \(seed))" }
}

private let dropoutFixtures = referenceCases("dropout.json", as: DropoutCase.self)

@Test("the dropout fixture has cases of every rank and a large one")
func dropoutFixturesLoad() {
    #expect(Set(dropoutFixtures.map(\.shape.count)) == [0, 1, 2])
    #expect(dropoutFixtures.contains { $0.x.count >= 1000 })
}

@Test("dropout's mask is the reference script's, hash for hash", arguments: dropoutFixtures)
func dropoutMaskMatchesTheSpec(c: DropoutCase) {
    #expect((0..<c.x.count).map { DropoutMask.hash(seed: c.seed, index: $0) } == c.hashes, "\(c)")
    #expect(DropoutMask.mask(count: c.x.count, p: c.p, seed: c.seed) == c.mask, "\(c)")
}

@Test("dropout agrees with PyTorch, values and gradients", arguments: dropoutFixtures)
func dropoutMatchesTorch(c: DropoutCase) throws {
    try checkAgainstTorch(.dropout(p: c.p, seed: c.seed), shapes: [c.shape], inputs: [c.x], resultShape: c.shape, w: c.w, y: c.y,
                          grads: [c.grad], label: "\(c)")
}

@Test("a large mask keeps about 1 - p of the elements")
func dropoutKeepsAboutOneMinusP() {
    for (p, seed) in [(0.1, 0), (0.5, 7), (0.8, 99)] {
        let kept = DropoutMask.mask(count: 10_000, p: p, seed: seed).reduce(0, +) / 10_000
        // Binomial: the standard deviation is below 0.005 for 10 000 elements.
        #expect(abs(kept - (1 - p)) < 0.02, "p \(p), seed \(seed): kept \(kept)")
    }
    #expect(DropoutMask.mask(count: 100, p: 0, seed: 1).allSatisfy { $0 == 1 })
}
