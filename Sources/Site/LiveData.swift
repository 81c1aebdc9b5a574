/// An editable graph block's live file, `live/<widget-id>.js`: the plan for the shared kernels
/// (`assets/lessons-kernels.js`) and the forms of every text, which the page loads with the
/// kernels on the first edit (a `<script src>` works from `file://`, where `fetch` does not).
package enum LiveData {
    /// Where a widget's live file goes, relative to the lesson page.
    static func path(_ widgetID: String) -> String { "live/\(widgetID).js" }

    /// The live file of an editable widget on a page in `lang`, or nil for a widget without one.
    package static func file(_ w: GraphWidget, lang: String?) -> (path: String, bytes: [UInt8])? {
        guard let live = w.live else { return nil }
        let phrases = LivePhrases(lang: lang)
        let nodes = live.nodes.map { n -> String in
            var fields = ["name:" + JSONText.string(n.name), "role:" + JSONText.string(n.role), "op:" + JSONText.string(n.op),
                          "dims:" + ints(n.dims), "inputs:" + ints(n.inputs),
                          "f:" + strings(n.forward), "b:" + strings(n.backward)]
            if !n.uses.isEmpty { fields.append("uses:[" + n.uses.map(ints).joined(separator: ",") + "]") }
            if !n.consumers.isEmpty { fields.append("consumers:" + ints(n.consumers)) }
            return "{" + fields.joined(separator: ",") + "}"
        }
        let labels = live.labels.map { drawing in
            "[" + drawing.map { "[" + $0.map(GraphWidgetHTML.num).joined(separator: ",") + "]" }.joined(separator: ",") + "]"
        }
        var data = "{plan:" + live.plan + ",\noutput:\(live.output),\nnodes:[" + nodes.joined(separator: ",\n") + "],\n"
        data += "edges:[" + live.edgeInputs.map(ints).joined(separator: ",") + "],\n"
        data += "labels:[" + labels.joined(separator: ",") + "],\n"
        if let groups = live.groups {
            // Per group: [value lines, gradient lines, forward text, backward text, backward lines, members].
            let line = { (l: GraphWidget.LiveLine) in "[" + JSONText.string(l.kind) + "," + JSONText.string(l.text) + ",\(l.node)]" }
            let lines = { (ls: [GraphWidget.LiveLine]) in "[" + ls.map(line).joined(separator: ",") + "]" }
            let each = groups.map { g in
                "[" + [lines(g.values), lines(g.gradients), JSONText.string(g.forward), JSONText.string(g.backward), lines(g.backwardLines), ints(g.members)]
                    .joined(separator: ",") + "]"
            }
            data += "groups:[" + each.joined(separator: ",\n") + "],\n"
        }
        var messages = phrases.messages
        if live.descent != nil {
            // Only a graph with a descend line carries what its steps say.
            messages.merge(phrases.descent.messages) { own, _ in own }
        }
        data += "words:" + object(live.words) + ",\nmessages:" + object(messages) + "}"
        let script = "lessonsLive(" + JSONText.string(w.id) + ", " + data + ");\n"
        return (path(w.id), Array(script.utf8))
    }

    private static func ints(_ xs: [Int]) -> String { "[" + xs.map(String.init).joined(separator: ",") + "]" }
    private static func strings(_ xs: [String]) -> String { "[" + xs.map(JSONText.string).joined(separator: ",") + "]" }
    private static func object(_ d: [String: String]) -> String {
        "{" + d.sorted { $0.key < $1.key }.map { JSONText.string($0.key) + ":" + JSONText.string($0.value) }.joined(separator: ",") + "}"
    }
}
