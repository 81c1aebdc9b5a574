/// A graph with groups draws each group opened as a drawing of its own, with its own cards and
/// walk: activations' six-layer nets made 260 KB of such HTML, and 700 KB of drawings, that a
/// reader sees only after a click. On the page they leave for `views/<widget-id>.js`, a packed
/// script (`PackedScript`) the page loads when a group is first opened; the drawings travel
/// inside it and are shown from blob URLs, so none is a file of its own. The print page and a
/// page without JavaScript cannot open a group and get none of this.
package enum GroupViews {
    /// Where a widget's opened-group drawings go, relative to the lesson page.
    static func path(_ widgetID: String) -> String { "views/\(widgetID).js" }

    /// The file of a widget with groups, on a page in `lang`: `lessonsViews(id, packed)` where
    /// `packed` is `[drawings, steps, svg of view 1, svg of view 2, …]`; none without groups.
    /// `drawing` gives the bytes of a view's drawing (by its `svg` path); nil if one is missing.
    package static func file(_ w: GraphWidget, lang: String?, drawing: (String) -> [UInt8]?) -> (path: String, bytes: [UInt8])? {
        guard !w.views.isEmpty else { return nil }
        var parts = [GraphWidgetHTML.otherViews(w).html, GraphWidgetHTML.otherViewSteps(w, phrases: Phrases(lang: lang)).html]
        for view in w.views {
            guard let bytes = drawing(view.svg) else { return nil }
            parts.append(String(decoding: bytes, as: UTF8.self))
        }
        let json = "[" + parts.map(JSONText.string).joined(separator: ",\n") + "]"
        return (path(w.id), PackedScript.call("lessonsViews", id: w.id, json: json))
    }
}
