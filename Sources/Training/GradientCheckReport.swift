import Autodiff
import LessonModel

/// Turns a graph block's gradient-check results into its table rows and diagnostics: a failed
/// check names the leaf, the element and by how much it missed; when a relu, abs, max or min that the leaf
/// feeds sits at its kink, it is a warning naming that node instead of an error.
struct GradientCheckReport {
    let program: GraphProgram
    let plan: Plan
    let compiled: GraphCompiler.Compiled
    let path: String

    func rowsAndDiagnostics(_ results: [GradientCheck.Result]) -> ([Trace.GradientCheckRow], [Diagnostic]) {
        let index = Dictionary(uniqueKeysWithValues: compiled.ids.enumerated().map { ($1, $0) })
        var rows: [Trace.GradientCheckRow] = []
        var diagnostics: [Diagnostic] = []
        for result in results {
            guard let i = index[result.node] else { continue }
            rows.append(Trace.GradientCheckRow(node: i, maxRelativeError: result.maxRelativeError,
                                               allowedError: result.inconclusive ? nil : result.allowedError))
            guard !result.passed else { continue }
            let node = program.nodes[i]
            let detail = "∂/∂\(node.name)\(element(result.worstIndex, of: result.node)) is \(result.analytic) by backpropagation "
                + "but \(result.numeric) by finite differences, off by \(Self.short(result.maxRelativeError)) relative "
                + "where step size and rounding explain \(Self.short(GradientCheck.tolerance + result.allowedError))"
            if let kink = kink(reachedFrom: i) {
                diagnostics.append(.warning(path, node.position,
                    "gradient check of '\(node.name)' is inconclusive: \(detail); \(kink), where the derivative is a choice"))
            } else {
                diagnostics.append(.error(path, node.position,
                    "gradient check of '\(node.name)' failed: \(detail); either the lesson sits where its function is not smooth, or this is a bug in lessons"))
            }
        }
        return (rows, diagnostics)
    }

    /// `[3]` for a vector's element, `[1, 2]` for a matrix's, nothing for a scalar.
    private func element(_ i: Int, of id: NodeID) -> String {
        let dims = plan.graph.shape(of: id)?.dims ?? []
        if dims.count == 2, dims[1] > 0 { return "[\(i / dims[1]), \(i % dims[1])]" }
        return dims.isEmpty ? "" : "[\(i)]"
    }

    /// The first relu or max that depends on program node `leaf` and has an input at its kink,
    /// described as "'h' = relu(x2) sits at its kink (x2 is 0 there)".
    func kink(reachedFrom leaf: Int) -> String? {
        var reached = [Bool](repeating: false, count: program.nodes.count)
        reached[leaf] = true
        for (i, node) in program.nodes.enumerated() {
            guard case .operation(let op, let inputs, _) = node.kind,
                  inputs.allSatisfy({ $0 >= 0 && $0 < i }), inputs.contains(where: { reached[$0] }) else { continue }
            reached[i] = true
            let names = inputs.map { program.nodes[$0].name }
            switch op {
            case .relu where inputs.count == 1 && atKink(relu: inputs[0]):
                return "'\(node.name)' = relu(\(names[0])) sits at its kink (\(names[0]) is 0 there)"
            case .abs where inputs.count == 1 && atKink(relu: inputs[0]):
                return "'\(node.name)' = abs(\(names[0])) sits at its kink (\(names[0]) is 0 there)"
            case .maximum where inputs.count == 2 && tie(inputs[0], inputs[1], output: i),
                 .minimum where inputs.count == 2 && tie(inputs[0], inputs[1], output: i):
                let function = op.functionName ?? op.rawValue
                return "'\(node.name)' = \(function)(\(names[0]), \(names[1])) sits at its kink (\(names[0]) ties with \(names[1]) there)"
            case .amax where inputs.count == 1 && tiesWithin(inputs[0], result: i),
                 .amin where inputs.count == 1 && tiesWithin(inputs[0], result: i):
                let function = op.functionName ?? op.rawValue
                return "'\(node.name)' = \(function)(\(names[0])) sits at its kink (two elements of \(names[0]) tie for it there)"
            // A max-pool window's tie (looked for across the image: a warning, never a wrong error).
            case .maxPool where inputs.count == 1 && tiesWithin(inputs[0], result: i):
                return "'\(node.name)' = max_pool(\(names[0])) sits at its kink (two elements of \(names[0]) tie for a window's max there)"
            case .greater where inputs.count == 2 && tie(inputs[0], inputs[1], output: i),
                 .less where inputs.count == 2 && tie(inputs[0], inputs[1], output: i),
                 .greaterEqual where inputs.count == 2 && tie(inputs[0], inputs[1], output: i),
                 .lessEqual where inputs.count == 2 && tie(inputs[0], inputs[1], output: i),
                 .equal where inputs.count == 2 && tie(inputs[0], inputs[1], output: i),
                 .notEqual where inputs.count == 2 && tie(inputs[0], inputs[1], output: i):
                let symbol = op.operatorSymbol ?? op.rawValue
                return "'\(node.name)' = \(names[0]) \(symbol) \(names[1]) jumps there (\(names[0]) ties with \(names[1]))"
            case .clip where inputs.count == 3 && (tie(inputs[0], inputs[1], output: i) || tie(inputs[0], inputs[2], output: i)):
                let bound = tie(inputs[0], inputs[1], output: i) ? names[1] : names[2]
                return "'\(node.name)' = clip(\(names.joined(separator: ", "))) sits at its kink (\(names[0]) reaches \(bound) there)"
            case .where where inputs.count == 3 && reached[inputs[0]] && atKink(relu: inputs[0]):
                return "'\(node.name)' = where(\(names.joined(separator: ", "))) switches there (\(names[0]) is 0)"
            default: continue
            }
        }
        return nil
    }

