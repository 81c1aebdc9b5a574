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
        out += trace.steps.map { step in
            var s = "    {\"step\": \(step.step)"
            if let loss = step.loss { s += ", \"loss\": \(number(loss))" }
            s += ",\n     \"value\": " + table(step.values, trace) + ",\n     \"grad\": " + table(step.gradients, trace) + "}"
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

    private static func table(_ arrays: [[Double]], _ trace: Trace) -> String {
        "{" + zip(trace.nodes, arrays).map { node, values in
            "\(string(node.name)): [\(values.map(number).joined(separator: ", "))]"
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
