import LessonModel
import Operations
import Site
import Training

/// The equation of each step of the walk, with the actual numbers:
/// forward `u = x · w = 1 · 0.5 = 0.5`, backward `∂e/∂b = ∂e/∂c · ∂c/∂b + ∂e/∂d · ∂d/∂b = 2 · 1 + 3 · 1 = 5`.
struct GraphEquations {
    let trace: Trace
    let step: Trace.Step
    var words = Words.english
    /// For each node in a group, the group's index; its title in `titles`.
    private var groupOf: [Int: Int] = [:]
    private var titles: [String] = []

    /// The equations at `step`; with `groups` (a drawing whose groups can be closed), a node
    /// named in another group's equation carries that group's title.
    init(trace: Trace, step: Trace.Step, words: Words = .english, groups: [NodeGroup] = []) {
        self.trace = trace
        self.step = step
        self.words = words
        for (g, group) in groups.enumerated() {
            for i in group.members where trace.nodes.indices.contains(i) { groupOf[i] = g }
        }
        titles = groups.map { GroupSummary(trace: trace, group: $0, words: words).title }
    }

    private func name(_ i: Int) -> String { trace.nodes[i].name }

    /// Node `j` as the equation of node `i` names it: when `j` is in a group that `i` is not in,
    /// the drawing with that group closed has no card for `j`, so the text says where it is
    /// ("u3 (inside layer 2)"). Views share one text per equation, and the note is true in all.
    private func name(_ j: Int, from i: Int) -> String {
        guard let g = groupOf[j], groupOf[i] != g, titles.indices.contains(g) else { return name(j) }
        return words.groups.inside(name(j), titles[g])
    }
    private func isScalar(_ i: Int) -> Bool { trace.nodes[i].shape.isEmpty }
    private func value(_ i: Int) -> String { TensorText.inline(dims: trace.nodes[i].shape, values: step.values[i], words: words) }
    private func gradient(_ i: Int) -> String { TensorText.inline(dims: trace.nodes[i].shape, values: step.gradients[i], words: words) }

    /// How node `i` is computed from its inputs, written with the given operand texts.
    func expression(_ i: Int, _ operands: [String]) -> String {
        let node = trace.nodes[i]
        let a = operands.first ?? "", b = operands.count > 1 ? operands[1] : ""
        switch node.op {
        case "add": return "\(a) + \(b)"
        case "sub": return "\(a) − \(b)"
        case "mul": return "\(a) · \(b)"
        case "div": return "\(a) / \(b)"
        case "matmul": return "\(a) @ \(b)"
        // Comparisons as masks, in mathematical notation: [a > b] is 1 where it holds.
        case "gt", "lt", "ge", "le", "eq", "ne": return "[\(a) \(node.symbol ?? node.op) \(b)]"
        case "neg": return "−\(a)"
        case "pow": return "\(a)\(Self.superscript(node.symbol ?? "^"))"
        case "sigmoid": return "σ(\(a))"
        case "max": return "max(\(a), \(b))"
        // The reductions' trace names are NumPy's; the lesson wrote max(x) and min(x).
        case "amax", "amin": return "\(node.op.dropFirst())(\(a)\(Self.axisOptions(node)))"
        case "transpose": return "\(a)ᵀ"
        // The sizes as inferred (a -1 the lesson wrote is shown as the size it stands for).
        case "reshape": return "reshape(\(([a] + node.shape.map(String.init)).joined(separator: ", ")))"
        case "index": return a + (node.index.flatMap(IndexSpec.init(numbers:))?.python ?? "[…]")
        // A window's options only where the lesson changed them.
        case "conv2d", "max_pool", "avg_pool":
            return "\(node.op)(\(operands.joined(separator: ", "))\(Self.windowOptions(node)))"
        // p and the seed always: they decide which elements are zero.
        // A model's step k draws its mask with seed + k (Plan+Dropout.swift): the seed it used.
        case "dropout":
            let seed = (node.seed ?? 0) + (trace.kind == .model ? step.step : 0)
            return "dropout(\(a), p: \(Self.number(node.exponent ?? 0.5)), seed: \(seed))"
        // A norm's eps only when the lesson changed it.
        case "layer_norm", "batch_norm":
            let eps = node.exponent.flatMap { $0 == 1e-5 ? nil : ", eps: \($0)" } ?? ""
            return "\(node.op)(\(a)\(eps))"
        default: return "\(node.op)(\(operands.joined(separator: ", "))\(Self.axisOptions(node)))"
        }
    }

