/// The controls of an editable graph block: a field per number of every input and parameter
/// (and a slider for a scalar), Reset, and a polite live region for results and errors. They
/// come `hidden`: without JavaScript (and in print) the page is the lesson's recording, and the
/// script shows them (Script+Live). Leaves bigger than `GraphWidget.maxEditable` numbers are
/// named, not editable.
extension GraphWidgetHTML {
    static func liveControls(_ w: GraphWidget, phrases: Phrases) -> Markup {
        guard let live = w.live else { return "" }
        let p = phrases.live
        var out: Markup = "<div class=\"live-edit\" hidden data-live=\"\(attribute: LiveData.path(w.id))\" role=\"group\" "
        out += "data-failed=\"\(attribute: p.messages["loadFailed"] ?? "")\" aria-labelledby=\"\(attribute: w.id)-live-title\">\n"
        out += "<p class=\"live-intro\"><strong id=\"\(attribute: w.id)-live-title\">\(text: p.title)</strong> \(text: p.intro)</p>\n"
        out += "<div class=\"live-leaves\">\n"
        for (i, node) in live.nodes.enumerated() {
            guard let values = node.lessonValues else { continue }
            let role = node.role == "parameter" ? p.parameter : p.input
            let field = "\(w.id)-live-\(i)"
            if node.count > GraphWidget.maxEditable {
                out += "<p class=\"live-leaf too-big\"><code>\(text: node.name)</code> \(text: fill(p.tooBig, [role, String(node.count)]))</p>\n"
                continue
            }
            if node.dims.isEmpty, let value = values.first {
                out += "<div class=\"live-leaf \(attribute: node.role)\"><label for=\"\(attribute: field)\"><code>\(text: node.name)</code> "
                out += "<span class=\"live-role\">\(text: role)</span></label>"
                out += numberField(id: field, node: i, k: 0, value: value, label: nil)
                if let range = node.slider, range.count == 3 {
                    out += "<input type=\"range\" data-node=\"\(i)\" data-k=\"0\" min=\"\(Markup(raw: num(range[0])))\" "
                    out += "max=\"\(Markup(raw: num(range[1])))\" step=\"\(Markup(raw: num(range[2])))\" value=\"\(attribute: value)\" "
                    out += "aria-label=\"\(attribute: fill(p.slider, [node.name]))\">"
                }
                out += "</div>\n"
                continue
            }
            let cols = node.dims.count == 2 ? node.dims[1] : node.count
            out += "<fieldset class=\"live-leaf live-grid \(attribute: node.role)\"><legend><code>\(text: node.name)</code> "
            out += "<span class=\"live-role\">\(text: role)</span></legend>"
            out += "<div class=\"live-cells\" style=\"grid-template-columns: repeat(\(cols), minmax(5em, 6.667em))\">"
            for (k, value) in values.enumerated() {
                let label = node.dims.count == 2 ? fill(p.cell, [node.name, String(k / cols + 1), String(k % cols + 1)])
                    : fill(p.entry, [node.name, String(k + 1)])
                out += numberField(id: "\(field)-\(k)", node: i, k: k, value: value, label: label)
            }
            out += "</div></fieldset>\n"
        }
        out += "</div>\n<p class=\"live-actions\"><button type=\"button\" class=\"live-reset\" disabled "
        out += "aria-label=\"\(attribute: p.resetLabel)\">\(text: p.reset)</button> "
        out += "<span class=\"live-status\" role=\"status\" aria-live=\"polite\"></span></p>\n"
        out += descentControls(w, phrases: phrases)
        out += "</div>\n"
        return out
    }

    private static func numberField(id: String, node: Int, k: Int, value: String, label: String?) -> Markup {
        let aria: Markup = label.map { " aria-label=\"\(attribute: $0)\"" } ?? ""
        return "<input type=\"number\" id=\"\(attribute: id)\" data-node=\"\(node)\" data-k=\"\(k)\" step=\"any\" "
            + "inputmode=\"decimal\" value=\"\(attribute: value)\"\(aria)>"
    }

    /// "{0} of {1}" with its holes filled.
    static func fill(_ template: String, _ parts: [String]) -> String {
        var out = template
        for (k, part) in parts.enumerated() { out = out.replacingOccurrences(of: "{\(k)}", with: part) }
        return out
    }
}
