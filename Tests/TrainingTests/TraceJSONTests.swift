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