    /// "0.5", and "0" rather than "0.0".
    static func number(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)" }

    /// `, stride: 2, padding: 1` (conv2d) or `, size: 3` (the pools) where they are not the
    /// defaults, then the channels where there are several (`, in_channels: 2, out_channels: 3`).
    static func windowOptions(_ node: Trace.Node) -> String {
        guard let numbers = node.window, numbers.count >= 3 else { return "" }
        let w = WindowOption(numbers)
        if node.op == "conv2d" {
            return (w.stride != 1 ? ", stride: \(w.stride)" : "") + (w.padding != 0 ? ", padding: \(w.padding)" : "")
                + (w.hasChannels ? ", in_channels: \(w.inChannels), out_channels: \(w.outChannels)" : "")
        }
        return (w.size != 2 ? ", size: \(w.size)" : "") + (w.stride != w.size ? ", stride: \(w.stride)" : "")
            + (w.hasChannels ? ", channels: \(w.inChannels)" : "")
    }

    /// `, axis: 0` (and `, keepdims: true`) of an op along an axis, as the lesson wrote it:
    /// `s = sum(X, axis: 0) = [5, 7, 9]`, never `sum(X)`, which is another number.
    static func axisOptions(_ node: Trace.Node) -> String {
        guard let axis = node.axis else { return "" }
        return ", axis: \(axis)" + (node.keepdims == true ? ", keepdims: true" : "")
    }

    /// How step `i` of the forward walk is written: its fixed words, and which numbers fill it.
    /// The page's live evaluator (Site/Script+LiveText) writes the same forms with new numbers.
    enum ForwardForm: Equatable {
        /// `a = ` value gloss
        case leaf(prefix: String, gloss: String)
        /// `c = a + b = ` expression-over-values ` = ` value; the template's \u{1}k is operand k.
        case scalar(prefix: String, template: String)
        /// `c = a @ b = ` result (inline, or where to find it)
        case tensor(prefix: String)
    }

    /// How step `i` of the backward walk is written.
    enum BackwardForm: Equatable {
        /// No number changes it (the output's own step, a node that does not feed the output).
        case fixed(String)
        /// prefix, then per use (consumer, input position) `∂out/∂c · ∂c/∂i` as numbers, ` = ` gradient.
        case scalar(prefix: String, uses: [[Int]])
        /// prefix, each consumer's share, ` = ` gradient (a node reached along several paths).
        case shares(prefix: String, consumers: [Int])
        /// prefix, the gradient.
        case tensor(prefix: String)
    }

    func forwardForm(_ i: Int) -> ForwardForm {
        let node = trace.nodes[i]
        switch node.role {
        case .input: return .leaf(prefix: "\(node.name) = ", gloss: words.anInput)
        case .parameter: return .leaf(prefix: "\(node.name) = ", gloss: words.aParameter)
        case .constant: return .leaf(prefix: "\(node.name) = ", gloss: words.aConstant)
        case .operation:
            let prefix = "\(node.name) = \(expression(i, node.inputs.map { name($0, from: i) })) = "
            if node.inputs.allSatisfy(isScalar) && isScalar(i) {
                return .scalar(prefix: prefix, template: expression(i, node.inputs.indices.map { "\u{1}\($0)" }))
            }
            return .tensor(prefix: prefix)
        }
    }

    func forward(_ i: Int) -> String {
        switch forwardForm(i) {
        case .leaf(let prefix, let gloss): return prefix + value(i) + gloss
        case .scalar(let prefix, _):
            return prefix + expression(i, trace.nodes[i].inputs.map(value)) + " = " + value(i)
        case .tensor(let prefix): return prefix + tensorResult(i, values: step.values[i])
        }
    }

