/// A graph with groups draws each group opened as a drawing of its own, with its own cards and
/// walk: activations' six-layer nets made 260 KB of such HTML that a reader sees only after a
/// click. On the page (not the print page) they leave for `views/<widget-id>.js`, a script the
/// page loads when a group is first opened (a `<script src>` works from `file://`).
package enum GroupViews {
    /// Where a widget's opened-group drawings go, relative to the lesson page.
    static func path(_ widgetID: String) -> String { "views/\(widgetID).js" }

    /// The file of a widget with groups, on a page in `lang`: `lessonsViews(id, drawings, steps)`;
    /// none without groups.
    package static func file(_ w: GraphWidget, lang: String?) -> (path: String, bytes: [UInt8])? {
        guard !w.views.isEmpty else { return nil }
        let p = Phrases(lang: lang)
        let script = "lessonsViews(" + JSONText.string(w.id) + ", "
            + CodeListings.singleQuoted(GraphWidgetHTML.otherViews(w).html) + ", "
            + CodeListings.singleQuoted(GraphWidgetHTML.otherViewSteps(w, phrases: p).html) + ");\n"
        return (path(w.id), Array(script.utf8))
    }
}
