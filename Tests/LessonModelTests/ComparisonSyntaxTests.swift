import Testing
@testable import LessonModel

// Comparisons as 0/1 masks: `>`, `<`, `>=`, `<=`, `==`, `!=`, binding loosest (as in Python),
// never chaining, and never confused with the assignment's `=`.

@Test func everyComparisonIsAnOperatorThatBindsLoosest() throws {
    let p = try graphProgram("a = 1\nb = 2\nc = a + 1 > b * 2\nd = a < b\ne = a >= b\nf = a <= b\ng = a == b\nh = a != b\n")
    #expect(listing(p).suffix(7) == [
        "u2 = multiply(b, c2)", "c = greater(u1, u2)", "d = less(a, b)",
        "e = greater_equal(a, b)", "f = less_equal(a, b)", "g = equal(a, b)", "h = not_equal(a, b)",
    ])
}

@Test func aComparisonInParenthesesIsAValue() throws {
    let p = try graphProgram("x = [1, -2]\ny = sum((x > 0) * x)\n")
    #expect(listing(p).contains("u1 = greater(x, c1)"))
}

@Test func comparisonsDoNotChain() {
    #expect(graphErrors("a = 1\nb = a < 2 < 3\n") == ["t.md:3:11: error: comparisons do not chain; write '(a < b) * (b < c)' for both to hold"])
}

@Test func aLoneBangIsNotAnOperator() {
    #expect(graphErrors("a = 1\nb = !a\n").first?.hasPrefix("t.md:3:5: error: ") == true, "\(graphErrors("a = 1\nb = !a\n"))")
}

// reshape's sizes are numbers written in the call, kept on the node (not graph nodes of their own).

@Test func reshapeKeepsItsSizesOnTheNode() throws {
    let p = try graphProgram("x = [1, 2, 3, 4]\ny = reshape(x, 2, -1)\nz = reshape(y, 4)\n")
    #expect(p.nodes.count == 3)
    #expect(p.nodes.map(\.dims) == [[], [2, -1], [4]])
}

@Test func reshapeSizesMustBeWrittenAsWholeNumbers() {
    #expect(graphErrors("x = [1, 2]\nn = 2\ny = reshape(x, n)\n")
            == ["t.md:4:16: error: a size of reshape must be a whole number of at least 1, or -1 to infer it, written as a number (as in 'reshape(x, 2, -1)')"])
    #expect(graphErrors("x = [1, 2]\ny = reshape(x, 1.5, 2)\n").first?.hasPrefix("t.md:3:16: error: a size of reshape") == true)
    #expect(graphErrors("x = [1, 2]\ny = reshape(x, -1, -1)\n") == ["t.md:3:20: error: only one size of reshape can be -1 (inferred)"])
    #expect(graphErrors("x = [1, 2]\ny = reshape(x)\n")
            == ["t.md:3:5: error: reshape takes a tensor and one or two sizes, as in 'reshape(x, rows, cols)' or 'reshape(x, n)', got 1 argument"])
}

// Indexing: `X[0]`, `X[:, 1]`, `X[1, 2]`, `X[-1]`, `X[0:2]`, `X[:, 1:3]`; the positions are kept on the node.

@Test func indexKeepsWhatItPicksOnTheNode() throws {
    let p = try graphProgram("X = [[1, 2, 3], [4, 5, 6]]\na = X[0]\nb = X[:, 1]\nc = X[1, -2]\nd = X[0:2, 1:]\ne = -X[0][1]^2\n")
    #expect(p.nodes.compactMap(\.index).map(\.python) == ["[0]", "[:, 1]", "[1, -2]", "[0:2, 1:]", "[0]", "[1]"])
}

@Test func indexPositionsMustBeWholeNumbers() {
    #expect(graphErrors("X = [1, 2]\ni = 1\ny = X[i]\n")
            == ["t.md:4:7: error: expected a whole number or ':' in the index (as in 'X[0]' or 'X[:, 1]'), found 'i'"])
    #expect(graphErrors("X = [1, 2]\ny = X[1.5]\n") == ["t.md:3:7: error: a position in an index must be a whole number, got '1.5'"])
    #expect(graphErrors("X = [1, 2]\ny = X[0:2:1]\n")
            == ["t.md:3:10: error: a range takes no step here: write 'start:end' (every position in between)"])
    #expect(graphErrors("X = [1, 2]\ny = X[0, 1, 0]\n")
            == ["t.md:3:6: error: an index takes at most two positions (rows, then columns), got 3"])
}

// concat takes two or three tensors and an `axis:` (0 when not written).

@Test func concatTakesTwoOrThreeTensorsAndAnAxis() throws {
    let p = try graphProgram("a = [1, 2]\nb = concat(a, a)\nc = concat(a, b, a, axis: -1)\n")
    #expect(p.nodes.map(\.axis.axis) == [nil, nil, -1])
    #expect(graphErrors("a = [1, 2]\nb = concat(a)\n")
            == ["t.md:3:5: error: concat joins two or three tensors, as in 'concat(a, b, axis: 0)', got 1"])
    #expect(graphErrors("a = [1, 2]\nb = concat(a, a, a, a)\n")
            == ["t.md:3:5: error: concat joins two or three tensors, as in 'concat(a, b, axis: 0)', got 4"])
}
