import Foundation
import Testing
import Site
@testable import LessonsKit

/// Outputs are named for what they are, and the predictions table shows one step's numbers:
/// the step the slider shows (issue 14, item 5).
@Suite(.serialized) struct ModelOutputLabelTests {
    @Test func aLogitColumnIsCalledLogitWithItsProbabilityAndClass() throws {
        let w = try Workspace()
        try w.write("a.md", "# A\n\n```model m\ndata moons(n: 20)\nlayers 2 -> 4 tanh -> 1\nloss = bce_logits(out, y)\n"
                    + "train adam(lr: 0.05) epochs 20 seed 1\ntrace every 10\n```\n")
        let report = w.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let page = w.page("a")
        #expect(page.contains("<th>target</th><th>logit</th><th>σ(logit)</th><th>predicted class</th>"))
        // Captioned as the step the cards show first (the last traced one), not "after training".
        #expect(page.contains("<caption>Predictions on the training data at step 19 (the first 8 of 20)</caption>"))
        for row in try predictionRows(page) {
            let (z, p) = (try number(row[0]), try number(row[1]))
            #expect(abs(p - 1 / (1 + exp(-z))) <= 1e-3 * max(p, 1e-9) + 1e-4, "σ(\(z)) shown as \(p)")
            #expect(row[2] == (p > 0.5 ? "1" : "0"))
        }
    }

    @Test func aSoftmaxModelShowsItsLogitsProbabilitiesAndClass() throws {
        let w = try Workspace()
        let block = "```model m\ndata spiral(n: 30, classes: 3)\nlayers 2 -> 8 relu -> 3\nloss = softmax_cross_entropy(out, y)\n"
            + "train adam(lr: 0.05) epochs 20 seed 1\ntrace every 10\n```\n"
        try w.write("a.md", "# A\n\n" + block)
        try w.write("b.md", "---\ntitle: 乙\nlang: zh-CN\n---\n\n" + block)
        let report = w.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let page = w.page("a")
        #expect(page.contains("<th>target class</th><th>logit</th><th>softmax(logit)</th><th>predicted class</th>"))
        #expect(page.contains("<caption>Predictions on the training data at step 19 (the first 8 of 30)</caption>"))
        let rows = try predictionRows(page)
        #expect(rows.count == 8)
        for row in rows {
            let z = try vector(row[0]), p = try vector(row[1])
            #expect(z.count == 3 && p.count == 3)
            // The engine's softmax of the logits, at display precision.
            let top = z.max() ?? 0, total = z.map { exp($0 - top) }.reduce(0, +)
            for (zk, pk) in zip(z, p) { #expect(abs(pk - exp(zk - top) / total) <= 2e-3, "softmax(\(z)) shown as \(p)") }
            #expect(abs(p.reduce(0, +) - 1) <= 2e-3)
            #expect(row[2] == String(p.indices.max { p[$0] < p[$1] } ?? -1))
        }
        // Every traced step carries the caption and the 8 × 3 step cells for the slider.
        let steps = try #require(FileManager.default.contents(atPath: w.output + "/a/steps/model-m.js"))
        #expect(PackedScript.json(of: Array(steps))?.contains("\"p\":25}") == true)
        #expect(w.page("b").contains("<caption>第 19 步时模型在训练数据上的预测（共 30 个中的前 8 个）</caption>"))
        #expect(w.page("b").contains("<th>目标类别</th><th>logit</th><th>softmax(logit)</th><th>预测类别</th>"))
    }

    @Test func aLinearOutputKeepsItsPredictionColumn() throws {
        let w = try Workspace()
        try w.write("a.md", "# A\n\n```model m\ndata xor\nlayers 2 -> 3 sigmoid -> 1\nloss = mean((out - y)^2)\n"
                    + "train sgd(lr: 0.5) epochs 20 seed 1\n```\n")
        let report = w.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let page = w.page("a")
        #expect(page.contains("<th>target</th><th>prediction</th></tr>") && !page.contains("<th>logit</th>"))
        #expect(page.contains("<td class=\"num\" data-p=\"3\">"), "the prediction column follows the slider")
    }

    /// The step cells (data-p) of each row of the predictions table.
    private func predictionRows(_ page: String) throws -> [[String]] {
        let start = try #require(page.range(of: "<div class=\"table-wrap predictions\">"))
        let end = try #require(page.range(of: "</table>", range: start.upperBound..<page.endIndex))
        return page[start.upperBound..<end.lowerBound].components(separatedBy: "</tr>").compactMap { row in
            let cells = row.components(separatedBy: "data-p=\"").dropFirst().compactMap { cell in
                cell.split(separator: ">", maxSplits: 1).last.map { String($0.prefix { $0 != "<" }) }
            }
            return cells.isEmpty ? nil : cells
        }
    }

    private func number(_ text: String) throws -> Double {
        try #require(Double(text.replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: ",", with: "")), "not a number: \(text)")
    }

    private func vector(_ text: String) throws -> [Double] {
        try text.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).components(separatedBy: ", ").map(number)
    }
}
