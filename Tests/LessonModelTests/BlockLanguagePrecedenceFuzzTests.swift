import Testing
@testable import LessonModel
import TestSupport

// Random expression trees, printed with as few parentheses as the precedence rules allow, must
// parse back into the same tree. The printer below is the reference: written from the grammar,
// independently of the parser.

private indirect enum Tree {
    case name(String)
    case number(Int)
    case binary(String, Tree, Tree)
    case negate(Tree)
    case power(Tree, Int)
    case call(String, [Tree])

    /// 1: + -   2: * / @   3: unary minus   4: ^   5: names, numbers, calls
    var precedence: Int {
        switch self {
        case .binary(let op, _, _): return op == "+" || op == "-" ? 1 : 2
        case .negate: return 3
        case .power: return 4
        case .name, .number, .call: return 5
        }
    }

    /// The source with minimal parentheses: left operands may share the operator's precedence
    /// (left-associative), right operands may not; a power's base must be a primary.
    var source: String {
        func wrapped(_ t: Tree, if needed: Bool) -> String { needed ? "(\(t.source))" : t.source }
        switch self {
        case .name(let n): return n
        case .number(let k): return "\(k)"
        case .binary(let op, let l, let r):
            return "\(wrapped(l, if: l.precedence < precedence)) \(op) \(wrapped(r, if: r.precedence <= precedence))"
        case .negate(let e): return "-" + wrapped(e, if: e.precedence < 3)
        case .power(let base, let k): return wrapped(base, if: base.precedence < 5) + "^\(k)"
        case .call(let f, let args): return "\(f)(" + args.map(\.source).joined(separator: ", ") + ")"
        }
    }

    /// The tree in the form `canonical(_:in:)` gives a program node.
    var canonical: String {
        let ops = ["+": "add", "-": "subtract", "*": "multiply", "/": "divide", "@": "matmul"]
        switch self {
        case .name(let n): return n
        case .number(let k): return "\(Double(k))"
        case .binary(let op, let l, let r): return "\(ops[op] ?? op)(\(l.canonical), \(r.canonical))"
        case .negate(let e): return "negate(\(e.canonical))"
        case .power(let base, let k): return "power(\(base.canonical), \(Double(k)))"
        case .call(let f, let args): return "\(f == "max" ? "maximum" : f)(" + args.map(\.canonical).joined(separator: ", ") + ")"
        }
    }

    static func random(depth: Int, _ rng: inout SplitMix64) -> Tree {
        let choice = depth == 0 ? rng.next(below: 2) : rng.next(below: 8)
        switch choice {
        case 0: return .name(["x", "y", "z"][rng.next(below: 3)])
        case 1: return .number(rng.next(below: 10))
        case 2, 3, 4:
            let op = ["+", "-", "*", "/", "@"][rng.next(below: 5)]
            return .binary(op, random(depth: depth - 1, &rng), random(depth: depth - 1, &rng))
        case 5:
            // A minus before a plain number folds into the constant; keep negations of other things.
            let e = random(depth: depth - 1, &rng)
            if case .number = e { return .negate(.name("x")) }
            return .negate(e)
        case 6: return .power(random(depth: depth - 1, &rng), 1 + rng.next(below: 3))
        default:
            return rng.next(below: 2) == 0 ? .call("exp", [random(depth: depth - 1, &rng)])
                : .call("max", [random(depth: depth - 1, &rng), random(depth: depth - 1, &rng)])
        }
    }
}

/// A program node written out as nested calls, leaves by name (inputs) or value (constants).
private func canonical(_ index: Int, in program: GraphProgram) -> String {
    let node = program.nodes[index]
    switch node.kind {
    case .input, .parameter, .data, .initialized: return node.name
    case .constant(let t): return "\(t.scalars.first ?? .nan)"
    case .operation(let op, let inputs, let exponent):
        var parts = inputs.map { canonical($0, in: program) }
        if let exponent { parts.append("\(exponent)") }
        return "\(op.rawValue)(\(parts.joined(separator: ", ")))"
    }
}

@Test func randomExpressionsParseBackIntoTheirTrees() throws {
    var rng = SplitMix64(seed: 42)
    for _ in 0..<500 {
        let tree = Tree.random(depth: 4, &rng)
        if case .name = tree { continue }     // `r = x` is a rename, an error by design
        if case .number = tree { continue }   // `r = 3` is a leaf
        let source = "x = 1\ny = 2\nz = 3\nr = \(tree.source)\n"
        let program = try graphProgram(source)
        #expect(canonical(program.output, in: program) == tree.canonical, "\(tree.source)")
    }
}
