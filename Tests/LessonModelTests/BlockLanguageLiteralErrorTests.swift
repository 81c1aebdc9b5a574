import Testing
@testable import LessonModel

// Errors in tensor literals and numbers. The fence is on line 1.

@Test func raggedMatrixNamesTheRows() {
    #expect(graphErrors("X = [[1, 2], [3, 4, 5]]\n")
            == ["t.md:2:14: error: ragged matrix literal: row 2 has 3 numbers, row 1 has 2"])
}

@Test func emptyVectorLiteral() {
    #expect(graphErrors("x = []\n") == ["t.md:2:5: error: empty vector literal"])
}

@Test func emptyMatrixLiteral() {
    #expect(graphErrors("x = [[], []]\n") == ["t.md:2:5: error: empty matrix literal"])
}

@Test func literalsHaveAtMostTwoDimensions() {
    #expect(graphErrors("x = [[[1]]]\n") == ["t.md:2:7: error: tensor literals have at most 2 dimensions"])
}

@Test func literalsHoldNumbersOnly() {
    #expect(graphErrors("a = 1\nx = [a, 2]\n") == [
        "t.md:3:6: error: expected a number in the vector literal, found 'a'; literals hold numbers only, so compute with names outside the brackets",
    ])
}

@Test func vectorCannotHoldARow() {
    #expect(graphErrors("x = [1, [2]]\n") == ["t.md:2:9: error: expected a number in the vector literal, found '['"])
}

@Test func missingCommaInALiteral() {
    #expect(graphErrors("x = [1 2]\n") == ["t.md:2:8: error: expected ',' or ']' in the vector literal, found '2'"])
}

@Test func unclosedLiteral() {
    #expect(graphErrors("x = [1, 2\ny = 3\n") == ["t.md:2:10: error: expected ']' to close '[' at 2:5, found end of line"])
}

@Test func numberOutOfRange() {
    #expect(graphErrors("x = 1e400\n") == ["t.md:2:5: error: number '1e400' is out of range"])
}

@Test func numberOutOfRangeInALiteral() {
    #expect(graphErrors("x = [1, -1e400]\n") == ["t.md:2:10: error: number '1e400' is out of range"])
}

@Test func foldedExponentThatOverflowsIsOutOfRange() {
    #expect(graphErrors("x = 2\ny = x^(1e200 * 1e200)\n") == ["t.md:3:7: error: number '(1e200 * 1e200)' is out of range"])
}

@Test func exponentMustBeANumber() {
    #expect(graphErrors("x = 2\ny = x^x\n") == ["t.md:3:7: error: the exponent of '^' must be a number"])
}

@Test func exponentThatIsNotANumberAfterFolding() {
    #expect(graphErrors("x = 2\ny = x^(0/0)\n") == ["t.md:3:7: error: the exponent of '^' must be a number"])
}
