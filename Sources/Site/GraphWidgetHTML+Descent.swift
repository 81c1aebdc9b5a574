/// Gradient descent by hand, for a graph block with a `descend` line: a learning-rate field,
/// "Take a step", "Take 10 steps", Reset, a polite live region for the new loss, and a table of
/// the steps taken. It sits inside the live controls, so it too comes `hidden` and shows only
/// when the script runs (Script+Descent), never in print.
extension GraphWidgetHTML {
    static func descentControls(_ w: GraphWidget, phrases: Phrases) -> Markup {
        guard let live = w.live, let descent = live.descent, live.nodes.indices.contains(live.output) else { return "" }
        let p = phrases.live.descent
        let names = descent.leaves.compactMap { live.nodes.indices.contains($0) ? live.nodes[$0].name : nil }
        let id = w.id + "-descent"
        var out: Markup = "<div class=\"live-descent\" role=\"group\" aria-labelledby=\"\(attribute: id)-title\" "
        out += "data-leaves=\"\(attribute: descent.leaves.map(String.init).joined(separator: ","))\">\n"
        out += "<p class=\"live-intro\"><strong id=\"\(attribute: id)-title\">\(text: p.title)</strong> "
        out += "\(text: fill(names.count == 1 ? p.introOne : p.introMany, [p.list(names)]))</p>\n"
        out += "<p class=\"descent-controls\"><label for=\"\(attribute: id)-rate\">\(text: p.rate)</label> "
        out += "<input type=\"number\" id=\"\(attribute: id)-rate\" class=\"descent-rate\" value=\"\(attribute: "\(descent.rate)")\" "
        out += "step=\"any\" min=\"0\" inputmode=\"decimal\"> "
        out += "<button type=\"button\" class=\"descent-step\" data-count=\"1\">\(text: p.step)</button> "
        out += "<button type=\"button\" class=\"descent-step\" data-count=\"10\">\(text: p.steps)</button> "
        out += "<button type=\"button\" class=\"descent-reset\" disabled aria-label=\"\(attribute: p.resetLabel)\">\(text: p.reset)</button> "
        out += "<span class=\"descent-status\" role=\"status\" aria-live=\"polite\"></span></p>\n"
        out += "<div class=\"descent-rows\" hidden><table class=\"descent-table\"><caption>\(text: p.caption)</caption>\n<thead><tr>"
        out += "<th scope=\"col\">\(text: p.stepColumn)</th><th scope=\"col\"><code>\(text: live.nodes[live.output].name)</code></th>"
        for name in names { out += "<th scope=\"col\"><code>\(text: name)</code></th>" }
        out += "</tr></thead>\n<tbody></tbody></table></div>\n</div>\n"
        return out
    }
}
