/// The HTML of a graph widget. Without JavaScript it is the final diagram (every value and
/// gradient drawn in), the list of steps, and a table; `lessons.js` turns it into a step-through.
enum GraphWidgetHTML {
    /// `header` goes right after the caption (a model's charts), `footer` after the tables.
    static func render(_ w: GraphWidget, phrases p: Phrases = Phrases(lang: nil), extraClass: String = "",
                       header: Markup = "", footer: Markup = "", lazyListings: Bool = true) -> Markup {
        let classes = (extraClass.isEmpty ? "" : " " + extraClass) + (printsMain(w) ? " wide-prints" : "")
        // The widget may grow past the text column, up to its diagram's width (see the stylesheet).
        var out: Markup = "<figure class=\"lesson-block graph-widget\(attribute: classes)\" id=\"\(attribute: w.id)\" data-nodes=\"\(w.nodes.count)\" tabindex=\"0\""
        out += " style=\"--diagram-width: \(px(w.width))\" aria-label=\"\(attribute: "\(p.graph) \(w.name)")\">\n"
        out += "<figcaption><span class=\"block-kind\">\(text: p.kindName(w.kind))</span> \(text: w.name)</figcaption>\n"
        out += header
        out += diagrams(w, phrases: p, lazyViews: lazyListings)
        out += groupNote(w)
        out += scrubber(w, phrases: p)
        // The print page (lazyListings false) is the lesson's recording: nothing to edit there.
        if lazyListings { out += liveControls(w, phrases: p) }
        out += "<div class=\"stepper\" hidden data-overview=\"\(attribute: p.overviewCounter)\" "
        out += "data-forward=\"\(attribute: p.forwardCounter)\" data-backward=\"\(attribute: p.backwardCounter)\">"
        out += "<button type=\"button\" data-go=\"first\" aria-label=\"\(attribute: p.overviewLabel)\">\(text: p.start)</button>"
        out += "<button type=\"button\" data-go=\"prev\">\(text: p.back)</button><span class=\"counter\" aria-live=\"polite\"></span>"
        out += "<button type=\"button\" data-go=\"next\">\(text: p.forwardButton)</button>"
        out += "<button type=\"button\" data-go=\"last\" aria-label=\"\(attribute: p.endLabel)\">\(text: p.end)</button></div>\n"
        out += "<p class=\"steps-hint\">\(p.hint)</p>\n"
        out += "<ol class=\"steps\">\n"
        for step in w.steps {
            let label = step.phase == .forward ? p.forward : p.backward
            out += "<li data-phase=\"\(attribute: step.phase.rawValue)\" data-node=\"\(step.node)\"\(order(step, view: w.views.isEmpty ? nil : 0))>"
            out += "<span class=\"phase\">\(text: label)</span> <span class=\"equation\">\(text: step.equation)</span></li>\n"
        }
        if !lazyListings { out += otherViewSteps(w, phrases: p) }
        out += "</ol>\n"
        out += table(w, phrases: p)
        out += footer
        let links: Markup = "<a href=\"\(attribute: w.trace)\">\(text: p.traceLink)</a> · "
            + "<a href=\"\(attribute: w.svg)\">\(text: p.pictureLink)</a>"
        if let code = w.code {
            // The tabs hold the source; the trace and the picture stay one click away.
            out += CodeTabsHTML.render(code, id: w.id + "-code", block: w.name, phrases: p, lazy: lazyListings)
            out += "<p class=\"block-files\">\(links)</p>\n"
        } else {
            out += "<details class=\"block-source\"><summary>\(text: p.source)</summary>"
            out += "<pre><code class=\"language-lessons\">\(text: w.source)</code></pre><p>\(links)</p></details>\n"
        }
        return out + "</figure>\n"
    }

    /// A slider over the traced training steps. Their numbers are in the widget's step file
    /// (`StepData`), which the script loads when the slider is first used; until then the
    /// widget shows the last step, whose numbers are in the page.
    static func scrubber(_ w: GraphWidget, phrases p: Phrases) -> Markup {
        guard w.snapshots.count > 1, let last = w.snapshots.last else { return "" }
        let x: Markup = last.chartX.map { " data-x=\"\(Markup(raw: num($0 * 100)))\"" } ?? ""
        var out: Markup = "<div class=\"scrubber\" hidden data-steps=\"\(attribute: StepData.path(w.id))\"\(x)>"
        out += "<label for=\"\(attribute: w.id)-step\">\(text: p.trainingStep)</label>"
        out += "<input type=\"range\" id=\"\(attribute: w.id)-step\" min=\"0\" max=\"\(w.snapshots.count - 1)\" "
        out += "value=\"\(w.snapshots.count - 1)\" step=\"1\"><output>\(text: last.label)</output></div>\n"
        return out
    }

    private static func table(_ w: GraphWidget, phrases p: Phrases) -> Markup {
        var out: Markup = "<div class=\"table-wrap node-table\"><table>\n<thead><tr>"
        out += [p.node, p.operation, p.shape, p.value, p.gradient].map { header -> Markup in "<th>\(text: header)</th>" }.joined()
        out += "</tr></thead>\n<tbody>\n"
        for (i, row) in w.rows.enumerated() {
            out += "<tr><td><code>\(text: row.name)</code></td><td>\(text: p.operationName(row.operation))</td><td>\(text: row.shape)</td>"
            // Numbered cells, so the walk hides gradients not yet computed and the slider refills them.
            out += "<td class=\"num value\" data-node=\"\(i)\">\(text: row.value)</td>"
            out += "<td class=\"num grad\" data-node=\"\(i)\">\(text: row.gradient)</td></tr>\n"
        }
        out += "</tbody>\n</table></div>\n"
        if !w.checks.isEmpty {
            out += "<div class=\"table-wrap gradient-check\"><table>\n<caption>\(text: p.checkCaption)</caption>\n"
            out += "<thead><tr><th>\(text: p.checkInput)</th><th>\(text: p.checkError)</th><th>\(text: p.checkResult)</th></tr></thead>\n<tbody>\n"
            for check in w.checks {
                out += "<tr><td><code>\(text: check.name)</code></td><td class=\"num\">\(text: check.relativeError)</td>"
                out += "<td>\(text: check.passed ? p.agrees : p.inconclusive)</td></tr>\n"
            }
            out += "</tbody>\n</table></div>\n"
        }
        return out
    }

    static func lines(_ lines: [String]) -> Markup {
        lines.map { line -> Markup in "<span>\(text: line)</span>" }.joined()
    }

    /// A CSS box in px: numbers only, so nothing to escape.
    static func style(_ f: GraphWidget.Frame) -> Markup {
        "left: \(px(f.x)); top: \(px(f.y)); width: \(px(f.width)); height: \(px(f.height))"
    }

    /// A length in px: a number, so nothing to escape.
    static func px(_ v: Double) -> Markup { Markup(raw: num(v) + "px") }

    /// Coordinates with at most two decimals, printed the same way on every platform.
    static func num(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        if r == r.rounded() { return String(Int(r)) }
        return String(r)
    }
}
