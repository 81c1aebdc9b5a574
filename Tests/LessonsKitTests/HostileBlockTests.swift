import Foundation
import Testing
@testable import LessonsKit

/// One block with a mistake, as the lesson `lessons/b.md` (fence on line 1): the exact errors.
struct HostileBlock: Sendable, CustomTestStringConvertible {
    var kind: String
    var source: String
    var messages: [String]
    var testDescription: String { messages.first ?? kind }

    static func model(_ source: String, _ messages: [String]) -> HostileBlock {
        HostileBlock(source, messages, kind: "model")
    }

    init(_ source: String, _ messages: [String], kind: String = "graph") {
        self.kind = kind
        self.source = source
        self.messages = messages.map { "lessons/b.md:" + $0 }
    }
}

private let xorData = "data xor\nparam W = uniform(0, 1, [2, 1])\nout = X @ W\n"

/// Every kind of error the block language reports, once each, through a whole build.
private let languageErrors: [HostileBlock] = [
    HostileBlock("y x\n", ["2:3: error: expected '=' after 'y', found 'x'"]),
    HostileBlock("y = sigmod(2)\n", ["2:5: error: unknown function 'sigmod'; did you mean 'sigmoid'?"]),
    HostileBlock("y = 2 * z\n", ["2:9: error: undefined name 'z'"]),
    HostileBlock("x = 1\nx = 2\n", ["3:1: error: 'x' is already assigned on line 2"]),
    HostileBlock("x = [[1, 2], [3]]\n", ["2:14: error: ragged matrix literal: row 2 has 1 number, row 1 has 2"]),
    HostileBlock("x = []\n", ["2:5: error: empty vector literal"]),
    HostileBlock("x = [[[1]]]\n", ["2:7: error: tensor literals have at most 2 dimensions"]),
    HostileBlock("x = [1, 2]\nw = [1, 2, 3]\ny = x @ w\n", ["4:7: error: cannot multiply vector of 2 by vector of 3"]),
    HostileBlock("", ["1:1: error: graph block is empty; expected at least one assignment like 'y = 2 * x'"]),
    HostileBlock("y = 1)\n", ["2:6: error: unmatched ')'"]),
    HostileBlock("x = (1\n", ["2:7: error: expected ')' to close '(' at 2:5, found end of line"]),
    HostileBlock("data xor\n", ["2:1: error: 'data' belongs in a model block; change the fence to ```model"]),
    HostileBlock("w = uniform(0, 1, [2])\n", ["2:5: error: initializers like 'uniform' belong in a model block; change the fence to ```model"]),
    HostileBlock("y = 2 ^ x\n", ["2:9: error: the exponent of '^' must be a number"]),
    HostileBlock("exp = 2\n", ["2:1: error: cannot assign to 'exp': it is the name of a function"]),
    HostileBlock("x = 1\ny = exp\n", ["3:5: error: 'exp' is a function; call it like 'exp(x)'"]),
    HostileBlock("x = 1\ny = max()\n", ["3:5: error: max takes one tensor (max(x), max(x, axis: 1)) or two or more to compare elementwise (max(a, b), max(a, b, c)), got 0"]),
    HostileBlock("x = 1000\ny = exp(x)\n", ["3:5: error: the value of 'y' is infinite; exp overflows above about 709"]),
    HostileBlock.model(xorData + "train sgd(lr: 0.1) epochs 5\n", ["5:1: error: a model needs a node named 'loss' to minimize"]),
    HostileBlock.model(xorData + "loss = mean((out - y)^2)\ntrain sgd(lr: 0.1) epochs 99999999999\n",
                 ["6:27: error: epochs must be a whole number from 1 to 10000000 (the limit), found '99999999999'"]),
    HostileBlock.model(xorData + "loss = mean((out - y)^2)\n", ["1:1: error: a model block needs a train line, like 'train sgd(lr: 0.1) epochs 1000'"]),
    HostileBlock.model(xorData + "loss = sum((out - y)^2)\ntrain sgd(lr: 1e300) epochs 50\n",
                 ["6:1: error: training diverged at step 1: the value of 'u2' is no longer a finite number; try a smaller learning rate"]),
    HostileBlock.model("data nope\nparam w = 1\nloss = w * 2\ntrain sgd(lr: 0.1) epochs 1\n",
                 ["2:6: error: unknown data set 'nope'; the data sets are xor, and, or, moons, circles, spiral, line, sine, csv"]),
    HostileBlock.model("data csv(\"../secret.csv\", x: [a], y: [b])\nparam w = 1\nloss = w * 2\ntrain sgd(lr: 0.1) epochs 1\n",
                 ["2:10: error: the csv path must be relative to the lessons folder and stay inside it, like \"data/points.csv\"; found '../secret.csv'"]),
    HostileBlock.model("data csv(\"missing.csv\", x: [a], y: [b])\nparam w = 1\nloss = w * 2\ntrain sgd(lr: 0.1) epochs 1\n",
                 ["2:10: error: data file 'missing.csv' not found (looked for lessons/missing.csv)"]),
]

@Suite(.serialized) struct HostileBlockTests {
    @Test(arguments: languageErrors)
    func languageError(_ block: HostileBlock) throws {
        let course = try HostileCourse()
        let text = "```\(block.kind)\n" + block.source + "```\n"
        let messages = try course.build("b.md", text, succeeds: false)
        #expect(messages == block.messages)
    }
}