    func backwardForm(_ i: Int) -> BackwardForm {
        // The backward pass starts from a scalar: the output itself, or the sum of its entries,
        // so every gradient is named after that scalar (∂sum(H)/∂u2, never ∂H/∂u2).
        let out = isScalar(trace.output) ? name(trace.output, from: i) : "sum(\(name(trace.output, from: i)))"
        let d = { (top: String, bottom: String) in "∂\(top)/∂\(bottom)" }
        if i == trace.output {
            return .fixed(isScalar(i) ? "\(d(out, out)) = 1" + words.backwardStarts
                : "\(d(out, name(i))) = 1" + words.backwardStartsFromSum(name(i)))
        }
        // Every use of node i by a later node is one path back from the output.
        var uses: [(consumer: Int, position: Int)] = []
        for c in trace.consumers(of: i) {
            for (k, input) in trace.nodes[c].inputs.enumerated() where input == i { uses.append((c, k)) }
        }
        guard !uses.isEmpty else {
            return .fixed("\(d(out, name(i))) = 0" + words.doesNotFeed(name(i), name(trace.output)))
        }
        let chain = uses.map { "\(d(out, name($0.consumer, from: i))) · \(d(name($0.consumer), name(i)))" }.joined(separator: " + ")
        let prefix = "\(d(out, name(i))) = \(chain) = "
        // Whether each use has a local derivative depends on shapes and ops only, not on the numbers.
        if isScalar(i), uses.allSatisfy({ isScalar($0.consumer) }),
           !uses.contains(where: { step.localDerivatives[$0.consumer][$0.position] == nil }) {
            return .scalar(prefix: prefix, uses: uses.map { [$0.consumer, $0.position] })
        }
        // A node reached along several paths: show each path's share, then their sum.
        let consumers = uses.map(\.consumer).reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }
        if consumers.count > 1, !isOnCard(i), consumers.allSatisfy({ step.shares[$0][i] != nil }) {
            return .shares(prefix: prefix, consumers: consumers)
        }
        return .tensor(prefix: prefix)
    }

    func backward(_ i: Int) -> String {
        switch backwardForm(i) {
        case .fixed(let text): return text
        case .scalar(let prefix, let uses):
            let numbers = uses.map { "\(gradient($0[0])) · \(DisplayNumber.format(step.localDerivatives[$0[0]][$0[1]] ?? 0))" }
            return prefix + numbers.joined(separator: " + ") + " = " + gradient(i)
        case .shares(let prefix, let consumers):
            let parts = consumers.compactMap { step.shares[$0][i] }.map { tensorResult(i, values: $0) }
            return prefix + parts.joined(separator: " + ") + " = " + tensorResult(i, values: step.gradients[i])
        case .tensor(let prefix): return prefix + tensorResult(i, values: step.gradients[i])
        }
    }

    /// Whether node `i`'s results are too big to read inline (the walk points to its card).
    func isOnCard(_ i: Int) -> Bool {
        let dims = trace.nodes[i].shape
        if dims.count < 2 { return (dims.first ?? 1) > TensorText.maxSide }
        return !(dims[0] <= 2 && dims[1] <= TensorText.maxSide)
    }

    /// A result small enough to read inline, else where to find it.
    private func tensorResult(_ i: Int, values: [Double]) -> String {
        let dims = trace.nodes[i].shape
        guard isOnCard(i) else { return TensorText.inline(dims: dims, values: values, words: words) }
        return dims.count < 2 ? words.vectorOnCard(dims[0]) : words.matrixOnCard(dims[0], dims[1])
    }

    /// `^2` as `²`, other exponents as `^0.5`.
    static func superscript(_ symbol: String) -> String {
        let map: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶",
                                           "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"]
        let body = symbol.hasPrefix("^") ? String(symbol.dropFirst()) : symbol
        guard !body.isEmpty, body.allSatisfy({ map[$0] != nil }) else { return "^" + body }
        return String(body.compactMap { map[$0] })
    }
}
