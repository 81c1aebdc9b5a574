/// The in-page training controls of a small model (Script+Retrain): learning rate, optimizer and
/// steps, a Train button, a polite status line and the reader's loss curve beside the build's.
/// Hidden until the script shows them: without JavaScript there is nothing to press.
extension ModelWidgetHTML {
    static let optimizers = ["sgd", "momentum", "nesterov", "adam", "adamw", "rmsprop"]

    static func retrain(_ m: ModelWidget, phrases: Phrases) -> Markup {
        guard let r = m.retrain else { return "" }
        let p = phrases.retrain
        let id = m.graph.id + "-retrain"
        let messages = "{" + p.messages.sorted { $0.key < $1.key }.map { JSONText.string($0.key) + ":" + JSONText.string($0.value) }
            .joined(separator: ",") + "}"
        var out: Markup = "<details class=\"retrain\" hidden data-retrain=\"\(attribute: RetrainData.path(m.graph.id))\" "
        out += "data-messages=\"\(attribute: messages)\">\n<summary>\(text: p.title)</summary>\n"
        out += "<p>\(text: p.intro.replacingOccurrences(of: "{0}", with: grouped(r.maxSteps)))</p>\n"
        out += "<p class=\"retrain-controls\">"
        out += "<label for=\"\(attribute: id)-rate\">\(text: p.rate)</label> <input type=\"number\" id=\"\(attribute: id)-rate\" "
        out += "class=\"retrain-rate\" value=\"\(attribute: RetrainData.literal(r.arguments["lr"] ?? 0.1))\" step=\"any\" min=\"0\" inputmode=\"decimal\"> "
        out += "<label for=\"\(attribute: id)-optimizer\">\(text: p.optimizer)</label> <select id=\"\(attribute: id)-optimizer\" class=\"retrain-optimizer\">"
        for name in optimizers {
            out += "<option value=\"\(attribute: name)\"\(Markup(raw: name == r.optimizer ? " selected" : ""))>\(text: name)</option>"
        }
        out += "</select> <label for=\"\(attribute: id)-steps\">\(text: p.steps)</label> <input type=\"number\" id=\"\(attribute: id)-steps\" "
        out += "class=\"retrain-steps\" value=\"\(r.steps)\" min=\"1\" max=\"\(r.maxSteps)\" step=\"1\" inputmode=\"numeric\"> "
        out += "<button type=\"button\" class=\"retrain-run\">\(text: p.train)</button> "
        out += "<button type=\"button\" class=\"retrain-reset\" aria-label=\"\(attribute: p.resetLabel)\">\(text: p.reset)</button></p>\n"
        out += "<p class=\"retrain-status\" role=\"status\" aria-live=\"polite\"></p>\n"
        out += "<figure class=\"retrain-chart\"><svg viewBox=\"0 0 480 190\" role=\"img\" aria-label=\"\(attribute: p.caption)\"></svg>"
        out += "<figcaption>\(text: p.caption)</figcaption></figure>\n</details>\n"
        return out
    }

    /// 2,000,000: digits in threes.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
