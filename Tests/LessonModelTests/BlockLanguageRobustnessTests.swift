import Foundation
import Testing
@testable import LessonModel
import TestSupport

// Hostile and huge input: errors, never a crash or a stack overflow. The fence is on line 1.

@Test func chainAtTheNodeLimitParses() throws {
    let terms = BlockLanguage.maxNodes - 1
    let p = try graphProgram("x = 1\ny = x" + String(repeating: " + x", count: terms) + "\n")
    #expect(p.nodes.count == BlockLanguage.maxNodes)
    #expect(p.nodes.last?.kind == .operation(.add, inputs: [terms - 1, 0], exponent: nil))
    #expect(p.nodes[p.output].name == "y")
}

/// Ten thousand terms are parsed by loops (no stack overflow); the block is then over the node
/// limit, a located error at the first node past it (the 1,000th '+').
@Test func tenThousandTermChainIsALocatedError() {
    let message = "this block has 10000 nodes (counting constants and intermediate results); "
        + "the limit is 1000 per block, so split it into smaller blocks"
    #expect(graphErrors("x = 1\ny = x" + String(repeating: " + x", count: 9_999) + "\n")
        == ["t.md:3:\(7 + 4 * 999): error: \(message)"])
}

@Test func tenThousandStatementsParse() throws {
    var source = "x0 = 1\n"
    for k in 1..<10_000 { source += "x\(k) = x\(k - 1) * 2\n" }
    let (program, diagnostics) = BlockLanguage.parseGraph(graphBlock(source), path: "t.md")
    #expect(program == nil)
    // Node 1000 is the constant 2 of statement 500 (line 502).
    #expect(diagnostics.map(\.description) == ["t.md:502:13: error: this block has 19999 nodes (counting constants and "
        + "intermediate results); the limit is 1000 per block, so split it into smaller blocks"])
}

@Test func longMinusAndPowerChainsAreLoops() throws {
    let p = try graphProgram("x = 1\ny = " + String(repeating: "-", count: 900) + "x" + String(repeating: "^1", count: 900) + "\n")
    #expect(p.nodes.count == 2 + 900)
    // Twenty thousand of each still parse (loops, not recursion), then meet the node limit.
    let errors = graphErrors("x = 1\ny = " + String(repeating: "-", count: 20_000) + "x" + String(repeating: "^1", count: 20_000) + "\n")
    #expect(errors.count == 1 && errors[0].contains("this block has 20002 nodes"))
}

@Test func nestingAtTheLimitParses() throws {
    let depth = BlockLanguage.maxNestingDepth
    let p = try graphProgram("x = 1\ny = " + String(repeating: "(", count: depth) + "x + 1" + String(repeating: ")", count: depth) + "\n")
    #expect(p.nodes.count == 3)
}

@Test func twentyThousandNestedParenthesesAreAnError() {
    let n = 20_000
    #expect(graphErrors("x = 1\ny = " + String(repeating: "(", count: n) + "x" + String(repeating: ")", count: n) + "\n")
            == ["t.md:3:261: error: expression nested too deeply (the limit is 256 levels)"])
}

@Test func twentyThousandNestedCallsAreAnError() {
    let n = 20_000
    #expect(graphErrors("x = 1\ny = " + String(repeating: "exp(", count: n) + "x" + String(repeating: ")", count: n) + "\n")
            == ["t.md:3:1032: error: expression nested too deeply (the limit is 256 levels)"])
}

@Test func twentyThousandNestedBracketsAreAnError() {
    let n = 20_000
    #expect(graphErrors("y = " + String(repeating: "[", count: n) + "1" + String(repeating: "]", count: n) + "\n")
            == ["t.md:2:7: error: tensor literals have at most 2 dimensions"])
}

@Test func deepestAllowedNestingFitsInOneMebibyteOfStackInADebugBuild() {
    // Lesson blocks may be checked on secondary threads; those have 8 MiB on Linux, but keep
    // a wide margin even unoptimized (an optimized build needs about a tenth of this).
    let depth = BlockLanguage.maxNestingDepth
    let source = "x = 1\ny = " + String(repeating: "max(x, -(x^2 * ", count: depth / 2) + "x"
        + String(repeating: "))", count: depth / 2) + "\n"
    let result = ResultBox()
    let thread = Thread {
        result.errors = graphErrors(source)
        result.done.signal()
    }
    thread.stackSize = 1 << 20
    thread.start()
    result.done.wait()
    #expect(result.errors == [])
}

@Test func hugeNumbersNamesAndLiteralsAreHandled() {
    let name = String(repeating: "n", count: 100_000)
    let digits = String(repeating: "9", count: 100_000)
    let vector = "[" + Array(repeating: "1", count: 100_000).joined(separator: ", ") + "]"
    #expect(graphErrors("\(name) = \(vector)\ny = \(name)x * \(digits)\n") == [
        "t.md:3:5: error: undefined name '\(String(repeating: "n", count: 40))…'",
        "t.md:3:100009: error: number '\(String(repeating: "9", count: 40))…' is out of range",
    ])
}

@Test func randomTokenSoupsNeverCrash() {
    let pieces = ["x", "y", "w", "u1", "c1", "param", "=", "+", "-", "*", "/", "@", "^", "(", ")", "[", "]",
                  ",", "\n", "\n", " ", "  ", "\t", "#", "1", "-0.5", "1e400", ".5", "2x", "1e", "3.", "sigmoid",
                  "max", "sum", "exp", "sigmod", "$", "−", "é", "\u{A0}", "**", "[[", "]]", "0/0", "x = ", "\r"]
    var rng = SplitMix64(seed: 2024)
    for _ in 0..<2_000 {
        var source = ""
        for _ in 0..<(1 + rng.next(below: 60)) { source += pieces[rng.next(below: pieces.count)] }
        checkInvariants(source)
    }
}

@Test func randomUnicodeSoupsNeverCrash() {
    var rng = SplitMix64(seed: 7)
    for _ in 0..<500 {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<(1 + rng.next(below: 80)) {
            let value = rng.next(below: 4) == 0 ? UInt32(rng.next(below: 0x11_0000)) : UInt32(rng.next(below: 0x80))
            scalars.append(Unicode.Scalar(value) ?? "?")
        }
        checkInvariants(String(scalars))
    }
}

/// A program comes only without errors and is topologically ordered with unique names; errors
/// point inside the block.
private func checkInvariants(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let (program, diagnostics) = BlockLanguage.parseGraph(graphBlock(source), path: "t.md")
    let lastLine = 2 + source.filter { $0 == "\n" || $0 == "\r\n" }.count
    for d in diagnostics {
        let inside = d.position.map { (1...lastLine).contains($0.line) && $0.column >= 1 } ?? false
        #expect(inside, "\(d) for \(source.debugDescription)", sourceLocation: sourceLocation)
    }
    guard let program else {
        #expect(!diagnostics.isEmpty, "no program and no error for \(source.debugDescription)", sourceLocation: sourceLocation)
        return
    }
    #expect(diagnostics.isEmpty, sourceLocation: sourceLocation)
    #expect(program.nodes.indices.contains(program.output), sourceLocation: sourceLocation)
    #expect(Set(program.nodes.map(\.name)).count == program.nodes.count, sourceLocation: sourceLocation)
    for (index, node) in program.nodes.enumerated() {
        if case .operation(_, let inputs, _) = node.kind {
            #expect(inputs.allSatisfy { $0 < index }, sourceLocation: sourceLocation)
        }
    }
}

/// The result of work done on a thread of our own, handed back through the semaphore.
private final class ResultBox: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    var errors: [String] = []
}

