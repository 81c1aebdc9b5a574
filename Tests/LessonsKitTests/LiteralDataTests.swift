import Foundation
import Testing
@testable import LessonsKit

/// Literal `X` and `y` train as a `data` line does: in mini-batches, and on the training part of a split.
@Suite struct LiteralDataTests {
    struct Trace: Decodable {
        struct Node: Decodable { var name: String; var shape: [Int] }
        var nodes: [Node]
    }

    private func rowsOfX(_ block: String) throws -> Int? {
        let w = try Workspace()
        try w.write("a.md", "```model m\nX = [[0, 0], [0, 1], [1, 0], [1, 1], [2, 1], [1, 2]]\ny = [[0], [1], [1], [0], [1], [1]]\n"
                    + "param W = zeros([2, 1])\nout = X @ W\nloss = mean((out - y)^2)\n" + block + "```\n")
        let report = w.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let json = try #require(w.outputTree()["a/trace/m.json"])
        return try JSONDecoder().decode(Trace.self, from: json).nodes.first { $0.name == "X" }?.shape.first
    }

    @Test func literalDataTrainsInMiniBatches() throws {
        #expect(try rowsOfX("train sgd(lr: 0.1) epochs 4 batch 2\n") == 2)
    }

    @Test func literalDataWithASplitTrainsOnItsTrainingPart() throws {
        #expect(try rowsOfX("split 0.5\ntrain sgd(lr: 0.1) epochs 4\n") == 3)
    }
}
