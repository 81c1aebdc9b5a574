import LessonModel
import LessonsKit
import TeXMath

/// What running one input showed.
struct Outcome {
    var errors = 0
    var warnings = 0
    /// The input's blocks were parsed but not run (a model too big to train quickly).
    var skipped = false
    /// Broken invariants: each one fails `make fuzz`.
    var violations: [String] = []
    /// The diagnostics' messages without numbers: a new one marks an input worth mutating further.
    var signature = ""
}

/// One thing to fuzz: how its inputs run, what they may not take longer than, and the tokens
/// its mutations insert.
struct Target {
    let name: String
    let maxSize: Int
    /// Seconds one input may take (a release build; generous, since the machine is shared).
    let timeLimit: Double
    let dictionary: [[UInt8]]
    /// Makes a fresh well-formed input (graph and model blocks), used for a third of the inputs.
    var generate: ((inout FuzzRandom) -> [UInt8])? = nil
    let run: (_ input: [UInt8], _ check: Bool) -> Outcome

    static let path = "fuzz.md"

    /// Whole lesson files: decode, front matter, prescan, Markdown, TeX, references, page rendering.
    static func lesson() -> Target {
        Target(name: "lesson", maxSize: 200_000, timeLimit: 3, dictionary: tokens(lessonTokens)) { input, check in
            let (lesson, parsed) = LessonParser.parse(bytes: input, path: path, relativePath: path)
            var diagnostics = parsed
            if let lesson { diagnostics += InMemoryBuild.run(lesson, runBlocks: false).diagnostics }
            var outcome = summarize(diagnostics, in: input)
            // Same bytes, same diagnostics: nothing may depend on hashing or timing.
            if check, LessonParser.parse(bytes: input, path: path, relativePath: path).1 != parsed {
                outcome.violations.append("parsing the same bytes twice gave different diagnostics")
            }
            return outcome
        }
    }

    /// Graph blocks, parsed, compiled, run, gradient-checked and drawn, inside a lesson.
    static func graph() -> Target {
        Target(name: "graph", maxSize: 32_000, timeLimit: 5, dictionary: tokens(blockTokens), generate: Generator.graph) { input, _ in
            block("graph", input)
        }
    }

    /// Model blocks: parsed always, trained and drawn when small enough to train in a moment.
    static func model() -> Target {
        Target(name: "model", maxSize: 16_000, timeLimit: 20, dictionary: tokens(blockTokens + modelTokens),
               generate: Generator.model) { input, _ in
            block("model", input)
        }
    }

    /// TeX formulas, inline and display.
    static func tex() -> Target {
        Target(name: "tex", maxSize: 8_000, timeLimit: 2, dictionary: tokens(texTokens)) { input, _ in
            let tex = String(decoding: input, as: UTF8.self)
            let display = input.count % 2 == 0
            let conversion = TeXMath.convert(tex, display: display)
            var outcome = Outcome()
            outcome.warnings = conversion.problems.count
            let scalars = tex.unicodeScalars.count
            for problem in conversion.problems where problem.offset < 0 || problem.offset > scalars {
                outcome.violations.append("problem offset \(problem.offset) outside the formula (\(scalars) scalars): \(problem.message)")
            }
            if !conversion.mathML.hasPrefix("<math") || !conversion.mathML.hasSuffix("</math>") {
                outcome.violations.append("the MathML is not one <math> element")
            }
            outcome.signature = conversion.problems.map { stripDigits($0.message) }.sorted().joined(separator: "|")
            return outcome
        }
    }

    /// `input` as the source of a block of `kind` in a lesson, run as a build runs it.
    private static func block(_ kind: String, _ input: [UInt8]) -> Outcome {
        // A fence longer than any backtick run inside, so the block cannot be closed early.
        var longest = 0, run = 0
        for byte in input { run = byte == 0x60 ? run + 1 : 0; longest = max(longest, run) }
        let fence = Array(repeating: UInt8(ascii: "`"), count: max(3, longest + 1))
        let bytes = fence + Array("\(kind) b\n".utf8) + input + [0x0A] + fence + [0x0A]
        let (lesson, parsed) = LessonParser.parse(bytes: bytes, path: path, relativePath: path)
        var diagnostics = parsed
        var skipped = false
        if let lesson {
            let affordable = lesson.lessonBlocks.allSatisfy { block in
                block.kind == .graph || BlockLanguage.parseModel(block, path: path).0.map(quickToTrain) ?? true
            }
            skipped = !affordable
            diagnostics += InMemoryBuild.run(lesson, runBlocks: affordable).diagnostics
        }
        var outcome = summarize(diagnostics, in: bytes)
        outcome.skipped = skipped
        return outcome
    }

    /// A rough bound on training work (epochs × examples × numbers in the graph), so one input
    /// trains in well under a second; larger models are only parsed.
    static func quickToTrain(_ model: ModelProgram) -> Bool {
        var numbers = 1.0
        for node in model.graph.nodes {
            switch node.kind {
            case .input(let t), .parameter(let t), .constant(let t): numbers += Double(t.scalars.count)
            case .initialized(let spec): numbers += spec.dims.reduce(1.0) { $0 * Double($1) }
            default: numbers += 1
            }
        }
        var examples = 4.0
        if case .builtin(_, let arguments, _) = model.data { examples = arguments["n"] ?? 300 }
        return Double(model.train.epochs) * max(1, examples) * numbers <= 2e7
    }

