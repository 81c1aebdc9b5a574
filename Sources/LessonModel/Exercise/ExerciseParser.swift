/// Reads an `exercise` block's lines (Exercise.swift) into an `Exercise`, or reports each problem
/// at its line and column; never traps, whatever the text.
public enum ExerciseParser {
    /// At most this many lines in one block, and numbers in one `with` item.
    public static let maxLines = 50
    public static let maxNumbers = 10_000

    /// `name`: the info string's second word; `fenceLine`/`fenceColumn`: where the fence starts
    /// (the block's lines start on the next line, indented like the fence).
    public static func parse(name: String?, source: String, fenceLine: Int, fenceColumn: Int,
                             diagnostics: inout Diagnostics) -> Exercise? {
        let fence = SourcePosition(line: fenceLine, column: fenceColumn)
        guard let name, Scanner.isName(name) else {
            diagnostics.error(fence, "an exercise names its graph block: ```exercise <block name>" + (name.map { ", and '\($0)' is not a name" } ?? ""))
            return nil
        }
        var overrides: [Exercise.Override] = []
        var ask: Exercise.Ask?
        var tolerance: Exercise.Tolerance?
        var failed = false
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count > maxLines {
            diagnostics.error(fence, "an exercise has at most \(maxLines) lines; this one has \(lines.count)")
            return nil
        }
        for (k, line) in lines.enumerated() {
            var scanner = Scanner(String(line), line: fenceLine + 1 + k, indent: fenceColumn - 1)
            scanner.skipSpaces()
            if scanner.atEnd || scanner.peek == "#" { continue }
            let keywordAt = scanner.position
            let keyword = scanner.word()
            do {
                switch keyword {
                case "with":
                    overrides += try withItems(&scanner)
                case "ask":
                    if ask != nil { throw ExerciseError(keywordAt, "an exercise asks one thing; this is a second 'ask' line") }
                    ask = try parseAsk(&scanner)
                case "within":
                    if tolerance != nil { throw ExerciseError(keywordAt, "a second 'within' line; an exercise has one tolerance") }
                    tolerance = try parseTolerance(&scanner)
                default:
                    let what = keyword.isEmpty ? "'\(scanner.peek.map(String.init) ?? "")'" : "'\(keyword)'"
                    throw ExerciseError(keywordAt, "expected 'with', 'ask' or 'within' at the start of an exercise line, found \(what)")
                }
                scanner.skipSpaces()
                if !scanner.atEnd { throw ExerciseError(scanner.position, "unexpected '\(scanner.rest)' at the end of the line") }
            } catch let error as ExerciseError {
                diagnostics.error(error.position, error.message)
                failed = true
            } catch {
                failed = true
            }
        }
        guard let ask else {
            if !failed { diagnostics.error(fence, "an exercise needs an 'ask' line: 'ask de/db' (a gradient of the block's output) or 'ask e' (a value)") }
            return nil
        }
        if failed { return nil }
        return Exercise(block: name, blockPosition: fence, overrides: overrides, ask: ask,
                        tolerance: tolerance ?? Exercise.defaultTolerance, fenceLine: fenceLine)
    }

    /// `a = 3, x = [1, 2], W[0,1] = -0.5`
    private static func withItems(_ s: inout Scanner) throws -> [Exercise.Override] {
        var items: [Exercise.Override] = []
        repeat {
            s.skipSpaces()
            let at = s.position
            let name = s.word()
            guard !name.isEmpty else { throw ExerciseError(at, "expected a leaf's name after 'with' (as in 'with a = 3, b = -1')") }
            let index = try s.index()
            s.skipSpaces()
            guard s.take("=") else { throw ExerciseError(s.position, "expected '=' and a number after '\(name)'") }
            s.skipSpaces()
            var values: [Double]
            if s.peek == "[" {
                guard index == nil else { throw ExerciseError(s.position, "one entry ('\(name)[...]') takes one number, not a list") }
                values = try s.numberList()
            } else {
                values = [try s.number()]
            }
            items.append(Exercise.Override(name: name, index: index, values: values, position: at))
            s.skipSpaces()
        } while s.take(",")
        return items
    }

    /// `de/db[1]`, `∂e/∂b`, or `e[0,1]`
    private static func parseAsk(_ s: inout Scanner) throws -> Exercise.Ask {
        s.skipSpaces()
        let at = s.position
        let first = s.word()
        guard !first.isEmpty else { throw ExerciseError(at, "expected what to ask for: 'ask de/db' (a gradient) or 'ask e' (a value)") }
        s.skipSpaces()
        if s.take("/") {
            s.skipSpaces()
            let denominatorAt = s.position
            let second = s.word()
            guard let of = strippedD(first) else {
                throw ExerciseError(at, "a gradient is written 'dout/dleaf' (as in 'ask de/db'), and '\(first)' does not start with d")
            }
            guard let node = strippedD(second) else {
                throw ExerciseError(denominatorAt, second.isEmpty ? "expected 'd' and a node's name after '/'" : "expected 'd' and a node's name after '/', found '\(second)'")
            }
            let nodeAt = SourcePosition(line: denominatorAt.line, column: denominatorAt.column + 1)
            let indexAt = s.position
            let index = try s.index()
            return Exercise.Ask(quantity: .gradient, of: of, ofPosition: SourcePosition(line: at.line, column: at.column + 1),
                                node: node, nodePosition: nodeAt, index: index, indexPosition: index == nil ? nil : indexAt)
        }
        let indexAt = s.position
        let index = try s.index()
        return Exercise.Ask(quantity: .value, of: nil, ofPosition: nil, node: first, nodePosition: at,
                            index: index, indexPosition: index == nil ? nil : indexAt)
    }

    private static func strippedD(_ word: String) -> String? {
        guard let head = word.first, head == "d" || head == "∂" else { return nil }
        let rest = String(word.dropFirst())
        return Scanner.isName(rest) ? rest : nil
    }

    /// `0.5%` or `0.01`
    private static func parseTolerance(_ s: inout Scanner) throws -> Exercise.Tolerance {
        s.skipSpaces()
        let at = s.position
        let x = try s.number()
        let percent = s.take("%")
        guard x > 0 else { throw ExerciseError(at, "a tolerance is a positive number (as in 'within 0.5%' or 'within 0.01')") }
        if percent {
            guard x < 100 else { throw ExerciseError(at, "a relative tolerance is under 100%") }
            return .relative(x / 100)
        }
        return .absolute(x)
    }
}

/// A located problem in an exercise block.
struct ExerciseError: Error {
    var position: SourcePosition
    var message: String
    init(_ position: SourcePosition, _ message: String) {
        self.position = position
        self.message = message
    }
}
