import Autodiff
import LessonModel

/// Runs a `graph` block: one forward and one backward pass, with every value and gradient
/// checked for NaN/Inf and every leaf's gradient checked against finite differences.
package enum GraphRunner {
    /// A gradient whose relative error against finite differences exceeds this fails the build:
    /// it can only mean an engine bug.
    package static let gradientCheckTolerance = 1e-6

    package static func run(_ program: GraphProgram, lesson: String, block: String, path: String) -> (Trace?, [Diagnostic]) {
        let compiled: GraphCompiler.Compiled
        switch GraphCompiler.compile(program, path: path) {
        case .failure(let d): return (nil, [d])
        case .success(let c): compiled = c
        }
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
        for i in compiled.ids.indices.reversed() {
            if let g = plan.gradient(compiled.ids[i]), g.scalars.contains(where: { !$0.isFinite }) {
                return (nil, [.error(path, program.nodes[i].position, "the gradient of '\(program.nodes[i].name)' is not finite; the function is not differentiable at these values")])
            }
        }
        var diagnostics: [Diagnostic] = []
        let leaves = program.nodes.indices.filter {
            if case .input = program.nodes[$0].kind { return true }
            if case .parameter = program.nodes[$0].kind { return true }
            return false
        }
        var checks: [Trace.GradientCheckRow] = []
        if let results = try? GradientCheck.run(plan, leaves: leaves.map { compiled.ids[$0] }) {
            let kink = nearKink(plan, compiled: compiled, program: program)
            for result in results {
                guard let i = index[result.node] else { continue }
                checks.append(Trace.GradientCheckRow(node: i, maxRelativeError: result.maxRelativeError))
                // Rounding in a large sum is not an engine bug: it widens the tolerance.
                guard result.maxRelativeError > gradientCheckTolerance + result.roundingError else { continue }
                let detail = "analytic \(result.analytic) vs finite difference \(result.numeric) (relative error \(result.maxRelativeError))"
                if let kinkNode = kink {
                    diagnostics.append(.warning(path, program.nodes[i].position,
                        "gradient check of '\(program.nodes[i].name)' is inconclusive: \(detail); '\(kinkNode)' sits at a kink, where the derivative is a choice"))
                } else {
                    diagnostics.append(.error(path, program.nodes[i].position,
                        "gradient check of '\(program.nodes[i].name)' failed: \(detail); this is a bug in lessons"))
                }
            }
        }
        let trace = Trace(lesson: lesson, block: block, kind: .graph,
                          nodes: traceNodes(program, plan: plan, compiled: compiled),
                          output: program.output,
                          steps: [step(0, plan: plan, compiled: compiled)],
                          gradientCheck: checks)
        return (diagnostics.contains { $0.severity == .error } ? nil : trace, diagnostics)
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
            return Trace.Node(name: node.name, op: op.name, symbol: op.symbol, role: role, inputs: inputs,
                              shape: plan.graph.shape(of: id)?.dims ?? [], isNamed: node.isNamed, position: node.position)
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

    /// The name of a relu or max node whose input sits (almost) exactly at its kink, if any.
    static func nearKink(_ plan: Plan, compiled: GraphCompiler.Compiled, program: GraphProgram) -> String? {
        for (i, id) in compiled.ids.enumerated() {
            guard let op = plan.graph.op(of: id), let inputs = plan.graph.inputs(of: id) else { continue }
            if op == .relu, let x = plan.value(inputs[0])?.scalars, x.contains(where: { abs($0) < 1e-4 }) {
                return program.nodes[i].name
            }
            if op == .maximum, inputs.count == 2, let a = plan.value(inputs[0]), let b = plan.value(inputs[1]),
               let out = plan.value(id) {
                // Broadcasting makes element pairs awkward; a tie shows up as both inputs reaching the output value.
                let aHits = a.scalars.contains { v in out.scalars.contains { abs($0 - v) < 1e-4 } }
                let bHits = b.scalars.contains { v in out.scalars.contains { abs($0 - v) < 1e-4 } }
                if aHits && bHits && tie(a.scalars, b.scalars) { return program.nodes[i].name }
            }
        }
        return nil
    }

    private static func tie(_ a: [Double], _ b: [Double]) -> Bool {
        if a.count == 1 { return b.contains { abs($0 - a[0]) < 1e-4 } }
        if b.count == 1 { return a.contains { abs($0 - b[0]) < 1e-4 } }
        if a.count == b.count { return zip(a, b).contains { abs($0 - $1) < 1e-4 } }
        return true
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
