import LessonModel
import Presentation
import Training

/// Replaces `{{ block.quantity }}` in prose with the number the block produced:
/// a node's final value (`colah.e`), its gradient (`colah.b.grad`), its value at the first traced
/// step (`xor.out.initial`), a model's final loss (`xor.loss`) or first loss (`xor.loss.initial`).
enum ReferenceResolver {
    static func resolve(_ lesson: Lesson, traces: [String: Trace], skipping failed: Set<String> = [],
                        diagnostics: inout Diagnostics) -> [Int: String] {
        var quotes: [Int: String] = [:]
        for (i, reference) in lesson.references.enumerated() where !failed.contains(reference.block) {
            guard let trace = traces[reference.block] else {
                let hint = Suggestions.closest(to: reference.block, among: Array(traces.keys)).map { "; did you mean '\($0)'?" }
                    ?? (traces.isEmpty ? "; this lesson has no named blocks" : "")
                diagnostics.error(reference.position, "no block named '\(reference.block)' in this lesson\(hint)")
                continue
            }
            switch quote(reference.path, in: trace) {
            case .success(let text): quotes[i] = text
            case .failure(let error): diagnostics.error(reference.position, "cannot quote '\(reference.dotted)': \(error.message)")
            }
        }
        return quotes
    }

    private static func quote(_ path: [String], in trace: Trace) -> Result<String, QuoteError> {
        guard let first = trace.steps.first, let last = trace.steps.last, let name = path.first else {
            return .failure(QuoteError("the block recorded nothing"))
        }
        let modifier = path.count > 1 ? path[1] : nil
        guard path.count <= 2, modifier == nil || ["grad", "initial"].contains(modifier ?? "") else {
            return .failure(QuoteError("expected 'name', 'name.grad' or 'name.initial' after the block name"))
        }
        if name == "loss", trace.kind == .model || !trace.nodes.contains(where: { $0.name == "loss" }) {
            let initial = trace.initialLoss ?? first.loss
            guard modifier != "grad", let loss = modifier == "initial" ? initial : last.loss else {
                return .failure(QuoteError(trace.kind == .graph ? "a graph block has no loss; quote one of its nodes" : "the loss has no gradient to quote"))
            }
            return .success(DisplayNumber.format(loss))
        }
        guard let index = trace.nodes.firstIndex(where: { $0.name == name }) else {
            let names = trace.nodes.map(\.name) + (trace.kind == .model ? ["loss"] : [])
            let hint = Suggestions.closest(to: name, among: names).map { "; did you mean '\($0)'?" } ?? ""
            return .failure(QuoteError("block '\(trace.block)' has no node named '\(name)'\(hint)"))
        }
        let node = trace.nodes[index]
        if modifier == "initial", trace.kind == .model, first.step != 0 {
            return .failure(QuoteError("block '\(trace.block)' traces only its last step ('trace last'), so '\(name)' has no "
                + "first value to quote; quote '\(name)' for its value at the last step"))
        }
        let step = modifier == "initial" ? first : last
        let values = modifier == "grad" ? step.gradients[index] : step.values[index]
        // In prose, a tensor holding one number reads as that number.
        if values.count == 1, let only = values.first { return .success(DisplayNumber.format(only)) }
        return .success(TensorText.inline(dims: node.shape, values: values))
    }

    /// Why a reference cannot be quoted.
    struct QuoteError: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }
}
