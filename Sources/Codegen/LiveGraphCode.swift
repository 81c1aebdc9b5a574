import Autodiff
import Operations
import Training

/// A graph block as the page's evaluator runs it: the engine graph rebuilt from the block's
/// trace (its ops, shapes and the leaves' values at step 0), compiled, and written out for
/// `LessonsKernels` (Autodiff/JavaScriptKernels.swift). Trace node i is engine node i, so the
/// page finds node i's numbers at `plan.nodes[i]`.
package enum LiveGraphCode {
    /// The plan as a JavaScript object literal, or nil for a trace that is not a graph block's,
    /// has no step, or names an op the registry does not know (an old cache entry).
    package static func plan(_ trace: Trace) -> String? {
        rebuild(trace)?.plan.javaScript()
    }

    /// The engine's plan of a graph block's trace (not yet run), with `values` in place of the
    /// lesson's for the leaves it names (trace index → row-major numbers; wrong counts make it nil),
    /// and the engine node of each trace node. The browser tests run it for edited values.
    package static func rebuild(_ trace: Trace, values: [Int: [Double]] = [:]) -> (plan: Plan, ids: [NodeID])? {
        guard trace.kind == .graph, let step = trace.steps.first, step.values.count == trace.nodes.count,
              trace.output >= 0, trace.output < trace.nodes.count else { return nil }
        var builder = GraphBuilder()
        var ids: [NodeID] = []
        for (i, node) in trace.nodes.enumerated() {
            let shape: Shape
            switch node.shape.count {
            case 0: shape = .scalar
            case 1: shape = .vector(node.shape[0])
            default: shape = .matrix(node.shape[0], node.shape[1])
            }
            switch node.role {
            case .input, .parameter, .constant:
                guard let value = try? Tensor(shape: shape, scalars: values[i] ?? step.values[i]) else { return nil }
                let kind: LeafKind = node.role == .input ? .input : node.role == .parameter ? .parameter : .constant
                ids.append(builder.leaf(kind, value: value))
            case .operation:
                guard let operation = Operation(traceName: node.op),
                      node.inputs.allSatisfy({ $0 >= 0 && $0 < i }) else { return nil }
                if operation == .power, node.exponent == nil { return nil }
                guard let id = try? builder.apply(Op(operation, exponent: node.exponent ?? 1,
                                                       axis: AxisOption(axis: node.axis, keepdims: node.keepdims ?? false),
                                                       // A reshape's sizes are its own shape, which the trace keeps;
                                                       // conv2d's and the pools' window is kept as such, dropout's seed as [seed].
                                                       dims: node.seed.map { [$0] } ?? node.window ?? node.shape,
                                                       index: node.index.flatMap(IndexSpec.init(numbers:)) ?? IndexSpec(),
                                                       operands: node.inputs.count),
                                                    node.inputs.map({ ids[$0] })) else {
                    return nil
                }
                ids.append(id)
            }
        }
        guard let plan = try? Plan(builder, output: ids[trace.output]) else { return nil }
        return (plan, ids)
    }
}
