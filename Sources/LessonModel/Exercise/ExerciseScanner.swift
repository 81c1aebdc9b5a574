import Foundation

extension ExerciseParser {
    /// Reads one line of an exercise block, character by character, knowing each one's column.
    struct Scanner {
        private let characters: [Character]
        private var i = 0
        private let line: Int
        private let indent: Int

        init(_ text: String, line: Int, indent: Int) {
            characters = Array(text)
            self.line = line
            self.indent = indent
        }

        static func isName(_ text: String) -> Bool {
            guard let head = text.first, head.isLetter || head == "_" else { return false }
            return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        }

        var atEnd: Bool { i >= characters.count }
        var peek: Character? { atEnd ? nil : characters[i] }
        var rest: String { String(characters[i...]) }
        /// Columns count Unicode scalars, as everywhere in diagnostics.
        var position: SourcePosition {
            SourcePosition(line: line, column: indent + 1 + characters[..<min(i, characters.count)].reduce(0) { $0 + $1.unicodeScalars.count })
        }

        mutating func skipSpaces() { while let c = peek, c == " " || c == "\t" || c == "\r" { i += 1 } }

        mutating func take(_ c: Character) -> Bool {
            guard peek == c else { return false }
            i += 1
            return true
        }

        /// Letters, digits, `_` and `∂`; empty when none is here.
        mutating func word() -> String {
            let start = i
            while let c = peek, c.isLetter || c.isNumber || c == "_" || c == "∂" { i += 1 }
            return String(characters[start..<i])
        }

        /// `[2]` or `[0, 1]` when the next character is `[`; nil otherwise.
        mutating func index() throws -> [Int]? {
            guard peek == "[" else { return nil }
            i += 1
            var entries: [Int] = []
            repeat {
                skipSpaces()
                let at = position
                let start = i
                while let c = peek, c.isASCII, c.isNumber { i += 1 }
                guard i > start, let k = Int(String(characters[start..<i])), k < 1_000_000 else {
                    throw ExerciseError(at, "expected an index (0, 1, ...) inside [ ]")
                }
                entries.append(k)
                skipSpaces()
            } while take(",")
            guard take("]") else { throw ExerciseError(position, "expected ']' to close the index") }
            guard entries.count <= 2 else { throw ExerciseError(position, "an index has one number for a vector and two for a matrix, not \(entries.count)") }
            return entries
        }

        /// A finite decimal number: `3`, `-1.5`, `−2` (a typeset minus), `1e-3`.
        mutating func number() throws -> Double {
            let at = position
            let start = i
            if peek == "-" || peek == "+" || peek == "−" { i += 1 }
            while let c = peek, c.isASCII, c.isNumber || c == "." || c == "e" || c == "E" ||
                    ((c == "-" || c == "+") && i > start && (characters[i - 1] == "e" || characters[i - 1] == "E")) { i += 1 }
            let text = String(characters[start..<i]).replacingOccurrences(of: "−", with: "-")
            guard let x = Double(text), text.last != "." else {
                throw ExerciseError(at, text.isEmpty ? "expected a number" : "'\(text)' is not a number")
            }
            guard x.isFinite else { throw ExerciseError(at, "'\(text)' is too large; numbers must be finite") }
            return x
        }

        /// `[1, 2, 3]` or `[[1, 2], [3, 4]]`, flattened row by row.
        mutating func numberList() throws -> [Double] {
            var values: [Double] = []
            var depth = 0
            let open = position
            repeat {
                skipSpaces()
                if take("[") { depth += 1; continue }
                guard depth > 0 else { break }
                if take("]") {
                    depth -= 1
                    skipSpaces()
                    _ = depth > 0 && take(",")
                    continue
                }
                guard depth <= 2 else { throw ExerciseError(position, "a list nests at most two deep (a matrix)") }
                values.append(try number())
                guard values.count <= ExerciseParser.maxNumbers else { throw ExerciseError(open, "a list holds at most \(ExerciseParser.maxNumbers) numbers") }
                skipSpaces()
                if !take(","), peek != "]" {
                    throw ExerciseError(position, atEnd ? "expected ']' to close the list" : "expected ',' or ']' in the list")
                }
            } while depth > 0
            guard !values.isEmpty else { throw ExerciseError(open, "an empty list; give the leaf's numbers") }
            return values
        }
    }
}
