import Autodiff
import LessonModel
import Operations

/// Turns a resolved block program into an engine graph, locating shape errors in the lesson.
package enum GraphCompiler {
    /// The most numbers one block's graph may hold (values of all nodes together).
    package static let maxElements = 5_000_000

    /// A compiled graph: the engine's builder, and one engine node per program node.
    package struct Compiled {
        package var builder: GraphBuilder
        package var ids: [NodeID]
        package var output: NodeID
    }

    /// Gives the value of a `data` or `initialized` node (model blocks); nil means "not available".
    package typealias LeafSource = (Int, ProgramNode) -> Result<(LeafKind, Tensor), Diagnostic>

    package static func compile(_ program: GraphProgram, path: String, leaves: LeafSource? = nil) -> Result<Compiled, Diagnostic> {
        var builder = GraphBuilder()
        var ids: [NodeID] = []
        var elements = 0
        for node in program.nodes {
            let id: NodeID
            do {
                switch node.kind {
                case .input(let literal): id = builder.leaf(.input, value: try tensor(literal))
                case .parameter(let literal): id = builder.leaf(.parameter, value: try tensor(literal))
                case .constant(let literal): id = builder.leaf(.constant, value: try tensor(literal))
                case .operation(let op, let inputs, let exponent):
                    guard inputs.allSatisfy({ $0 >= 0 && $0 < ids.count }) else {
                        return .failure(.error(path, node.position, "internal error: '\(node.name)' uses a node defined after it"))
                    }
                    if let spec = node.index, let first = inputs.first, let shape = builder.shape(of: ids[first]) {
                        // Checked here, where the operand's name is known: "index 5 is out of range for X's 3 rows".
                        let operand = program.nodes[first]
                        _ = try IndexRules.block(of: shape, spec, name: operand.isNamed ? operand.name : nil)
                    }
                    id = try builder.apply(Op(op, exponent: exponent ?? 1, axis: node.axis, dims: node.dims,
                                              index: node.index ?? IndexSpec(), operands: inputs.count), inputs.map { ids[$0] })
                    if op == .embedding, inputs.count == 2 {
                        // The ids are checked once, here, where their values and the table's name are known.
                        let table = program.nodes[inputs[0]]
                        try EmbeddingRules.check(ids: builder.leafValue(of: ids[inputs[1]]), rows: builder.shape(of: ids[inputs[0]])?.dims.first ?? 0,
                                                 table: table.isNamed ? table.name : nil)
                    }
                case .data, .initialized:
                    guard let leaves else {
                        return .failure(.error(path, node.position, "'\(node.name)' needs a model block: data nodes and initializers are not part of graph blocks"))
                    }
                    switch leaves(ids.count, node) {
                    case .success(let (kind, value)): id = builder.leaf(kind, value: value)
                    case .failure(let d): return .failure(d)
                    }
                }
            } catch {
                return .failure(.error(path, node.position, error.message))
            }
            elements += builder.shape(of: id)?.count ?? 0
            if elements > maxElements {
                return .failure(.error(path, node.position,
                    "'\(node.name)' makes this graph hold more than \(maxElements) numbers (the limit per block)"))
            }
            ids.append(id)
        }
        guard program.output >= 0, program.output < ids.count else {
            return .failure(.error(path, SourcePosition(line: 1, column: 1), "internal error: the block has no output node"))
        }
        return .success(Compiled(builder: builder, ids: ids, output: ids[program.output]))
    }

    private static func tensor(_ literal: TensorLiteral) throws(ShapeError) -> Tensor {
        let shape: Shape
        switch literal.dims.count {
        case 0: shape = .scalar
        case 1: shape = .vector(literal.dims[0])
        case 2: shape = .matrix(literal.dims[0], literal.dims[1])
        default: throw ShapeError("tensor literals have at most 2 dimensions")
        }
        return try Tensor(shape: shape, scalars: literal.scalars)
    }
}
