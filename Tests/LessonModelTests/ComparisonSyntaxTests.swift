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
