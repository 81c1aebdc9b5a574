import Testing
@testable import LessonModel

// `exercise` blocks: what they hold, and a located error for every malformed one. The fence is
// on line 10, indented by three (inside a list item), so the block's lines start on line 11, column 4.

private func parse(_ source: String, name: String? = "chain") -> (Exercise?, [Diagnostic]) {
    var diagnostics = Diagnostics(path: "t.md")
    let exercise = ExerciseParser.parse(name: name, source: source, fenceLine: 10, fenceColumn: 4, diagnostics: &diagnostics)
    return (exercise, diagnostics.all)
}

private func error(_ source: String, name: String? = "chain") -> String {
    let (exercise, diagnostics) = parse(source, name: name)
    #expect(exercise == nil)
    return diagnostics.map(\.description).joined(separator: "\n")
}

@Test func anExerciseSetsLeavesAsksOneNumberAndHasATolerance() throws {
    let (exercise, diagnostics) = parse("with a = 3, b = -1\nwith x[2] = 4.5, W = [[1, 2], [3, 4]]\n# a comment\n\nask de/db\nwithin 0.5%\n")
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    let e = try #require(exercise)
    #expect(e.block == "chain" && e.fenceLine == 10)
    #expect(e.overrides.map(\.name) == ["a", "b", "x", "W"])
    #expect(e.overrides.map(\.values) == [[3], [-1], [4.5], [1, 2, 3, 4]])
    #expect(e.overrides[2].index == [2] && e.overrides[3].index == nil)
    #expect(e.overrides[1].position == SourcePosition(line: 11, column: 16))
    #expect(e.ask.quantity == .gradient && e.ask.of == "e" && e.ask.node == "b")
    #expect(e.ask.nodePosition == SourcePosition(line: 15, column: 12))
    #expect(e.tolerance == .relative(0.005))
}

@Test func askTakesAValueAnIndexAndATypesetPartial() throws {
    let value = try #require(parse("ask e").0)
    #expect(value.ask.quantity == .value && value.ask.node == "e" && value.ask.index == nil)
    #expect(value.tolerance == Exercise.defaultTolerance)
    let entry = try #require(parse("ask ∂L/∂W[0, 1]\nwithin 0.01").0)
    #expect(entry.ask.quantity == .gradient && entry.ask.of == "L" && entry.ask.node == "W" && entry.ask.index == [0, 1])
    #expect(entry.ask.indexPosition == SourcePosition(line: 11, column: 13))
    #expect(entry.tolerance == .absolute(0.01))
    let typeset = try #require(parse("with a = −2\nask p[1]").0)
    #expect(typeset.overrides[0].values == [-2] && typeset.ask.index == [1])
}

