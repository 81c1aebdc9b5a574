/// The HTML of a graph widget. Without JavaScript it is the final diagram (every value and
/// gradient drawn in), the list of steps, and a table; `lessons.js` turns it into a step-through.
enum GraphWidgetHTML {
    /// `header` goes right after the caption (a model's charts), `footer` after the tables.
    static func render(_ w: GraphWidget, phrases p: Phrases = Phrases(lang: nil), extraClass: String = "",
                       header: String = "", footer: String = "") -> String {
        let size = "width: \(px(w.width)); height: \(px(w.height))"
        // The widget may grow past the text column, up to its diagram's width (see the stylesheet).
        var out = "<figure class=\"lesson-block graph-widget\(extraClass.isEmpty ? "" : " " + extraClass)\" id=\"\(HTML.attribute(w.id))\" data-nodes=\"\(w.nodes.count)\" tabindex=\"0\""
            + " style=\"--diagram-width: \(px(w.width))\""
            + " aria-label=\"\(HTML.attribute("\(p.graph) \(w.name)"))\">\n"
        out += "<figcaption><span class=\"block-kind\">\(HTML.text(w.kind))</span> \(HTML.text(w.name))</figcaption>\n"
        out += header
        out += "<div class=\"diagram-scroll\"><div class=\"diagram\" style=\"\(size)\">\n"
        out += "<picture><source media=\"(prefers-color-scheme: dark)\" srcset=\"\(HTML.attribute(w.darkSVG))\">"
            + "<img src=\"\(HTML.attribute(w.lightSVG))\" width=\"\(Int(w.width.rounded(.up)))\" height=\"\(Int(w.height.rounded(.up)))\" alt=\"\(HTML.attribute(w.alt))\"></picture>\n"
        out += "<svg class=\"edges\" width=\"\(Int(w.width.rounded(.up)))\" height=\"\(Int(w.height.rounded(.up)))\" aria-hidden=\"true\">"
        for edge in w.edges where !edge.points.isEmpty {
            let d = edge.points.enumerated().map { i, p in (i == 0 ? "M" : "L") + "\(num(p.x)) \(num(p.y))" }.joined(separator: " ")
            out += "<path data-from=\"\(edge.from)\" data-to=\"\(edge.to)\" d=\"\(d)\"/>"
        }
        out += "</svg>\n"
        for (i, node) in w.nodes.enumerated() {
            out += "<div class=\"node \(HTML.attribute(node.role))\" data-node=\"\(i)\" style=\"\(style(node.card))\"></div>"
            if !node.valueLines.isEmpty {
                out += "<div class=\"cell value\" data-node=\"\(i)\" style=\"\(style(node.valueArea))\">\(lines(node.valueLines))</div>"
            }
            if !node.gradientLines.isEmpty {
                out += "<div class=\"cell grad\" data-node=\"\(i)\" style=\"\(style(node.gradientArea))\">\(lines(node.gradientLines))</div>"
            }
            out += "\n"
        }
        out += "</div></div>\n"
        out += scrubber(w, phrases: p)
        out += "<div class=\"stepper\" hidden data-overview=\"\(HTML.attribute(p.overviewCounter))\" "
            + "data-forward=\"\(HTML.attribute(p.forwardCounter))\" data-backward=\"\(HTML.attribute(p.backwardCounter))\">"
            + "<button type=\"button\" data-go=\"first\" aria-label=\"\(HTML.attribute(p.overviewLabel))\">\(HTML.text(p.start))</button>"
            + "<button type=\"button\" data-go=\"prev\">\(HTML.text(p.back))</button><span class=\"counter\" aria-live=\"polite\"></span>"
            + "<button type=\"button\" data-go=\"next\">\(HTML.text(p.forwardButton))</button>"
            + "<button type=\"button\" data-go=\"last\" aria-label=\"\(HTML.attribute(p.endLabel))\">\(HTML.text(p.end))</button></div>\n"
        out += "<p class=\"steps-hint\">\(p.hint)</p>\n"
        out += "<ol class=\"steps\">\n"
        for step in w.steps {
            let label = step.phase == .forward ? p.forward : p.backward
            out += "<li data-phase=\"\(step.phase.rawValue)\" data-node=\"\(step.node)\"><span class=\"phase\">\(label)</span> "
                + "<span class=\"equation\">\(HTML.text(step.equation))</span></li>\n"
        }
        out += "</ol>\n"
        out += table(w, phrases: p)
        out += footer
        let links = "<a href=\"\(HTML.attribute(w.trace))\">\(HTML.text(p.traceLink))</a> · "
            + "<a href=\"\(HTML.attribute(w.png))\">\(HTML.text(p.pictureLink))</a>"
        if let code = w.code {
            // The tabs hold the source; the trace and the picture stay one click away.
            out += CodeTabsHTML.render(code, id: w.id + "-code", block: w.name, phrases: p).html
            out += "<p class=\"block-files\">\(links)</p>\n"
        } else {
            out += "<details class=\"block-source\"><summary>\(HTML.text(p.source))</summary>"
                + "<pre><code class=\"language-lessons\">\(HTML.text(w.source))</code></pre><p>\(links)</p></details>\n"
        }
        return out + "</figure>\n"
    }

