import Autodiff
import Testing

// Names and symbols that traces and diagrams print.

@Test("shapes describe themselves as scalar, vector of n, or rows x cols")
func shapeDescriptions() {
    #expect(Shape.scalar.description == "scalar")
    #expect(Shape.vector(3).description == "vector of 3")
    #expect(Shape.matrix(2, 3).description == "2x3")
    #expect(Shape.matrix(2, 3).count == 6 && Shape.scalar.count == 1)
}

@Test("op names are the short trace names")
func opNames() {
    let ops: [Op] = [.input, .parameter, .constant, .add, .subtract, .multiply, .divide, .negate, .matmul,
                     .power(2), .exp, .log, .sigmoid, .tanh, .relu, .sum, .mean, .maximum, .transpose]
    #expect(ops.map(\.name) == ["input", "param", "const", "add", "sub", "mul", "div", "neg", "matmul",
                                "pow", "exp", "log", "sigmoid", "tanh", "relu", "sum", "mean", "max", "transpose"])
}

@Test("operators have diagram symbols; functions and leaves have none")
func opSymbols() {
    #expect(Op.add.symbol == "+" && Op.subtract.symbol == "-" && Op.negate.symbol == "-")
    #expect(Op.multiply.symbol == "·" && Op.divide.symbol == "/" && Op.matmul.symbol == "@")
    #expect(Op.power(2).symbol == "^2" && Op.power(0.5).symbol == "^0.5" && Op.power(-1).symbol == "^-1")
    #expect(Op.sigmoid.symbol == nil && Op.maximum.symbol == nil && Op.parameter.symbol == nil)
}

@Test("the builder records op, inputs and inferred shape of each node")
func builderRecordsNodes() throws {
    var g = GraphBuilder()
    let m = g.leaf(.parameter, value: try Tensor(matrix: [[1, 2, 3], [4, 5, 6]]))
    let v = g.leaf(.input, value: try Tensor(vector: [1, 1, 1]))
    let p = try g.apply(.matmul, m, v)
    #expect(g.count == 3)
    #expect(g.op(of: p) == .matmul && g.inputs(of: p) == [m, v] && g.shape(of: p) == .vector(2))
    #expect(g.op(of: m) == .parameter && g.leafValue(of: m)?.shape == .matrix(2, 3) && g.leafValue(of: p) == nil)
}

@Test("the loss ops are named as in traces and take two inputs")
func lossOpNames() {
    #expect(Op.bceLogits.name == "bce_logits" && Op.softmaxCrossEntropy.name == "softmax_cross_entropy")
    #expect(Op.bceLogits.arity == 2 && Op.softmaxCrossEntropy.arity == 2)
    #expect(Op.bceLogits.symbol == nil && !Op.softmaxCrossEntropy.isLeaf)
}
