import Testing
import LessonModel
@testable import Training

// Graph blocks with a `repeat` line against PyTorch (float64, a Python loop, torch.autograd
// through time), from Fixtures/recurrence.json written by scripts/reference_recurrence.py: the
// value of every named node and the gradient of every leaf, to 1e-12 relative (with the fixtures'
// floor of 0.1: a small gradient element is a sum of larger terms that cancel), and exact zeros
// where a clipped step stops the gradient. And the unrolled block computes what the hand-copied
// lines compute, node for node.

struct RecurrenceCase: Decodable, Sendable, CustomStringConvertible {
    let name: String
    let source: String
    let values: [String: [Double]]
    let gradients: [String: [Double]]
    var description: String { name }
}

private struct RecurrenceFile: Decodable { let cases: [RecurrenceCase] }

private let recurrenceCases = fixture("recurrence.json", as: RecurrenceFile.self)?.cases ?? []

@Test func recurrenceFixtureHasItsCases() {
    #expect(recurrenceCases.count == 4)
}

@Test("a repeat block agrees with PyTorch's loop, values and gradients", arguments: recurrenceCases)
func repeatMatchesTorch(c: RecurrenceCase) throws {
    let (trace, diagnostics) = run(c.source)
    #expect(diagnostics == [])
    let t = try #require(trace)
    let named = t.nodes.filter(\.isNamed).filter { $0.role == .operation }.map(\.name)
    #expect(Set(named) == Set(c.values.keys), "every named node the block computes is checked")
    for (name, expected) in c.values.sorted(by: { $0.key < $1.key }) {
        let ours = values(t, name)
        #expect(ours.count == expected.count, "\(c.name): \(name) size")
        for (i, (a, b)) in zip(ours, expected).enumerated() {
            #expect(close(a, b, relative: 1e-12, floor: 0.1), "\(c.name): \(name)[\(i)] \(a) vs torch \(b)")
        }
    }
    let leaves = t.nodes.filter { $0.role == .input || $0.role == .parameter }.map(\.name)
    #expect(Set(leaves) == Set(c.gradients.keys), "every leaf's gradient is checked")
    for (name, expected) in c.gradients.sorted(by: { $0.key < $1.key }) {
        let ours = gradient(t, name)
        #expect(ours.count == expected.count, "\(c.name): ∂loss/∂\(name) size")
        for (i, (a, b)) in zip(ours, expected).enumerated() {
            #expect(close(a, b, relative: 1e-12, floor: 0.1), "\(c.name): ∂loss/∂\(name)[\(i)] \(a) vs torch \(b)")
            #expect((a == 0) == (b == 0), "\(c.name): ∂loss/∂\(name)[\(i)] is zero in both or neither")
        }
    }
}

/// The trace without where its nodes were written.
private func unplaced(_ trace: Trace) -> [Trace.Node] {
    trace.nodes.map { node in
        var node = node
        node.position = SourcePosition(line: 0, column: 0)
        return node
    }
}

@Test func unrolledBlockTracesExactlyAsTheHandCopiedLines() throws {
    let repeated = """
        X = [[0.5, -1.0], [1.5, 0.25], [-0.75, 2.0]]
        param W = [[0.5, -0.25], [0.75, 0.1]]
        param U = [[1.0, 0.5], [-0.5, 0.2]]
        h0 = [0.0, 0.1]
        repeat t in 1...3:
            z[t] = h[t-1] @ W + X[t-1] @ U
            h[t] = tanh(z[t])
        loss = sum(h[3] * h[3]) + 0.5 * sum(h[2])
        """
    let byHand = """
        X = [[0.5, -1.0], [1.5, 0.25], [-0.75, 2.0]]
        param W = [[0.5, -0.25], [0.75, 0.1]]
        param U = [[1.0, 0.5], [-0.5, 0.2]]
        h0 = [0.0, 0.1]
        z1 = h0 @ W + X[0] @ U
        h1 = tanh(z1)
        z2 = h1 @ W + X[1] @ U
        h2 = tanh(z2)
        z3 = h2 @ W + X[2] @ U
        h3 = tanh(z3)
        loss = sum(h3 * h3) + 0.5 * sum(h2)
        """
    let (a, aDiagnostics) = run(repeated)
    let (b, bDiagnostics) = run(byHand)
    #expect(aDiagnostics == [] && bDiagnostics == [])
    let unrolled = try #require(a), copied = try #require(b)
    #expect(unplaced(unrolled) == unplaced(copied))
    #expect(unrolled.output == copied.output)
    #expect(unrolled.steps == copied.steps, "the same values, gradients and local derivatives, bit for bit")
    #expect(unrolled.groups?.map(\.title) == [.step(1), .step(2), .step(3)])
    #expect(copied.groups ?? [] == [])
}
