/// TeX math, as written in machine-learning teaching material, converted to MathML Core at build
/// time, so pages need no JavaScript to show formulas.
package enum TeXMath {
    /// Converts one formula. `display` gives `<math display="block">` and display style (limits
    /// under and over sums). Never fails: each problem is reported, and the faulty part (for broken
    /// structure, the whole formula) is shown as its TeX source inside `<merror>`.
    package static func convert(_ tex: String, display: Bool) -> MathConversion {
        let tokens = Lexer.tokens(of: tex)
        var parser = Parser(tokens: tokens, source: Array(tex.unicodeScalars), display: display)
        let body: Element
        var problems: [TeXProblem]
        do {
            body = Element.row(try parser.parseFormula())
            problems = parser.problems
        } catch {
            body = Element("merror", children: [Element.token("mtext", tex)])
            problems = parser.problems + [error.problem]
        }
        problems.sort { $0.offset < $1.offset }
        return MathConversion(mathML: MathMarkup.math(body, tex: tex, display: display), problems: problems)
    }
}

/// The result of converting one formula.
package struct MathConversion: Sendable, Equatable {
    /// The `<math>` element, with the TeX in `alttext` and in an `application/x-tex` annotation.
    package var mathML: String
    /// What could not be converted, in source order; empty for a clean conversion.
    package var problems: [TeXProblem]
}

/// Something in a formula that is not supported or not well-formed.
package struct TeXProblem: Sendable, Equatable, CustomStringConvertible {
    /// Where the offending text starts, in Unicode scalars from the start of the formula.
    package var offset: Int
    package var message: String

    package init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    /// The 0-based line and column (in Unicode scalars) of `offset` within `tex`, for formulas that span lines.
    package func lineAndColumn(in tex: String) -> (line: Int, column: Int) {
        var line = 0, column = 0
        for (i, s) in tex.unicodeScalars.enumerated() {
            if i == offset { break }
            if s == "\n" { line += 1; column = 0 } else { column += 1 }
        }
        return (line, column)
    }

    package var description: String { "\(offset): \(message)" }
}
