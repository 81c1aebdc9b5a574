import Testing
@testable import LessonModel

// Model blocks group their dense layers automatically. The fence is on line 1.

/// Each group as `title: member names`.
private func groups(_ program: ModelProgram) -> [String] {
    program.graph.groups.map { group in
        let title: String
        switch group.title {
        case .named(let name): title = name
        case .layer(let k): title = "layer \(k)"
        case .step(let k): title = "time step \(k)"
        }
        return "\(title): " + group.members.map { program.graph.nodes[$0].name }.joined(separator: ", ")
    }
}

@Test func layersLineGroupsEachDenseLayer() throws {
    let program = try modelProgram(lines(
        "data xor",
        "layers 2 -> 3 tanh -> 3 relu -> 1",
        "loss = mean((out - y)^2)",
        "train sgd(lr: 0.1) epochs 10"))
    #expect(groups(program) == [
        "layer 1: W1, b1, u1, u2, H1",
        "layer 2: W2, b2, u3, u4, H2",
        "layer 3: W3, b3, u5, out",
    ])
    // Each group is placed where its weights are: at the layer's size in the layers line.
    #expect(program.graph.groups.map(\.position.line) == [3, 3, 3])
}

@Test func handWrittenDenseLayersAreGroupedToo() throws {
    let program = try modelProgram(lines(
        "data xor",
        "param W1 = xavier([2, 4])",
        "param b1 = zeros([4])",
        "H = sigmoid(X @ W1 + b1)",
        "param W2 = xavier([4, 1])",
        "param b2 = zeros([1])",
        "out = H @ W2 + b2",
        "loss = bce_logits(out, y)",
        "train sgd(lr: 0.1) epochs 10"))
    #expect(groups(program) == ["layer 1: W1, b1, u1, u2, H", "layer 2: W2, b2, u3, out"])
}

@Test func oneDenseLayerIsLeftUngrouped() throws {
    let program = try modelProgram(lines(
        "data xor",
        "layers 2 -> 1",
        "loss = bce_logits(out, y)",
        "train sgd(lr: 0.1) epochs 10"))
    #expect(program.graph.groups.isEmpty)
}

@Test func layerWithoutBiasOrWithSharedWeightsIsNotADenseLayer() throws {
    // W is used twice and the first product has no bias: neither is a dense layer of its own.
    let program = try modelProgram(lines(
        "data xor",
        "param W = xavier([2, 2])",
        "param b = zeros([2])",
        "H = tanh(X @ W)",
        "G = tanh(H @ W + b)",
        "param V = xavier([2, 1])",
        "param c = zeros([1])",
        "out = G @ V + c",
        "loss = mean((out - y)^2)",
        "train sgd(lr: 0.1) epochs 10"))
    #expect(groups(program) == [])
}

@Test func groupLinesInAModelBlockReplaceTheAutomaticGroups() throws {
    let program = try modelProgram(lines(
        "data xor",
        "layers 2 -> 3 tanh -> 1",
        "loss = mean((out - y)^2)",
        "group head: out, loss",
        "train sgd(lr: 0.1) epochs 10"))
    // The layers are not grouped: a node belongs to one group, and the teacher chose these.
    #expect(groups(program) == ["head: u3, out, u4, u5, loss"])
}

@Test func moreDenseLayersThanTheGroupLimitAreLeftUngrouped() throws {
    let sizes = ["2"] + Array(repeating: "2 tanh", count: 33) + ["1"]
    let program = try modelProgram(lines(
        "data xor",
        "layers " + sizes.joined(separator: " -> "),
        "loss = bce_logits(out, y)",
        "train sgd(lr: 0.1) epochs 1"))
    #expect(program.graph.groups.isEmpty)
}
