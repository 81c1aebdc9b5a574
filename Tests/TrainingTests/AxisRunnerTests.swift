import Testing
@testable import Training

// Ops along an axis in a whole graph block: an axis the operand lacks is located at the call,
// and the stable forms run where the unshifted formula overflows (which stays a located error).

@Test func anAxisTheOperandLacksIsLocatedAtTheCall() {
    let (_, diagnostics) = run("z = [[1, 2, 3], [4, 5, 6]]\np = softmax(z, axis: -2)\nq = sum(logsumexp(p, axis: 1), axis: 1)\n")
    #expect(diagnostics == ["l.md:13:5: error: axis 1 of sum is out of range for a vector of 2, whose one axis is 0 (or -1)"])
    let (_, scalar) = run("x = 2\ny = log_softmax(x)\n")
    #expect(scalar == ["l.md:12:5: error: log_softmax needs a vector or a matrix, got a scalar"])
}

@Test func logsumexpRunsWhereTheUnshiftedFormulaOverflows() {
    let (trace, diagnostics) = run("z = [1000, 999, 0]\nl = logsumexp(z)\n")
    #expect(diagnostics == [])
    #expect(trace.map { values($0, "l") } ?? [] == [1000.3132616875182])
    let (_, overflow) = run("z = [1000, 999, 0]\nl = log(sum(exp(z)))\n")
    #expect(overflow.count == 1 && overflow[0].hasPrefix("l.md:12:13: error: the value of"), "\(overflow)")
}

@Test func aThreeWayTieForTheMaximumIsAKinkNamingTheReduction() {
    // Each of three tied elements gets 1/3; a central difference sees 1/2 (a step up wins, a
    // step down leaves the others): the derivative there is a choice, so it is a warning.
    let (trace, diagnostics) = run("x = [2.0, 2.0, 2.0, 1.0]\ny = max(x) * 3\n")
    #expect(trace.map { gradient($0, "x") } ?? [] == [1, 1, 1, 0])
    #expect(diagnostics.count == 1 && diagnostics[0].contains("warning: gradient check of 'x' is inconclusive")
            && diagnostics[0].hasSuffix("'u1' = max(x) sits at its kink (two elements of x tie for it there), where the derivative is a choice"),
            "\(diagnostics)")
}

@Test func anIndexOutOfRangeIsLocatedAtItsBracketAndNamesTheOperand() {
    let (_, rows) = run("X = [[1, 2], [3, 4], [5, 6]]\ny = X[5]\n")
    #expect(rows == ["l.md:12:6: error: index 5 is out of range for X's 3 rows"])
    let (_, columns) = run("X = [[1, 2], [3, 4], [5, 6]]\ny = sum(X[:, 0:3])\n")
    #expect(columns == ["l.md:12:10: error: range 0:3 is out of range for X's 2 columns"])
    let (trace, fine) = run("X = [[1, 2], [3, 4], [5, 6]]\ny = sum(X[-1] * X[:, 1][0:2])\n")
    #expect(fine == [])
    let y: [Double] = trace.map { values($0, "y") } ?? []
    #expect(y == [34])
}

@Test func embeddingIdsOutOfRangeOrComputedAreLocatedAtTheCall() {
    let (_, range) = run("W = [[1, 2], [3, 4]]\nids = [0, 2]\ne = embedding(W, ids)\n")
    #expect(range == ["l.md:13:5: error: id 2 is out of range for W's 2 rows"])
    let (_, computed) = run("W = [[1, 2], [3, 4]]\nids = [0, 1]\ne = embedding(W, ids * 1)\n")
    #expect(computed == ["l.md:13:5: error: the ids of embedding must be whole numbers written in the block (an input or a constant), not computed"])
}
