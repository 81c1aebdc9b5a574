/// The parts of a graph widget that only a graph with groups has: the drawings with one group
/// opened (hidden until its card is clicked), the buttons that open and close groups, and each
/// view's walk. Without JavaScript the page shows the collapsed drawing with its final numbers,
/// and the stylesheet hides the buttons.
extension GraphWidgetHTML {
    /// `data-view="0"` on the collapsed drawing of a graph with groups.
    static func mainViewAttributes(_ w: GraphWidget) -> Markup {
        w.views.isEmpty ? "" : " data-view=\"0\""
    }

    /// A node's card and its value and gradient areas; a group's card also gets its expand button.
    /// With `emptyCells` the areas come without their lines (the script copies them in).
    static func card(_ node: GraphWidget.Node, position i: Int, in w: GraphWidget, opened: Bool = false,
                     emptyCells: Bool = false) -> Markup {
        let index = node.index ?? i
        let order: Markup = node.order.map { " data-order=\"\($0)\"" } ?? ""
        let role = node.role + (opened ? " in-group" : "")
        var out: Markup = "<div class=\"node \(attribute: role)\" data-node=\"\(index)\"\(order) style=\"\(style(node.card))\"></div>"
        if !node.valueLines.isEmpty {
            out += "<div class=\"cell value\" data-node=\"\(index)\"\(order) style=\"\(style(node.valueArea))\">\(emptyCells ? "" : lines(node.valueLines))</div>"
        }
        if !node.gradientLines.isEmpty {
            out += "<div class=\"cell grad\" data-node=\"\(index)\"\(order) style=\"\(style(node.gradientArea))\">\(emptyCells ? "" : lines(node.gradientLines))</div>"
        }
        if let view = node.expands, w.views.indices.contains(view - 1) {
            let label = w.views[view - 1].expandLabel
            out += "<button type=\"button\" class=\"expand\" data-open=\"\(view)\" style=\"\(style(node.card))\" "
            out += "aria-label=\"\(attribute: label)\" title=\"\(attribute: label)\"></button>"
        }
        return out + "\n"
    }

    /// The drawings with one group opened, each hidden until its group's card is clicked; their
    /// images get their sources from the script that loads them (`GroupViews`).
    static func otherViews(_ w: GraphWidget) -> Markup {
        var out: Markup = ""
        for (k, view) in w.views.enumerated() {
            let width = Int(view.width.rounded(.up)), height = Int(view.height.rounded(.up))
            out += "<div class=\"diagram\" data-view=\"\(k + 1)\" data-width=\"\(Markup(raw: num(view.width)))\" hidden style=\"width: \(px(view.width)); height: \(px(view.height))\">\n"
            // The drawing comes packed with this markup (GroupViews); the script gives it its source.
            out += "<picture><img data-svg=\"\(k + 1)\" width=\"\(width)\" height=\"\(height)\" alt=\"\"></picture>\n"
            out += "<svg class=\"edges\" width=\"\(width)\" height=\"\(height)\" aria-hidden=\"true\">"
            for edge in view.edges where !edge.points.isEmpty {
                let d = edge.points.enumerated().map { i, p in (i == 0 ? "M" : "L") + "\(num(p.x)) \(num(p.y))" }.joined(separator: " ")
                out += "<path data-from=\"\(edge.from)\" data-to=\"\(edge.to)\" d=\"\(attribute: d)\"/>"
            }
            out += "</svg>\n"
            out += "<button type=\"button\" class=\"collapse\" data-open=\"0\" style=\"left: \(px(view.collapseAt.x)); "
            out += "top: \(px(view.collapseAt.y))\">\(text: view.collapseLabel)</button>\n"
            let members = Set(view.members)
            for (i, node) in view.nodes.enumerated() {
                out += card(node, position: i, in: w, opened: members.contains(node.index ?? i))
            }
            out += "</div>\n"
        }
        return out
    }

    /// ` data-order="k" data-view="v"` on a step of a graph with groups.
    static func order(_ step: GraphWidget.Step, view: Int?) -> Markup {
        guard let view else { return "" }
        let within: Markup = step.within.map { " data-within=\"\($0)\"" } ?? ""
        let equation: Markup = step.equationIndex.map { " data-eq=\"\($0)\"" } ?? ""
        return " data-order=\"\(step.order ?? 0)\" data-view=\"\(view)\"\(within)\(equation)"
    }

    /// The walks of the drawings with one group opened: hidden, so the page without JavaScript
    /// lists the collapsed drawing's steps only.
    static func otherViewSteps(_ w: GraphWidget, phrases p: Phrases) -> Markup {
        var out: Markup = ""
        for (k, view) in w.views.enumerated() {
            for step in view.steps {
                let label = step.phase == .forward ? p.forward : p.backward
                out += "<li hidden data-phase=\"\(attribute: step.phase.rawValue)\" data-node=\"\(step.node)\"\(order(step, view: k + 1))>"
                out += "<span class=\"phase\">\(text: label)</span> <span class=\"equation\">\(text: step.equation)</span></li>\n"
            }
        }
        return out
    }

    /// The sentence that says the double-bordered cards open (shown with JavaScript only).
    static func groupNote(_ w: GraphWidget) -> Markup {
        guard let note = w.groupNote, !w.views.isEmpty else { return "" }
        return "<p class=\"group-note\">\(text: note)</p>\n"
    }
}
