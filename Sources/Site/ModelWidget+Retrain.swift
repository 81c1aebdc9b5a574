extension ModelWidget {
    /// A small model the page can train again (`retrain/<widget-id>.js`, Script+Retrain): the
    /// plan before step 0, which nodes are the loss and the parameters, the lesson's optimizer and
    /// schedule, and the build's loss curve to draw beside the reader's.
    package struct Retrain: Sendable, Codable, Equatable {
        /// `LessonsKernels.run`'s plan as a JavaScript object literal.
        package var plan: String
        package var loss: Int
        package var parameters: [Int]
        /// The optimizer's name as a lesson writes it (sgd, momentum, nesterov, adam, adamw, rmsprop)
        /// and its arguments by name (lr, beta, beta1, beta2, eps, alpha, weight_decay).
        package var optimizer: String
        package var arguments: [String: Double]
        /// The schedule: kind (step, exponential, cosine) and its numbers, or nil for a constant rate.
        package var schedule: [String: Double]?
        package var scheduleKind: String?
        package var steps: Int
        package var maxSteps: Int
        /// The build's loss at kept steps (at most a few hundred), and at its last step in full.
        package var buildSteps: [Int]
        package var buildLosses: [Double]
        package var finalLoss: Double

        package init(plan: String, loss: Int, parameters: [Int], optimizer: String, arguments: [String: Double],
                     scheduleKind: String?, schedule: [String: Double]?, steps: Int, maxSteps: Int,
                     buildSteps: [Int], buildLosses: [Double], finalLoss: Double) {
            self.plan = plan; self.loss = loss; self.parameters = parameters; self.optimizer = optimizer
            self.arguments = arguments; self.scheduleKind = scheduleKind; self.schedule = schedule; self.steps = steps
            self.maxSteps = maxSteps; self.buildSteps = buildSteps; self.buildLosses = buildLosses; self.finalLoss = finalLoss
        }
    }
}

/// A retrainable model widget's file, `retrain/<widget-id>.js`, loaded with the kernels when
/// the reader first trains (a `<script src>` works from `file://`, where `fetch` does not).
package enum RetrainData {
    /// Where a widget's file goes, relative to the lesson page.
    static func path(_ widgetID: String) -> String { "retrain/\(widgetID).js" }

    /// The file of a model widget that can be trained again; nil for one that cannot.
    package static func file(_ m: ModelWidget) -> (path: String, bytes: [UInt8])? {
        guard let r = m.retrain else { return nil }
        // The build's curve is drawn, not compared: four significant digits, as the page prints numbers, are plenty.
        func numbers(_ xs: [Double]) -> String { "[" + xs.map { Double(String(format: "%.4g", $0)).map(literal) ?? literal($0) }.joined(separator: ",") + "]" }
        func object(_ d: [String: Double]) -> String {
            "{" + d.sorted { $0.key < $1.key }.map { JSONText.string($0.key) + ":" + literal($0.value) }.joined(separator: ",") + "}"
        }
        var data = "{plan:" + r.plan + ",\nloss:\(r.loss),parameters:[" + r.parameters.map(String.init).joined(separator: ",") + "],"
        data += "optimizer:" + JSONText.string(r.optimizer) + ",arguments:" + object(r.arguments) + ","
        data += "schedule:" + (r.scheduleKind.map { "{kind:" + JSONText.string($0) + ",values:" + object(r.schedule ?? [:]) + "}" } ?? "null") + ","
        data += "steps:\(r.steps),maxSteps:\(r.maxSteps),finalLoss:" + literal(r.finalLoss) + ",\n"
        data += "buildSteps:[" + r.buildSteps.map(String.init).joined(separator: ",") + "],buildLosses:" + numbers(r.buildLosses) + "}"
        return (path(m.graph.id), Array(("lessonsRetrain(" + JSONText.string(m.graph.id) + ", " + data + ");\n").utf8))
    }

    /// A JavaScript number that reads back as exactly `x` (Swift prints the shortest such digits).
    static func literal(_ x: Double) -> String {
        x.isNaN ? "NaN" : x.isInfinite ? (x > 0 ? "Infinity" : "-Infinity") : "\(x)"
    }
}