    private func values(_ i: Int) -> [Double] { plan.value(compiled.ids[i])?.scalars ?? [] }

    private func atKink(relu input: Int) -> Bool {
        let x = values(input)
        let scale = max(1, x.reduce(0) { max($0, abs($1)) })
        return x.contains { abs($0) <= 1e-4 * scale }
    }

    /// Whether two elements of `input` (anywhere: a slice's ties are among them) equal one of
    /// the reduction's results, where its derivative is a choice.
    private func tiesWithin(_ input: Int, result: Int) -> Bool {
        let x = values(input)
        let scale = max(1, x.reduce(0) { max($0, abs($1)) })
        return values(result).contains { y in x.filter { abs($0 - y) <= 1e-4 * scale }.count > 1 }
    }

    /// Whether some element pair of max's inputs (lined up as broadcasting does) ties.
    private func tie(_ a: Int, _ b: Int, output: Int) -> Bool {
        let x = values(a), y = values(b)
        let out = plan.graph.shape(of: compiled.ids[output])?.dims ?? []
        let count = out.reduce(1, *), cols = out.last ?? 1
        // Each operand as a rows×cols grid (a vector is one row); a size of 1 repeats.
        func grid(_ i: Int) -> (rows: Int, cols: Int) {
            let dims = plan.graph.shape(of: compiled.ids[i])?.dims ?? []
            return dims.count == 2 ? (dims[0], dims[1]) : (1, dims.first ?? 1)
        }
        let (gx, gy) = (grid(a), grid(b))
        func at(_ v: [Double], _ g: (rows: Int, cols: Int), _ o: Int) -> Double? {
            guard cols > 0 else { return nil }
            let k = (g.rows == 1 ? 0 : o / cols) * g.cols + (g.cols == 1 ? 0 : o % cols)
            return k < v.count ? v[k] : nil
        }
        for o in 0..<count {
            guard let p = at(x, gx, o), let q = at(y, gy, o) else { continue }
            if abs(p - q) <= 1e-4 * max(1, abs(p), abs(q)) { return true }
        }
        return false
    }

    /// Three significant digits: `2.96e-6`, `1.5`.
    static func short(_ x: Double) -> String {
        guard x.isFinite, x != 0 else { return "\(x)" }
        var exponent = 0
        var m = abs(x)
        while m >= 10 { m /= 10; exponent += 1 }
        while m < 1 { m *= 10; exponent -= 1 }
        let mantissa = (m * 100).rounded() / 100
        let sign = x < 0 ? "-" : ""
        if exponent == 0 { return sign + "\(mantissa)" }
        return sign + "\(mantissa)e\(exponent)"
    }
}
