import Testing
@testable import LessonModel
import TestSupport

// Hostile model blocks: errors, never a crash. The fence is on line 1.

@Test func randomModelTokenSoupsNeverCrash() {
    let pieces = ["data", "split", "train", "trace", "layers", "param", "epochs", "batch", "seed", "every", "log",
                  "xor", "moons", "csv", "sgd", "adam", "momentum", "uniform", "normal", "xavier", "he", "zeros",
                  "sigmoid", "relu", "linear", "bce_logits", "softmax_cross_entropy", "X", "y", "out", "loss", "W1",
                  "H1", "b1", "u1", "n", "lr", "noise", "x", "=", "+", "-", "*", "/", "@", "^", "(", ")", "[", "]",
                  ",", ":", "->", ">", "\"", "\"a.csv\"", "\"../x\"", "\n", "\n", "\n", " ", "  ", "#", "1", "0", "-0.5",
                  "1e400", "0.25", "2", "3", "10000001", "2x", "1e", "$", "−", "é", "[[", "]]", "x = ", "loss = ",
                  "param W = ", "data xor\n", "train sgd(lr: 0.1) epochs 10\n", "layers 2 -> 3 tanh -> 1\n", "\r"]
    var rng = SplitMix64(seed: 2025)
    for _ in 0..<2_000 {
        var source = ""
        for _ in 0..<(1 + rng.next(below: 60)) { source += pieces[rng.next(below: pieces.count)] }
        checkModelInvariants(source)
        checkGraphErrorsAreInside(source)
    }
}

@Test func randomModelLineSoupsNeverCrash() {
    // Whole statements, shuffled and mutated, reach deeper than token soup.
    let statements = ["data xor", "data moons(n: 10, noise: 0.1)", "data csv(\"p.csv\", x: [a, b], y: [c])",
                      "X = [[0, 0], [1, 1]]", "y = [[0], [1]]", "split 0.2", "layers 2 -> 3 sigmoid -> 1",
                      "layers 2 -> 4 relu -> 2 tanh -> 1 sigmoid", "param W1 = xavier([2, 3])", "param w = zeros([2, 1])",
                      "param b = normal(0, 1, [1])", "out = X @ w + b", "H = tanh(X @ W1)", "loss = mean((out - y)^2)",
                      "loss = mean(bce_logits(out, y))", "train sgd(lr: 0.1) epochs 10", "train adam(lr: 0.01) epochs 5 batch 2 seed 3",
                      "trace every 2", "trace log 3"]
    let mutations = ["", "", "", "(", ")", "[", "]", ",", ":", "->", "-", "0", "\"", "xx", " epochs", " 1e400"]
    var rng = SplitMix64(seed: 99)
    for _ in 0..<1_000 {
        var source = ""
        for _ in 0..<(1 + rng.next(below: 10)) {
            var line = statements[rng.next(below: statements.count)]
            var scalars = Array(line.unicodeScalars)
            let cut = rng.next(below: scalars.count + 1)
            scalars.insert(contentsOf: mutations[rng.next(below: mutations.count)].unicodeScalars, at: cut)
            line = String(String.UnicodeScalarView(scalars))
            source += line + "\n"
        }
        checkModelInvariants(source)
        checkGraphErrorsAreInside(source)
    }
}

@Test func validModelsSurviveShuffling() throws {
    // Any order works once names are defined before use; a valid program satisfies the invariants.
    let source = lines("data circles(n: 50, noise: 0.1, factor: 0.5)", "split 0.2", "layers 2 -> 4 relu -> 1",
                       "loss = mean(bce_logits(out, y))", "train momentum(lr: 0.1) epochs 3 batch 8 seed 1", "trace every 1")
    let p = try modelProgram(source)
    #expect(p.expansion.count == 6)
    checkModelInvariants(source)
}

@Test func hugeModelLinesAreHandled() {
    // 5,000 layers expand without trouble, into more nodes than a block may have (a located error).
    let sizes = Array(repeating: "1 relu", count: 5_000).joined(separator: " -> ")
    let (program, diagnostics) = BlockLanguage.parseModel(
        modelBlock(lines("data xor", "layers 2 -> \(sizes) -> 1", "loss = mean((out - y)^2)", "train sgd(lr: 0.1) epochs 1")),
        path: "t.md")
    #expect(program == nil)
    #expect(diagnostics.count == 1 && diagnostics[0].message.hasPrefix("this block has 25009 nodes"))
    let fewer = Array(repeating: "1 relu", count: 150).joined(separator: " -> ")
    let (small, none) = BlockLanguage.parseModel(
        modelBlock(lines("data xor", "layers 2 -> \(fewer) -> 1", "loss = mean((out - y)^2)", "train sgd(lr: 0.1) epochs 1")),
        path: "t.md")
    #expect(none == [])
    #expect(small?.expansion.count == 3 * 151)
    let columns = Array(repeating: "c", count: 50_000).enumerated().map { "\($1)\($0)" }.joined(separator: ", ")
    #expect(modelErrors(lines("data csv(\"p.csv\", x: [\(columns)], y: [c0])", "param w = 1", "loss = w * 2",
                              "train sgd(lr: 0.1) epochs 1")).first?.hasSuffix("column 'c0' is listed twice") == true)
}

/// A program comes only without errors, is topologically ordered with unique names, and its
/// indices are in range; errors point inside the block.
private func checkModelInvariants(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let (program, diagnostics) = BlockLanguage.parseModel(modelBlock(source), path: "t.md")
    let lastLine = 2 + source.filter { $0 == "\n" || $0 == "\r\n" }.count
    for d in diagnostics {
        let inside = d.position.map { (1...lastLine).contains($0.line) && $0.column >= 1 } ?? false
        #expect(inside, "\(d) for \(source.debugDescription)", sourceLocation: sourceLocation)
    }
    #expect(diagnostics.count <= BlockLanguage.maxErrors + 1, sourceLocation: sourceLocation)
    guard let program else {
        #expect(!diagnostics.isEmpty, "no program and no error for \(source.debugDescription)", sourceLocation: sourceLocation)
        return
    }
    #expect(diagnostics.isEmpty, sourceLocation: sourceLocation)
    let nodes = program.graph.nodes
    #expect(nodes.indices.contains(program.loss) && nodes[program.loss].name == "loss", sourceLocation: sourceLocation)
    #expect(nodes.indices.contains(program.output), sourceLocation: sourceLocation)
    #expect(program.graph.output == program.loss, sourceLocation: sourceLocation)
    #expect(Set(nodes.map(\.name)).count == nodes.count, sourceLocation: sourceLocation)
    for (index, node) in nodes.enumerated() {
        if case .operation(_, let inputs, _) = node.kind {
            #expect(inputs.allSatisfy { $0 >= 0 && $0 < index }, sourceLocation: sourceLocation)
        }
    }
}

/// The same text in a graph block: model statements are errors there, located inside the block.
private func checkGraphErrorsAreInside(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let (program, diagnostics) = BlockLanguage.parseGraph(graphBlock(source), path: "t.md")
    let lastLine = 2 + source.filter { $0 == "\n" || $0 == "\r\n" }.count
    for d in diagnostics {
        let inside = d.position.map { (1...lastLine).contains($0.line) && $0.column >= 1 } ?? false
        #expect(inside, "\(d) for \(source.debugDescription)", sourceLocation: sourceLocation)
    }
    #expect((program == nil) == !diagnostics.isEmpty, sourceLocation: sourceLocation)
}
