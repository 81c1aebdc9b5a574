import Testing
@testable import LessonModel

// Syntax errors: what was expected, what was found, where. The fence is on line 1.

@Test func missingOperandAfterOperator() {
    #expect(graphErrors("x = 1\ny = x +\n") == ["t.md:3:8: error: expected an expression after '+', found end of line"])
}

@Test func missingEqualsAfterName() {
    #expect(graphErrors("x = 1\ny x\n") == ["t.md:3:3: error: expected '=' after 'y', found 'x'"])
}

@Test func unclosedParenthesisIsReportedAtTheEndOfItsLine() {
    #expect(graphErrors("x = 1\ny = sigmoid(x\n")
            == ["t.md:3:14: error: expected ')' to close '(' at 3:12, found end of line"])
}

@Test func unclosedParenthesisDoesNotSwallowTheNextStatement() {
    #expect(graphErrors("x = 1\ny = (x + 1\nz = $\n") == [
        "t.md:3:11: error: expected ')' to close '(' at 3:5, found end of line",
        "t.md:4:5: error: unexpected character '$'",
    ])
}

@Test func mismatchedClosingBracket() {
    #expect(graphErrors("x = 1\ny = (x + 1]\n") == ["t.md:3:11: error: expected ')' to close '(' at 3:5, found ']'"])
}

@Test func unmatchedClosingParenthesis() {
    #expect(graphErrors("x = 1\ny = x + 1)\n") == ["t.md:3:10: error: unmatched ')'"])
}

@Test func unexpectedCharacter() {
    #expect(graphErrors("x = 1\ny = x $ 2\n") == ["t.md:3:7: error: unexpected character '$'"])
}

@Test func unicodeMinusGetsAHint() {
    #expect(graphErrors("x = 1\ny = x − 2\n") == ["t.md:3:7: error: unexpected character '−'; did you mean '-'?"])
}

@Test func invisibleCharacterIsShownByCodePoint() {
    #expect(graphErrors("x = 1\ny =\u{A0}x\n") == ["t.md:3:4: error: unexpected character U+00A0"])
}

@Test func nonASCIILetterInANameIsExplained() {
    #expect(graphErrors("θ = 1\n") == ["t.md:2:1: error: unexpected character 'θ'; names use ASCII letters, digits and '_'"])
}

@Test func doubleStarIsNotPower() {
    #expect(graphErrors("x = 1\ny = x ** 2\n")
            == ["t.md:3:7: error: '**' is not an operator; use '^' for powers, like 'x^2'"])
}

@Test func numberGluedToANameSuggestsAProduct() {
    #expect(graphErrors("x = 1\ny = 2x\n") == ["t.md:3:5: error: '2x' is not a number; write '2 * x' to multiply"])
}

@Test func exponentWithoutDigitsIsMalformed() {
    #expect(graphErrors("x = 1e\n") == ["t.md:2:5: error: malformed number '1e'; an exponent needs digits, like '1e-3'"])
}

@Test func twoOperandsWithoutAnOperator() {
    #expect(graphErrors("a = 1\nb = 2\ny = a b\n") == ["t.md:4:7: error: expected an operator or end of line, found 'b'"])
}

@Test func lineThatIsNotAStatement() {
    #expect(graphErrors("x = 1\n+ x\n") == ["t.md:3:1: error: expected a statement like 'y = 2 * x', found '+'"])
}

@Test func emptyParentheses() {
    #expect(graphErrors("y = ()\n") == ["t.md:2:6: error: expected an expression after '(', found ')'"])
}

@Test func missingCallArgumentAfterComma() {
    #expect(graphErrors("x = 1\ny = max(x, )\n") == ["t.md:3:12: error: expected an expression after ',', found ')'"])
}

@Test func paramWithoutAName() {
    #expect(graphErrors("param 3 = 1\n") == ["t.md:2:7: error: expected a name after 'param', found '3'"])
}

@Test func emptyBlockIsReportedAtTheFence() {
    #expect(BlockLanguage.parseGraph(graphBlock("# only a comment\n\n", fenceLine: 7), path: "t.md").1.map(\.description)
            == ["t.md:7:1: error: graph block is empty; expected at least one assignment like 'y = 2 * x'"])
}

@Test func everyBrokenStatementIsReported() {
    #expect(graphErrors("a = 1 +\nb = (2\nc = 3 3\nd = 4\n") == [
        "t.md:2:8: error: expected an expression after '+', found end of line",
        "t.md:3:7: error: expected ')' to close '(' at 3:5, found end of line",
        "t.md:4:7: error: expected an operator or end of line, found '3'",
    ])
}

@Test func brokenStatementDoesNotCascadeIntoUndefinedNames() {
    #expect(graphErrors("x = 1\ny = (x +\nz = y * 2\n")
            == ["t.md:3:9: error: expected an expression after '+', found end of line"])
}

@Test func linesOfABrokenMatrixAreNotReadAsStatements() {
    #expect(graphErrors("X = [[1, $],\n     [3, 4]]\ny = X\n") == [
        "t.md:2:10: error: unexpected character '$'",
        "t.md:4:5: error: 'y = X' only gives X a second name; use 'X' directly",
    ])
}

@Test func longNamesAreShortenedInMessages() {
    let name = String(repeating: "a", count: 50)
    #expect(graphErrors("y = \(name) \(name)\n")
            == ["t.md:2:56: error: expected an operator or end of line, found '\(String(repeating: "a", count: 40))…'"])
}

@Test func errorsStopAfterTheLimit() {
    let errors = graphErrors(String(repeating: "$\n", count: 150))
    #expect(errors.count == BlockLanguage.maxErrors + 1)
    #expect(errors.last == "t.md:102:1: error: too many errors in this block; stopping after 100")
}

// Habits from Python get a sentence that teaches the block language instead of a bare "expected".

@Test func compoundAssignmentExplainsSingleAssignment() {
    #expect(graphErrors("c = 1\nc += c + 1\n")
            == ["t.md:3:3: error: names are assigned once; write 'c2 = c + ...' instead of 'c += ...'"])
    #expect(graphErrors("w = 2\nw *= 3\n")
            == ["t.md:3:3: error: names are assigned once; write 'w2 = w * ...' instead of 'w *= ...'"])
}

@Test func methodCallSuggestsTheFunction() {
    #expect(graphErrors("z = 1\nh = z.relu()\n")
            == ["t.md:3:6: error: functions are called as 'relu(z)', not as methods like 'z.relu()'"])
    #expect(graphErrors("z = [1, 2]\nh = z.sum() * 2\n")
            == ["t.md:3:6: error: functions are called as 'sum(z)', not as methods like 'z.sum()'"])
    // Not a function: the plain message.
    #expect(graphErrors("z = 1\nh = z.shape\n") == ["t.md:3:6: error: unexpected character '.'"])
}
