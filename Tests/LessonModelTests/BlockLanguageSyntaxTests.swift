import Testing
@testable import LessonModel

// How the block language reads: precedence, associativity, literals, comments.

@Test func powerBindsTighterThanUnaryMinus() throws {
    let p = try graphProgram("x = 3\ny = -x^2\n")
    #expect(listing(p) == ["x = input 3.0", "u1 = power(x, 2.0)", "y = negate(u1)"])
}

@Test func subtractionIsLeftAssociative() throws {
    let p = try graphProgram("a = 1\nb = 2\nc = 3\nd = a - b - c\n")
    #expect(listing(p).suffix(2) == ["u1 = subtract(a, b)", "d = subtract(u1, c)"])
}

@Test func matmulSharesThePrecedenceOfMultiplication() throws {
    let p = try graphProgram("a = [1, 2]\nb = [3, 4]\nc = 2\nd = a @ b * c\n")
    #expect(listing(p).suffix(2) == ["u1 = matmul(a, b)", "d = multiply(u1, c)"])
}

@Test func multiplicationBindsTighterThanAddition() throws {
    let p = try graphProgram("a = 1\nb = 2\nc = 3\nd = a + b * c\n")
    #expect(listing(p).suffix(2) == ["u1 = multiply(b, c)", "d = add(a, u1)"])
}

@Test func parenthesesGroupWithoutNodes() throws {
    let p = try graphProgram("a = 1\nb = 2\nc = 3\nd = (a + b) * c\n")
    #expect(listing(p).suffix(2) == ["u1 = add(a, b)", "d = multiply(u1, c)"])
}

@Test func exponentMayBeNegative() throws {
    let p = try graphProgram("y = 2^-1\n")
    #expect(listing(p) == ["c1 = const 2.0", "y = power(c1, -1.0)"])
}

@Test func exponentMayBeAConstantExpression() throws {
    let p = try graphProgram("x = 4\ny = x^(1/2) + x^0.5\n")
    #expect(listing(p) == ["x = input 4.0", "u1 = power(x, 0.5)", "u2 = power(x, 0.5)", "y = add(u1, u2)"])
}

@Test func powerIsRightAssociative() throws {
    let p = try graphProgram("x = 2\ny = x^3^2\n")
    #expect(listing(p) == ["x = input 2.0", "y = power(x, 9.0)"])
}

@Test func minusInsideAnExponentAppliesAfterItsOwnPower() throws {
    let p = try graphProgram("x = 2\ny = x^-2^2\n")
    #expect(listing(p) == ["x = input 2.0", "y = power(x, -4.0)"])
}

@Test func minusBeforeANumberFoldsIntoTheConstant() throws {
    let p = try graphProgram("x = 2\ny = x * -0.5\n")
    #expect(listing(p) == ["x = input 2.0", "c1 = const -0.5", "y = multiply(x, c1)"])
}

@Test func minusBeforeANameIsANegation() throws {
    let p = try graphProgram("x = 2\ny = - -x\n")
    #expect(listing(p) == ["x = input 2.0", "u1 = negate(x)", "y = negate(u1)"])
}

@Test func numberFormsAreRead() throws {
    let p = try graphProgram("a = 1\nb = -0.5\nc = 1e-3\nd = .5\ne = 2.5E+2\nf = 3.\n")
    #expect(listing(p) == ["a = input 1.0", "b = input -0.5", "c = input 0.001", "d = input 0.5",
                           "e = input 250.0", "f = input 3.0"])
}

@Test func vectorLiteralIsALeaf() throws {
    let p = try graphProgram("x = [1.0, -2, 3e1]\n")
    #expect(p.nodes[0].kind == .input(TensorLiteral(dims: [3], scalars: [1, -2, 30])))
}

@Test func matrixLiteralIsRowMajor() throws {
    let p = try graphProgram("X = [[1, 2, 3], [4, 5, 6]]\n")
    #expect(p.nodes[0].kind == .input(TensorLiteral(dims: [2, 3], scalars: [1, 2, 3, 4, 5, 6])))
}

@Test func matrixLiteralMaySpanLinesWithComments() throws {
    let p = try graphProgram("X = [[1, 2],   # first row\n\n     [3, 4],   # second row\n    ]\ny = sum(X)\n")
    #expect(listing(p) == ["X = input [2, 2]: 1.0, 2.0, 3.0, 4.0", "y = sum(X)"])
    #expect(p.nodes[1].statementLine == 6)
}

@Test func expressionMaySpanLinesInsideParentheses() throws {
    let p = try graphProgram("a = 1\nb = (a +\n     2)\n")
    #expect(listing(p) == ["a = input 1.0", "c1 = const 2.0", "b = add(a, c1)"])
}

@Test func paramStatementsAreParameters() throws {
    let p = try graphProgram("param w = [0.5, -0.3]\nparam b = 0.1\n")
    #expect(listing(p) == ["w = param [2]: 0.5, -0.3", "b = param 0.1"])
}

@Test func literalInsideAnExpressionIsAConstant() throws {
    let p = try graphProgram("x = [1, 2]\ny = x @ [3, 4]\n")
    #expect(listing(p) == ["x = input [2]: 1.0, 2.0", "c1 = const [2]: 3.0, 4.0", "y = matmul(x, c1)"])
}

@Test func commentsAndBlankLinesAreIgnored() throws {
    let p = try graphProgram("# inputs\n\nx = 2   # two\n   \n# the end\ny = x * x # square\n")
    #expect(listing(p) == ["x = input 2.0", "y = multiply(x, x)"])
}

@Test func everyFunctionIsAnOperation() throws {
    let p = try graphProgram("""
        x = [1, 2]
        a = exp(x) + log(x) + sigmoid(x) + tanh(x) + relu(x)
        b = sum(x) + mean(x) + max(x, 0) + transpose(x)
        """)
    let ops = p.nodes.compactMap { node -> String? in
        if case .operation(let op, _, _) = node.kind, op != .add { return op.rawValue } else { return nil }
    }
    #expect(ops == ["exp", "log", "sigmoid", "tanh", "relu", "sum", "mean", "maximum", "transpose"])
}

@Test func lastAssignmentIsTheOutput() throws {
    let p = try graphProgram("x = 1\ny = x + 1\nz = [1, 2]\n")
    #expect(p.nodes[p.output].name == "z")
}

@Test func blockWithoutTrailingNewlineParses() throws {
    let p = try graphProgram("x = 1\ny = x * 2")
    #expect(listing(p) == ["x = input 1.0", "c1 = const 2.0", "y = multiply(x, c1)"])
}
