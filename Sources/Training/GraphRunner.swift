import Autodiff
import LessonModel

/// Runs a `graph` block: one forward and one backward pass, with every value and gradient
/// checked for NaN/Inf and every leaf's gradient checked against finite differences.
package enum GraphRunner {
    package static func run(_ program: GraphProgram, lesson: String, block: String, path: String) -> (Trace?, [Diagnostic]) {
        let compiled: GraphCompiler.Compiled
        switch GraphCompiler.compile(program, path: path) {
        case .failure(let d): return (nil, [d])
        case .success(let c): compiled = c
        }
        if let d = workDiagnostic(program, compiled: compiled, path: path) { return (nil, [d]) }
        let plan: Plan
        do {
            plan = try Plan(compiled.builder, output: compiled.output)
        } catch {
            return (nil, [.error(path, program.nodes[program.output].position, "internal error: \(error.message)")])
        }
        let index = Dictionary(uniqueKeysWithValues: compiled.ids.enumerated().map { ($1, $0) })
        plan.forward()
        if let bad = plan.firstNonFinite(), let i = index[bad] {
            let node = program.nodes[i]
            let what = (plan.value(bad)?.scalars ?? []).contains { $0.isNaN } ? "NaN (not a number)" : "infinite"
            return (nil, [.error(path, node.position, "the value of '\(node.name)' is \(what); \(hint(for: plan.graph.op(of: bad)))")])
        }
        plan.backward()
        // Only gradients the page shows: a constant's (`x / 3e-280` overflows it) is nobody's concern.
        for i in compiled.ids.indices.reversed() where !isConstant(program.nodes[i]) {
            if let g = plan.gradient(compiled.ids[i]), g.scalars.contains(where: { !$0.isFinite }) {
                return (nil, [.error(path, program.nodes[i].position, "the gradient of '\(program.nodes[i].name)' is not finite; the function is not differentiable at these values")])
            }
        }
        let leaves = program.nodes.indices.filter {
            if case .input = program.nodes[$0].kind { return true }
            if case .parameter = program.nodes[$0].kind { return true }
            return false
        }
        let nodes = traceNodes(program, plan: plan, compiled: compiled)
        let descentErrors = DescentCheck.diagnostics(program, shapes: nodes.map(\.shape), path: path)
        if !descentErrors.isEmpty { return (nil, descentErrors) }
        let results = (try? GradientCheck.run(plan, leaves: leaves.map { compiled.ids[$0] })) ?? []
        let (checks, diagnostics) = GradientCheckReport(program: program, plan: plan, compiled: compiled, path: path)
            .rowsAndDiagnostics(results)
        let trace = Trace(lesson: lesson, block: block, kind: .graph,
                          nodes: nodes,
                          output: program.output,
                          steps: [step(0, plan: plan, compiled: compiled)],
                          gradientCheck: checks, groups: program.groups)
        return (diagnostics.contains { $0.severity == .error } ? nil : trace, diagnostics)
    }

    /// The work budget's error for running `program` once and checking its gradients (at most
    /// `GradientCheck.maxWork`), at its output node; nil when it fits.
    package static func workDiagnostic(_ program: GraphProgram, compiled: GraphCompiler.Compiled, path: String) -> Diagnostic? {
        let cost = WorkBudget.saturating(compiled.builder.passCost(output: compiled.output), plus: GradientCheck.maxWork)
        guard program.nodes.indices.contains(program.output) else { return nil }
        return WorkBudget.check(graphCost: cost, path: path, at: program.nodes[program.output].position)
    }

    static func traceNodes(_ program: GraphProgram, plan: Plan, compiled: GraphCompiler.Compiled) -> [Trace.Node] {
        program.nodes.enumerated().map { i, node in
            let id = compiled.ids[i]
            let op = plan.graph.op(of: id) ?? .input
            let role: Trace.Role
            let inputs: [Int]
            switch node.kind {
            case .input, .data: role = .input; inputs = []
            case .parameter, .initialized: role = .parameter; inputs = []
            case .constant: role = .constant; inputs = []
            case .operation(_, let ins, _): role = .operation; inputs = ins
            }
            // pow's exponent, a norm's eps, dropout's p.
            let exponent = op.constant
            let option = op.axisOption
            var index: [[Int?]]?
            if case .index(let spec) = op { index = spec.numbers }
            return Trace.Node(name: node.name, op: op.name, symbol: op.symbol, role: role, inputs: inputs,
                              shape: plan.graph.shape(of: id)?.dims ?? [], isNamed: node.isNamed, position: node.position,
                              exponent: exponent, axis: option?.axis, keepdims: option?.keepdims == true ? true : nil,
                              index: index, window: op.window?.numbers, seed: op.seed)
        }
    }

    /// Records the plan's current values, gradients and scalar local derivatives.
    static func step(_ number: Int, plan: Plan, compiled: GraphCompiler.Compiled, loss: Double? = nil) -> Trace.Step {
        step(number, plan: plan, ids: compiled.ids, loss: loss)
    }

    /// Records one traced step over the nodes `ids` (trace node i is `ids[i]`); the benchmark
    /// calls this directly to time tracing on a plan it built itself.
    package static func step(_ number: Int, plan: Plan, ids: [NodeID], loss: Double?) -> Trace.Step {
        var values: [[Double]] = [], gradients: [[Double]] = [], locals: [[Double?]] = [], shares: [[Int: [Double]]] = []
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let everyShare = plan.allContributions()
        for id in ids {
            values.append(plan.value(id)?.scalars ?? [])
            gradients.append(plan.gradient(id)?.scalars ?? [])
            let arity = plan.graph.inputs(of: id)?.count ?? 0
            locals.append((0..<arity).map { plan.localDerivative(of: id, input: $0) })
            var share: [Int: [Double]] = [:]
            for (input, tensor) in id.index < everyShare.count ? everyShare[id.index] : [:] {
                if let i = index[input] { share[i] = tensor.scalars }
            }
            shares.append(share)
        }
        return Trace.Step(step: number, loss: loss, values: values, gradients: gradients, localDerivatives: locals, shares: shares)
    }

    private static func isConstant(_ node: ProgramNode) -> Bool {
        if case .constant = node.kind { return true }
        return false
    }

    private static func hint(for op: Op?) -> String {
        switch op {
        case .log?: return "log needs positive inputs"
        case .divide?: return "check for a division by zero"
        case .exp?: return "exp overflows above about 709"
        case .power?: return "a negative number to a fractional power, or zero to a negative one, has no real value"
        default: return "check the inputs of this node"
        }
    }
}