    /// Counts and position checks: every located diagnostic of the lesson lies inside its text.
    static func summarize(_ diagnostics: [Diagnostic], in bytes: [UInt8]) -> Outcome {
        var outcome = Outcome()
        let lines = lineLengths(bytes)
        for d in diagnostics {
            if d.severity == .error { outcome.errors += 1 } else { outcome.warnings += 1 }
            guard d.path == path, let p = d.position else { continue }
            if p.line < 1 || p.line > lines.count || p.column < 1 || p.column > lines[p.line - 1] + 1 {
                outcome.violations.append("position \(p) is outside the file (\(lines.count) lines): \(d)")
            }
        }
        outcome.signature = Set(diagnostics.map { stripDigits($0.message) }).sorted().joined(separator: "|")
        return outcome
    }

    /// The length of each line in Unicode scalars, as positions count them: BOM dropped, CRLF
    /// and CR as line ends, invalid UTF-8 counted a byte at a time (an upper bound).
    static func lineLengths(_ bytes: [UInt8]) -> [Int] {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        var lengths: [Int] = []
        var line: [UInt8] = []
        var i = 0
        func finish() {
            let valid = String(validating: line, as: UTF8.self)
            lengths.append(valid.map { $0.unicodeScalars.count } ?? line.count)
            line = []
        }
        while i < body.count {
            if body[i] == 0x0A || body[i] == 0x0D {
                finish()
                if body[i] == 0x0D, i + 1 < body.count, body[i + 1] == 0x0A { i += 1 }
            } else {
                line.append(body[i])
            }
            i += 1
        }
        finish()
        return lengths
    }

    /// A message's shape: without numbers and quoted text, so "unknown function 'a'" and
    /// "unknown function 'b'" count as one kind of diagnostic.
    static func stripDigits(_ message: String) -> String {
        var shape = ""
        var quoted = false
        for c in message.unicodeScalars {
            if c == "'" { quoted.toggle(); continue }
            if quoted || (c >= "0" && c <= "9") { continue }
            shape.unicodeScalars.append(c)
        }
        return String(shape.prefix(120))
    }

    static func tokens(_ strings: [String]) -> [[UInt8]] { strings.map { Array($0.utf8) } }

    static let lessonTokens = [
        "```", "```graph g\n", "```model m\n", "~~~", "$$", "$", "\\(", "\\)", "\\[", "\\]", "[", "]", "](", "![a](", ")",
        "> ", "- ", "1. ", "* ", "---\n", "...\n", "{{ ", " }}", "{{ g.y.grad }}", "{% ", " %}", "{:toc}", "{: .c}",
        "<img src=\"", "\">", "<figure>", "</figure>", "\n", "\r\n", "\r", "\t", "    ", "\u{FEFF}", "|", "|---|", "# ",
        "title: ", "order: ", "summary: ", "&amp;", "\\", "_", "**", "~~", "<", "é", "中", "\u{200B}", "\u{0301}", "<!--",
        "-->", "[x]: /u", "`", "x = 1\n", "\\frac{", "}", "{",
    ]
    static let blockTokens = [
        "(", ")", "[", "]", "[[", "]]", ",", "@", "^", "+", "-", "*", "/", "=", "param ", "\n", "#", "x", "y", "w", "b",
        "exp(", "log(", "sigmoid(", "tanh(", "relu(", "sum(", "mean(", "transpose(", "max(", "1e308", "1e-320", "0", "-0",
        "0.5", "1e400", "\t", " ", "_", "é", "[1, 2]", "[[1, 2], [3, 4]]", "x = ", "y = ", "z = x @ w\n", "u1", "c1",
    ]
    static let modelTokens = [
        "data xor\n", "data moons(n: 20, noise: 0.1)\n", "data spiral(n: 30, classes: 3)\n", "data csv(\"p.csv\", x: [a], y: [b])\n",
        "split 0.25\n", "layers 2 -> 3 tanh -> 1\n", " -> ", "train sgd(lr: 0.1) epochs 20\n",
        "train adam(lr: 0.01) epochs 10 batch 2 seed 3\n", "train momentum(lr: 0.1, beta: 0.9) epochs 5\n", "trace every 1\n",
        "trace log 3\n", "loss = ", "out = ", "X", "uniform(0, 1, [2, 3])", "normal(0, 1, [3, 1])", "xavier([2, 2])",
        "he([2, 1])", "zeros([1])", "bce_logits(", "softmax_cross_entropy(", "epochs ", "batch ", "seed ", "lr: ", ": ",
        "noise: ", "n: ", "classes: ", "factor: ",
    ]
    static let texTokens = [
        "{", "}", "^", "_", "\\frac", "\\frac{", "\\sqrt", "\\sqrt[", "\\left(", "\\right)", "\\middle|", "\\left.",
        "\\right.", "\\begin{matrix}", "\\end{matrix}", "\\begin{cases}", "\\end{cases}", "\\begin{array}{cc}",
        "\\end{array}", "\\begin{aligned}", "\\end{aligned}", "&", "\\\\", "\\text{", "\\operatorname{", "\\mathbb{",
        "\\boldsymbol{", "\\hat{", "\\underbrace{", "}_{", "\\overset{", "\\not", "\\big(", "\\sum", "\\int", "\\lim_{",
        "\\", "\\unknowncmd", "%", "#", "~", "$", "\n", " ", "x", "1", "α", "\\alpha", "'", "\\,", "\\quad",
        "\\color{red}", "\\limits", "\\displaystyle", "\\mathrm{", "\\begin{", "\\end{", "]",
    ]
}
