import Foundation
import Testing
import LessonModel
@testable import Training

/// Two traced steps of a tiny model: `X` is a minibatch (changes), `y` and `c` never change.
private func twoStepTrace() -> Trace {
    func node(_ name: String, _ op: String, _ role: Trace.Role, _ inputs: [Int], _ shape: [Int]) -> Trace.Node {
        Trace.Node(name: name, op: op, symbol: nil, role: role, inputs: inputs, shape: shape, isNamed: true,
                   position: SourcePosition(line: 1, column: 1))
    }
    let nodes = [node("X", "input", .input, [], [2]), node("y", "input", .input, [], [2]), node("c", "const", .constant, [], []),
                 node("w", "param", .parameter, [], [2]), node("loss", "mul", .operation, [0, 3], [])]
    func step(_ k: Int, _ x: [Double], _ w: [Double], _ loss: Double) -> Trace.Step {
        Trace.Step(step: k, loss: loss, values: [x, [0.1, 0.2 + 0.1], [1e-300], w, [loss]],
                   gradients: [[-0.0, 1.0 / 3.0], [0, 0], [0], [Double.leastNonzeroMagnitude, 2.4171288283624666], [1]],
                   localDerivatives: [], shares: [])
    }
    return Trace(lesson: "l", block: "m", kind: .model, nodes: nodes, output: 4,
                 steps: [step(0, [0.5, 1.5], [0.1, 0.7], 0.25), step(10, [2.5, 3.5], [0.3, 0.9], 0.125)], gradientCheck: [])
}

@Test func unchangingInputsAndConstantsAreWrittenOnceAndChangingOnesPerStep() throws {
    let json = TraceJSON.encode(twoStepTrace())
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["format"] as? String == "lessons-trace/3")
    let constant = try #require(object["constant"] as? [String: [Double]])
    #expect(constant.keys.sorted() == ["c", "y"])
    let steps = try #require(object["steps"] as? [[String: Any]])
    #expect(steps.count == 2)
    for step in steps {
        let value = try #require(step["value"] as? [String: [Double]])
        #expect(value.keys.sorted() == ["X", "loss", "w"])
        #expect((step["grad"] as? [String: [Double]])?.count == 5)
    }
    #expect(!json.contains(" ") && json.split(separator: "\n").count == 2 + 5 + 2 + 2)
}

@Test func everyNumberIsWrittenAsItsShortestRoundTripText() throws {
    let trace = twoStepTrace()
    let json = TraceJSON.encode(trace)
    for step in trace.steps {
        for (i, node) in trace.nodes.enumerated() {
            for numbers in [step.values[i], step.gradients[i]] {
                let text = numbers.map(\.description).joined(separator: ",")
                #expect(json.contains("[\(text)]"), "\(node.name): \(text)")
                #expect(numbers.allSatisfy { Double($0.description)?.bitPattern == $0.bitPattern })
            }
        }
    }
    for text in ["-0.0", "0.30000000000000004", "1e-300", "5e-324", "2.4171288283624666", "0.3333333333333333"] {
        #expect(json.contains(text), "\(text)")
    }
}

@Test func everyOpsOptionsAreWrittenWithItsNode() throws {
    let (trace, diagnostics) = run("""
        x = [[1.0, -2.0, 0.5, 3.0], [0.25, 1.5, -1.0, 2.0], [2.0, 0.5, 1.0, -0.5], [1.0, 1.0, -2.0, 0.5]]
        k = [[1.0, 0.5], [-1.0, 2.0]]
        c = conv2d(x, k, stride: 2, padding: 1)
        n = layer_norm(x[0], eps: 0.01)
        d = dropout(n, p: 0.25, seed: 7)
        s = sum(c ^ 2, axis: 1, keepdims: true)
        m = max_pool(x, size: 2, channels: 2)
        L = sum(s) + sum(d) + mean(x[:, 1]) + sum(m)
        """)
    let json = TraceJSON.encode(try #require(trace, "\(diagnostics)"))
    let lines = json.split(separator: "\n").map(String.init)
    func line(_ name: String) -> String { lines.first { $0.hasPrefix("{\"name\":\"\(name)\"") } ?? "" }
    #expect(line("c").hasSuffix(",\"stride\":2,\"padding\":1},"), "\(line("c"))")
    #expect(line("m").hasSuffix(",\"size\":2,\"stride\":2,\"channels\":2},"), "\(line("m"))")
    #expect(line("n").hasSuffix(",\"eps\":0.01},"), "\(line("n"))")
    #expect(line("d").hasSuffix(",\"p\":0.25,\"seed\":7},"), "\(line("d"))")
    #expect(line("s").hasSuffix(",\"axis\":1,\"keepdims\":true},"), "\(line("s"))")
    #expect(lines.contains { $0.contains("\"op\":\"pow\"") && $0.hasSuffix(",\"exponent\":2.0},") })
    #expect(lines.contains { $0.contains("\"op\":\"index\"") && $0.hasSuffix(",\"index\":[[null,null],[1]]},") }, "\(json)")
    #expect(line("x").hasSuffix("\"shape\":[4,4]},"), "an input has no options")
}
