/// The drawn part of a graph widget: one or two drawings of the diagram, each its picture with the
/// walk's highlights and numbers laid over it, and the fit-to-width / actual-size toggle.
///
/// A graph too wide for a phone has a second, narrow drawing; the stylesheet shows one of the two
/// by the viewport's width, and on paper the one that fits the page (`wide-prints`). The script
/// scales a drawing wider than its box down to the box (the toggle, shown only then, switches to
/// actual size with sideways scrolling).
extension GraphWidgetHTML {
    /// The widest main drawing that prints whole on an A4 page at full size.
    static let printableWidth = 680.0

    /// With `lazyViews`, a graph's opened-group drawings wait in their file (GroupViews) until a group
    /// is opened; without, there are none.
    static func diagrams(_ w: GraphWidget, phrases p: Phrases, lazyViews: Bool = false) -> Markup {
        let drawings = w.drawings
        var out: Markup = "<div class=\"diagram-bar\" hidden><button type=\"button\" class=\"fit-toggle\" aria-pressed=\"false\" "
        out += "data-fit=\"\(attribute: p.fitToWidth)\" data-actual=\"\(attribute: p.actualSize)\">\(text: p.actualSize)</button></div>\n"
        let lazy = lazyViews && !w.views.isEmpty
        out += lazy ? "<div class=\"diagram-scroll\" data-views=\"\(attribute: GroupViews.path(w.id))\">" : "<div class=\"diagram-scroll\">"
        for (k, drawing) in drawings.enumerated() {
            let kind = drawings.count == 1 ? "only" : (k == 0 ? "wide" : "narrow")
            out += diagram(drawing, widget: w, kind: kind)
        }
        // Without the views file (the print page) no group can be opened: the collapsed drawing is all there is.
        return out + "</div>\n"
    }

    /// Whether the main drawing is the one to print (it fits the paper, or there is no other).
    static func printsMain(_ w: GraphWidget) -> Bool {
        w.narrow == nil || w.width <= printableWidth
    }

    private static func diagram(_ d: GraphWidget.Drawing, widget w: GraphWidget, kind: String) -> Markup {
        let width = Int(d.width.rounded(.up)), height = Int(d.height.rounded(.up))
        // Both drawings of a graph with groups are its collapsed view (view 0).
        var out: Markup = "<div class=\"diagram \(attribute: kind)\"\(mainViewAttributes(w)) data-width=\"\(Markup(raw: num(d.width)))\" "
        out += "style=\"width: \(px(d.width)); height: \(px(d.height))\">\n"
        // Only the first drawing carries the description: the other is the same graph.
        let alt = kind == "narrow" ? "" : w.alt
        out += "<img src=\"\(attribute: d.svg)\" width=\"\(width)\" height=\"\(height)\" alt=\"\(attribute: alt)\" loading=\"lazy\">\n"
        out += "<svg class=\"edges\" width=\"\(width)\" height=\"\(height)\" aria-hidden=\"true\">"
        // The highlighted edge is masked out under every label, so it never hides one.
        let mask = "\(w.id)-\(kind)-labels"
        out += "<mask id=\"\(attribute: mask)\" maskUnits=\"userSpaceOnUse\" x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\">"
        out += "<rect width=\"\(width)\" height=\"\(height)\" fill=\"white\"/>"
        for label in d.labels.compactMap({ $0 }) {
            out += "<rect x=\"\(Markup(raw: num(label.x)))\" y=\"\(Markup(raw: num(label.y)))\" "
            out += "width=\"\(Markup(raw: num(label.width)))\" height=\"\(Markup(raw: num(label.height)))\" fill=\"black\"/>"
        }
        out += "</mask><g mask=\"url(#\(attribute: mask))\">"
        for (e, points) in d.edges.enumerated() where !points.isEmpty && e < w.edges.count {
            let path = points.enumerated().map { i, p in (i == 0 ? "M" : "L") + "\(num(p.x)) \(num(p.y))" }.joined(separator: " ")
            out += "<path data-from=\"\(w.edges[e].from)\" data-to=\"\(w.edges[e].to)\" d=\"\(attribute: path)\"/>"
        }
        out += "</g></svg>\n"
        // The narrow drawing's cells are empty: they show only with the script, which copies their
        // lines from the first drawing's (the page carries each number once).
        let copies = kind == "narrow"
        for (i, node) in w.nodes.enumerated() where i < d.nodes.count {
            // The same card in this drawing's place for it.
            var placed = node
            placed.card = d.nodes[i].card
            placed.valueArea = d.nodes[i].valueArea
            placed.gradientArea = d.nodes[i].gradientArea
            out += card(placed, position: i, in: w, emptyCells: copies)
        }
        return out + "</div>\n"
    }
}
