import LessonModel
import Operations

/// Writes a trace as `lessons-trace/3` JSON, byte-for-byte deterministic: fixed key order, and
/// numbers as Swift's shortest round-trip `description`, so every Float64 reads back exactly.
///
/// Compact: no indentation or spaces, one line per node and per step; the values of inputs
/// and constants that are the same at every traced step are written once, under `constant`,
/// instead of in every step (`lessons-trace/1` repeated them and was pretty-printed).
package enum TraceJSON {
    package static let format = "lessons-trace/3"

    package static func encode(_ trace: Trace) -> String {
        // No lesson name: a trace records a run, and both editions of a lesson share it (`SharedTraces`).
        var out = "{\"format\":\(string(format)),\"block\":\(string(trace.block)),"
        out += "\"kind\":\(string(trace.kind.rawValue)),"
        out += "\"output\":\(string(trace.nodes.indices.contains(trace.output) ? trace.nodes[trace.output].name : "")),\n"
        out += "\"nodes\":[\n"
        out += trace.nodes.map { node in
            let inputs = node.inputs.compactMap { trace.nodes.indices.contains($0) ? string(trace.nodes[$0].name) : nil }
            return "{\"name\":\(string(node.name)),\"op\":\(string(node.op)),\"inputs\":[\(inputs.joined(separator: ","))],"
                + "\"shape\":[\(node.shape.map(String.init).joined(separator: ","))]\(options(node))}"
        }.joined(separator: ",\n")
        var budget = maxNumbers
        let constant = unchanging(trace)
        out += "],\n\"constant\":" + table(trace, only: constant, budget: &budget) { trace.steps.first?.values[$0] ?? [] }
        out += ",\n\"steps\":[\n"
        let changing = Set(trace.nodes.indices).subtracting(constant)
        out += trace.steps.map { step in
            var s = "{\"step\":\(step.step)"
            if let loss = step.loss { s += ",\"loss\":\(number(loss))" }
            s += ",\"value\":" + table(trace, only: changing, budget: &budget) { step.values[$0] }
            s += ",\"grad\":" + table(trace, only: Set(trace.nodes.indices), budget: &budget) { step.gradients[$0] }
            return s + "}"
        }.joined(separator: ",\n")
        out += "]"
        if !trace.gradientCheck.isEmpty {
            out += ",\n\"gradient_check\":{"
            out += trace.gradientCheck.map { "\(string(trace.nodes[$0.node].name)):\(number($0.maxRelativeError))" }
                .joined(separator: ",")
            out += "}"
        }
        return out + "}\n"
    }

    /// The node's options, so that a trace alone says what each op computed: `exponent` of a
    /// `pow`, `eps` of a norm, `p` and `seed` of a dropout (a model's step k drew its mask with
    /// seed + k), `axis`, `keepdims`, `index` (`IndexSpec.numbers`), and a window's `size` (pools),
    /// `stride`, `padding` (conv2d) and channels.
    static func options(_ node: Trace.Node) -> String {
        var out = ""
        if let e = node.exponent {
            let key = switch Operation(rawValue: node.op) {
            case .dropout: "p"
            case .layerNorm, .batchNorm: "eps"
            default: "exponent"
            }
            out += ",\"\(key)\":\(number(e))"
        }
        if let seed = node.seed { out += ",\"seed\":\(seed)" }
        if let axis = node.axis { out += ",\"axis\":\(axis)" }
        if node.keepdims == true { out += ",\"keepdims\":true" }
        if let index = node.index {
            let parts = index.map { "[" + $0.map { $0.map(String.init) ?? "null" }.joined(separator: ",") + "]" }
            out += ",\"index\":[\(parts.joined(separator: ","))]"
        }
        if let numbers = node.window {
            // Spelled as the block language spells them (`conv2d(x, k, stride: 2)`, `max_pool(x, size: 2)`).
            let w = WindowOption(numbers), isConv = Operation(rawValue: node.op) == .conv2d
            out += isConv ? ",\"stride\":\(w.stride),\"padding\":\(w.padding)" : ",\"size\":\(w.size),\"stride\":\(w.stride)"
            if isConv, w.hasChannels { out += ",\"in_channels\":\(w.inChannels),\"out_channels\":\(w.outChannels)" }
            if !isConv, w.inChannels != 1 { out += ",\"channels\":\(w.inChannels)" }
        }
        return out
    }

    /// Inputs and constants whose values are bit for bit the same at every traced step.
    static func unchanging(_ trace: Trace) -> Set<Int> {
        guard let first = trace.steps.first else { return [] }
        return Set(trace.nodes.indices.filter { i in
            guard trace.nodes[i].role == .input || trace.nodes[i].role == .constant, i < first.values.count else { return false }
            let bits = first.values[i].map(\.bitPattern)
            return trace.steps.dropFirst().allSatisfy { $0.values.indices.contains(i) && $0.values[i].map(\.bitPattern) == bits }
        })
    }

    /// The most numbers one trace file writes out in full (about 20 MB of JSON).
    package static let maxNumbers = 1_000_000
    /// A tensor larger than this is always summarised.
    package static let maxTensorNumbers = 10_000
    /// How many leading numbers a summary keeps.
    static let summaryLength = 8

    /// The numbers of the nodes in `only`, in node order: in full while `budget` lasts and the
    /// tensor is at most `maxTensorNumbers`; otherwise `{"count":n,"first":[...],"min":a,"max":b}`.
    private static func table(_ trace: Trace, only: Set<Int>, budget: inout Int, _ values: (Int) -> [Double]) -> String {
        var parts: [String] = []
        for (i, node) in trace.nodes.enumerated() where only.contains(i) {
            let values = values(i)
            let full = values.count <= summaryLength || (values.count <= maxTensorNumbers && values.count <= budget)
            if full {
                budget -= min(budget, values.count)
                parts.append("\(string(node.name)):[\(values.map(number).joined(separator: ","))]")
                continue
            }
            let finite = values.filter(\.isFinite)
            parts.append("\(string(node.name)):{\"count\":\(values.count),\"first\":[\(values.prefix(summaryLength).map(number).joined(separator: ","))],"
                + "\"min\":\(number(finite.min() ?? .nan)),\"max\":\(number(finite.max() ?? .nan))}")
        }
        return "{" + parts.joined(separator: ",") + "}"
    }

    /// A JSON number; non-finite values (which runs reject before tracing) become null.
    static func number(_ x: Double) -> String {
        x.isFinite ? x.description : "null"
    }

    /// A JSON string with the escapes RFC 8259 requires.
    package static func string(_ s: String) -> String {
        JSONString.quoted(s)
    }
}