    /// A slider over the traced training steps, and their numbers as JSON for the script.
    static func scrubber(_ w: GraphWidget, phrases p: Phrases) -> String {
        guard w.snapshots.count > 1, let last = w.snapshots.last else { return "" }
        var out = "<div class=\"scrubber\" hidden><label for=\"\(HTML.attribute(w.id))-step\">\(HTML.text(p.trainingStep))</label>"
            + "<input type=\"range\" id=\"\(HTML.attribute(w.id))-step\" min=\"0\" max=\"\(w.snapshots.count - 1)\" "
            + "value=\"\(w.snapshots.count - 1)\" step=\"1\"><output>\(HTML.text(last.label))</output></div>\n"
        out += "<script type=\"application/json\" class=\"snapshots\">["
        out += w.snapshots.map { s in
            "{\"label\":\(JSONText.string(s.label)),\"x\":\(s.chartX.map { num($0 * 100) } ?? "null"),"
                + "\"v\":\(JSONText.lines(s.valueLines)),\"g\":\(JSONText.lines(s.gradientLines)),"
                + "\"e\":[\(s.equations.map(JSONText.string).joined(separator: ","))]}"
        }.joined(separator: ",\n")
        return out + "]</script>\n"
    }

    private static func table(_ w: GraphWidget, phrases p: Phrases) -> String {
        var out = "<div class=\"table-wrap node-table\"><table>\n<thead><tr>"
            + [p.node, p.operation, p.shape, p.value, p.gradient].map { "<th>\(HTML.text($0))</th>" }.joined()
            + "</tr></thead>\n<tbody>\n"
        for row in w.rows {
            out += "<tr><td><code>\(HTML.text(row.name))</code></td><td>\(HTML.text(row.operation))</td><td>\(HTML.text(row.shape))</td>"
                + "<td class=\"num\">\(HTML.text(row.value))</td><td class=\"num\">\(HTML.text(row.gradient))</td></tr>\n"
        }
        out += "</tbody>\n</table></div>\n"
        if !w.checks.isEmpty {
            out += "<div class=\"table-wrap gradient-check\"><table>\n<caption>\(HTML.text(p.checkCaption))</caption>\n"
                + "<thead><tr><th>\(HTML.text(p.checkInput))</th><th>\(HTML.text(p.checkError))</th><th>\(HTML.text(p.checkResult))</th></tr></thead>\n<tbody>\n"
            for check in w.checks {
                out += "<tr><td><code>\(HTML.text(check.name))</code></td><td class=\"num\">\(HTML.text(check.relativeError))</td>"
                    + "<td>\(HTML.text(check.passed ? p.agrees : p.inconclusive))</td></tr>\n"
            }
            out += "</tbody>\n</table></div>\n"
        }
        return out
    }

    private static func lines(_ lines: [String]) -> String {
        lines.map { "<span>\(HTML.text($0))</span>" }.joined()
    }

    private static func style(_ f: GraphWidget.Frame) -> String {
        "left: \(px(f.x)); top: \(px(f.y)); width: \(px(f.width)); height: \(px(f.height))"
    }

    private static func px(_ v: Double) -> String { num(v) + "px" }

    /// Coordinates with at most two decimals, printed the same way on every platform.
    static func num(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        if r == r.rounded() { return String(Int(r)) }
        return String(r)
    }
}
