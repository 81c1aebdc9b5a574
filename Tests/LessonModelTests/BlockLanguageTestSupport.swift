import Testing
@testable import LessonModel

/// A graph block whose fence is on line 1 of `t.md`, so its first source line is line 2.
func graphBlock(_ source: String, fenceLine: Int = 1) -> LessonBlock {
    LessonBlock(kind: .graph, name: nil, source: source, fenceLine: fenceLine)
}

/// The diagnostics of a graph block, as `path:line:col: error: message` strings.
func graphErrors(_ source: String) -> [String] {
    BlockLanguage.parseGraph(graphBlock(source), path: "t.md").1.map(\.description)
}

/// The program of a graph block that must have no errors.
func graphProgram(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> GraphProgram {
    let (program, diagnostics) = BlockLanguage.parseGraph(graphBlock(source), path: "t.md")
    #expect(diagnostics.map(\.description) == [], sourceLocation: sourceLocation)
    return try #require(program, sourceLocation: sourceLocation)
}

/// The program as one line per node: `x = input [2]: 1.0, 2.0`, `c1 = const 1.0`,
/// `u1 = add(x, c1)`, `u2 = power(u1, 2.0)`.
func listing(_ program: GraphProgram) -> [String] {
    program.nodes.map { node in
        func tensor(_ t: TensorLiteral) -> String {
            t.dims.isEmpty ? "\(t.scalars[0])"
                : "\(t.dims): " + t.scalars.map { "\($0)" }.joined(separator: ", ")
        }
        switch node.kind {
        case .input(let t): return "\(node.name) = input \(tensor(t))"
        case .parameter(let t): return "\(node.name) = param \(tensor(t))"
        case .constant(let t): return "\(node.name) = const \(tensor(t))"
        case .data(let name): return "\(node.name) = data \(name)"
        case .initialized(let spec): return "\(node.name) = param \(spec)"
        case .operation(let op, let inputs, let exponent):
            var arguments = inputs.map { program.nodes[$0].name }
            if let exponent { arguments.append("\(exponent)") }
            return "\(node.name) = \(op.rawValue)(\(arguments.joined(separator: ", ")))"
        }
    }
}

/// Where each node was written, as `name@line:column`.
func positions(_ program: GraphProgram) -> [String] {
    program.nodes.map { "\($0.name)@\($0.position)" }
}
