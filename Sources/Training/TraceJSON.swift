import LessonModel

/// Writes a trace as `lessons-trace/1` JSON, byte-for-byte deterministic: fixed key order, and
/// numbers as Swift's shortest round-trip `description`, so every Float64 reads back exactly.
package enum TraceJSON {
    package static let format = "lessons-trace/1"

    package static func encode(_ trace: Trace) -> String {
        var out = "{\n"
        out += "  \"format\": \(string(format)),\n"
        out += "  \"lesson\": \(string(trace.lesson)),\n"
        out += "  \"block\": \(string(trace.block)),\n"
        out += "  \"kind\": \(string(trace.kind.rawValue)),\n"
        out += "  \"output\": \(string(trace.nodes.indices.contains(trace.output) ? trace.nodes[trace.output].name : "")),\n"
        out += "  \"nodes\": [\n"
        out += trace.nodes.map { node in
            let inputs = node.inputs.compactMap { trace.nodes.indices.contains($0) ? string(trace.nodes[$0].name) : nil }
            return "    {\"name\": \(string(node.name)), \"op\": \(string(node.op)), \"inputs\": [\(inputs.joined(separator: ", "))], "
                + "\"shape\": [\(node.shape.map(String.init).joined(separator: ", "))]}"
        }.joined(separator: ",\n")
        out += "\n  ],\n  \"steps\": [\n"
        var budget = maxNumbers
        out += trace.steps.map { step in
            var s = "    {\"step\": \(step.step)"
            if let loss = step.loss { s += ", \"loss\": \(number(loss))" }
            s += ",\n     \"value\": " + table(step.values, trace, budget: &budget)
                + ",\n     \"grad\": " + table(step.gradients, trace, budget: &budget) + "}"
            return s
        }.joined(separator: ",\n")
        out += "\n  ]"
        if !trace.gradientCheck.isEmpty {
            out += ",\n  \"gradient_check\": {"
            out += trace.gradientCheck.map { "\(string(trace.nodes[$0.node].name)): \(number($0.maxRelativeError))" }
                .joined(separator: ", ")
            out += "}"
        }
        return out + "\n}\n"
    }

    /// The most numbers one trace file writes out in full (about 20 MB of JSON).
    package static let maxNumbers = 1_000_000
    /// A tensor larger than this is always summarised.
    package static let maxTensorNumbers = 10_000
    /// How many leading numbers a summary keeps.
    static let summaryLength = 8

    /// Each node's numbers, in full while `budget` lasts and the tensor is at most
    /// `maxTensorNumbers`; otherwise a summary: `{"count": n, "first": [...], "min": a, "max": b}`.
    private static func table(_ arrays: [[Double]], _ trace: Trace, budget: inout Int) -> String {
        "{" + zip(trace.nodes, arrays).map { node, values in
            let full = values.count <= summaryLength || (values.count <= maxTensorNumbers && values.count <= budget)
            if full {
                budget -= min(budget, values.count)
                return "\(string(node.name)): [\(values.map(number).joined(separator: ", "))]"
            }
            let finite = values.filter(\.isFinite)
            return "\(string(node.name)): {\"count\": \(values.count), \"first\": [\(values.prefix(summaryLength).map(number).joined(separator: ", "))], "
                + "\"min\": \(number(finite.min() ?? .nan)), \"max\": \(number(finite.max() ?? .nan))}"
        }.joined(separator: ", ") + "}"
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