@Test func everyMalformedExerciseIsLocated() {
    let cases: [(String, String?, String)] = [
        ("ask e", nil, "t.md:10:4: error: an exercise names its graph block: ```exercise <block name>"),
        ("ask e", "2x", "t.md:10:4: error: an exercise names its graph block: ```exercise <block name>, and '2x' is not a name"),
        ("with a = 3", "g", "t.md:10:4: error: an exercise needs an 'ask' line: 'ask de/db' (a gradient of the block's output) or 'ask e' (a value)"),
        ("ask e\nask f", "g", "t.md:12:4: error: an exercise asks one thing; this is a second 'ask' line"),
        ("solve e", "g", "t.md:11:4: error: expected 'with', 'ask' or 'within' at the start of an exercise line, found 'solve'"),
        ("= 3", "g", "t.md:11:4: error: expected 'with', 'ask' or 'within' at the start of an exercise line, found '='"),
        ("with = 3\nask e", "g", "t.md:11:9: error: expected a leaf's name after 'with' (as in 'with a = 3, b = -1')"),
        ("with a 3\nask e", "g", "t.md:11:11: error: expected '=' and a number after 'a'"),
        ("with a = three\nask e", "g", "t.md:11:13: error: expected a number"),
        ("with a = 1.\nask e", "g", "t.md:11:13: error: '1.' is not a number"),
        ("with a = 1e999\nask e", "g", "t.md:11:13: error: '1e999' is too large; numbers must be finite"),
        ("with a = [1, 2\nask e", "g", "t.md:11:18: error: expected ']' to close the list"),
        ("with a = [1 2]\nask e", "g", "t.md:11:16: error: expected ',' or ']' in the list"),
        ("with a = []\nask e", "g", "t.md:11:13: error: an empty list; give the leaf's numbers"),
        ("with a = [[[1]]]\nask e", "g", "t.md:11:16: error: a list nests at most two deep (a matrix)"),
        ("with a[0] = [1]\nask e", "g", "t.md:11:16: error: one entry ('a[...]') takes one number, not a list"),
        ("with a[x] = 1\nask e", "g", "t.md:11:11: error: expected an index (0, 1, ...) inside [ ]"),
        ("with a[0 = 1\nask e", "g", "t.md:11:13: error: expected ']' to close the index"),
        ("with a[0,1,2] = 1\nask e", "g", "t.md:11:17: error: an index has one number for a vector and two for a matrix, not 3"),
        ("ask", "g", "t.md:11:7: error: expected what to ask for: 'ask de/db' (a gradient) or 'ask e' (a value)"),
        ("ask e/db", "g", "t.md:11:8: error: a gradient is written 'dout/dleaf' (as in 'ask de/db'), and 'e' does not start with d"),
        ("ask de/", "g", "t.md:11:11: error: expected 'd' and a node's name after '/'"),
        ("ask de/b", "g", "t.md:11:11: error: expected 'd' and a node's name after '/', found 'b'"),
        ("ask e extra", "g", "t.md:11:10: error: unexpected 'extra' at the end of the line"),
        ("ask e\nwithin 0", "g", "t.md:12:11: error: a tolerance is a positive number (as in 'within 0.5%' or 'within 0.01')"),
        ("ask e\nwithin -1%", "g", "t.md:12:11: error: a tolerance is a positive number (as in 'within 0.5%' or 'within 0.01')"),
        ("ask e\nwithin 100%", "g", "t.md:12:11: error: a relative tolerance is under 100%"),
        ("ask e\nwithin 1\nwithin 2", "g", "t.md:13:4: error: a second 'within' line; an exercise has one tolerance"),
        ("ask e\nwithin", "g", "t.md:12:10: error: expected a number"),
    ]
    for (source, name, expected) in cases {
        #expect(error(source, name: name) == expected, "\(source)")
    }
}

@Test func tooManyLinesIsOneErrorAtTheFence() {
    let source = Array(repeating: "# note", count: ExerciseParser.maxLines + 1).joined(separator: "\n")
    #expect(error(source, name: "g") == "t.md:10:4: error: an exercise has at most \(ExerciseParser.maxLines) lines; this one has \(ExerciseParser.maxLines + 1)")
}

/// Random bytes and random mutations of a good block never trap, and whatever fails says where.
@Test func noInputCrashesTheParser() {
    var state: UInt64 = 0x9E3779B97F4A7C15
    func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
    let alphabet = Array("with ask within de/db a b x W [ ] , = - + . % 0 1 2 3 9 e ∂ − \n\t#中")
    let good = Array("with a = 3, x[1] = -2, W = [[1, 2], [3, 4]]\nask dL/dW[0,1]\nwithin 0.5%\n")
    for round in 0..<3000 {
        var text: [Character]
        if round % 2 == 0 {
            text = (0..<Int(next() % 60)).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }
        } else {
            text = good
            for _ in 0..<(1 + Int(next() % 4)) {
                let at = Int(next() % UInt64(text.count + 1))
                if next() % 2 == 0, at < text.count { text.remove(at: at) } else { text.insert(alphabet[Int(next() % UInt64(alphabet.count))], at: at) }
            }
        }
        let (exercise, diagnostics) = parse(String(text), name: "g")
        if exercise == nil { #expect(!diagnostics.isEmpty, "\(String(text))") }
        for d in diagnostics { #expect(d.position.map { $0.line >= 10 && $0.column >= 1 } ?? false) }
    }
}

@Test func aLessonFindsItsExercisesInsideLists() throws {
    let text = "# T\n\n1. What is y?\n\n   ```exercise g\n   ask y\n   ```\n"
    let (lesson, diagnostics) = LessonParser.parse(bytes: Array(text.utf8), path: "t.md", relativePath: "t.md")
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    let exercises = try #require(lesson).exercises
    #expect(exercises.count == 1 && exercises[0].ask.nodePosition == SourcePosition(line: 6, column: 8))
    let bad = "# T\n\n1. What is y?\n\n   ```exercise g\n   ask\n   ```\n"
    let (_, errors) = LessonParser.parse(bytes: Array(bad.utf8), path: "t.md", relativePath: "t.md")
    #expect(errors.map(\.description) == ["t.md:6:7: error: expected what to ask for: 'ask de/db' (a gradient) or 'ask e' (a value)"])
}
