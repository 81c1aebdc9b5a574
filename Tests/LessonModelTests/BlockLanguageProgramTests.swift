import Testing
@testable import LessonModel

// The resolved program: node order, generated names, positions. The fence is on line 1.

@Test func nodesAreInEvaluationOrderStatementByStatement() throws {
    let p = try graphProgram("a = 1\nb = a * 2 + 3\nc = b - a\n")
    #expect(listing(p) == ["a = input 1.0", "c1 = const 2.0", "u1 = multiply(a, c1)", "c2 = const 3.0",
                           "b = add(u1, c2)", "c = subtract(b, a)"])
}

@Test func everyInputComesBeforeItsUser() throws {
    let p = try graphProgram("x = [1, 2]\nparam w = [0.5, -0.3]\nparam b = 0.1\ny = sigmoid(x @ w + b) * (x @ w)\n")
    for (index, node) in p.nodes.enumerated() {
        if case .operation(_, let inputs, _) = node.kind { #expect(inputs.allSatisfy { $0 < index }) }
    }
}

@Test func aNodeUsedTwiceIsOneNode() throws {
    let p = try graphProgram("x = 3\ny = x * x\n")
    #expect(p.nodes[1].kind == .operation(.multiply, inputs: [0, 0], exponent: nil))
}

@Test func generatedNamesCountUnnamedIntermediatesAndConstantsSeparately() throws {
    let p = try graphProgram("x = 1\ny = (x + 1) * (x + 2)\n")
    #expect(listing(p) == ["x = input 1.0", "c1 = const 1.0", "u1 = add(x, c1)", "c2 = const 2.0",
                           "u2 = add(x, c2)", "y = multiply(u1, u2)"])
    #expect(p.nodes.map(\.isNamed) == [true, false, false, false, false, true])
}

@Test func generatedNamesSkipTheTeachersNames() throws {
    let p = try graphProgram("u1 = 1\nc1 = 2\nu2 = 3\ny = (u1 + c1 + u2) * 4 / 5\n")
    #expect(listing(p).dropFirst(3) == ["u3 = add(u1, c1)", "u4 = add(u3, u2)", "c2 = const 4.0",
                                        "u5 = multiply(u4, c2)", "c3 = const 5.0", "y = divide(u5, c3)"])
}

@Test func generatedNamesSkipNamesAssignedLaterInTheBlock() throws {
    let p = try graphProgram("x = 1\ny = (x + 1) * 2\nu1 = y * 3\n")
    #expect(p.nodes.map(\.name) == ["x", "c1", "u2", "c2", "y", "c3", "u1"])
}

@Test func namesAreUnique() throws {
    let p = try graphProgram("u1 = 1\nc2 = 2\ny = u1 * 3 + c2 * 4 - (u1 + c2) / 5\n")
    #expect(Set(p.nodes.map(\.name)).count == p.nodes.count)
}

@Test func positionsPointAtOperatorsFunctionsAndNames() throws {
    let p = try graphProgram("x = [1.0, 2.0]\nparam w = [0.5, -0.3]\nparam b = 0.1\ny_hat = sigmoid(x @ w + b)\n")
    #expect(positions(p) == ["x@2:1", "w@3:7", "b@4:7", "u1@5:19", "u2@5:23", "y_hat@5:9"])
}

@Test func positionsOfNegationPowerAndConstants() throws {
    let p = try graphProgram("x = 2\ny = -x^2 + -3 * [1, 2]\n")
    #expect(listing(p) == ["x = input 2.0", "u1 = power(x, 2.0)", "u2 = negate(u1)", "c1 = const -3.0",
                           "c2 = const [2]: 1.0, 2.0", "u3 = multiply(c1, c2)", "y = add(u2, u3)"])
    #expect(positions(p) == ["x@2:1", "u1@3:7", "u2@3:5", "c1@3:12", "c2@3:17", "u3@3:15", "y@3:10"])
}

@Test func statementLineIsWhereTheStatementStarts() throws {
    let p = try graphProgram("a = 1\n\nb = (a +\n  2)\n")
    #expect(p.nodes.map(\.statementLine) == [2, 4, 4])
}

@Test func linesAreCountedFromTheFence() throws {
    let (program, _) = BlockLanguage.parseGraph(graphBlock("x = 1\ny = x + 1\n", fenceLine: 41), path: "t.md")
    #expect(program.map(positions) == ["x@42:1", "c1@43:9", "y@43:7"])
}
