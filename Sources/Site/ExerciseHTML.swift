/// An exercise's answer box (ExerciseView): the numbers it sets, a labelled field and a Check
/// button (shown by the script), a polite status line for the verdict, and the answer with the
/// worked chain rule in a `<details>`: open to anyone without JavaScript, shown by the script
/// after the reader's first attempt, left out of print (the question alone is printed).
enum ExerciseHTML {
    static func render(_ e: ExerciseView, line: Int, context: PageContext, phrases: Phrases) -> Markup {
        let p = phrases.exercise
        let id = "\(context.anchorPrefix)exercise-\(line)"
        let leaves = e.leaves.map { "\($0.node)=" + $0.values.map { "\($0)" }.joined(separator: ";") }.joined(separator: ",")
        var out: Markup = "<div class=\"exercise\" id=\"\(attribute: id)\" data-widget=\"\(attribute: e.widgetID)\" "
        out += "data-leaves=\"\(attribute: leaves)\" data-quantity=\"\(attribute: e.isGradient ? "gradient" : "value")\" "
        out += "data-node=\"\(e.node)\" data-entry=\"\(e.entry)\" data-relative=\"\(attribute: e.relative ? "1" : "0")\" "
        out += "data-tolerance=\"\(attribute: "\(e.tolerance)")\" data-answer=\"\(attribute: "\(e.answer)")\" "
        out += "data-asked=\"\(attribute: e.asked)\" data-within=\"\(attribute: e.toleranceText)\" "
        out += "data-right=\"\(attribute: p.right)\" data-wrong=\"\(attribute: p.wrong)\" "
        out += "data-not-number=\"\(attribute: p.notNumber)\" data-offline=\"\(attribute: p.offline)\""
        if let below = e.below {
            out += " data-vector-below=\"\(attribute: below.vector)\" data-matrix-below=\"\(attribute: below.matrix)\" data-side=\"\(ExerciseView.gridSide)\""
        }
        out += ">\n"
        if !e.given.isEmpty {
            out += "<p class=\"exercise-given\">\(text: GraphWidgetHTML.fill(p.given, [e.given]))</p>\n"
        }
        out += "<form class=\"exercise-form\" hidden><label for=\"\(attribute: id)-answer\">\(text: GraphWidgetHTML.fill(p.answerLabel, [e.asked]))</label> "
        out += "<input type=\"text\" id=\"\(attribute: id)-answer\" class=\"exercise-input\" inputmode=\"decimal\" autocomplete=\"off\" spellcheck=\"false\"> "
        out += "<button type=\"submit\" class=\"exercise-check\">\(text: p.check)</button></form>\n"
        out += "<p class=\"exercise-verdict\" role=\"status\" aria-live=\"polite\"></p>\n"
        out += "<details class=\"exercise-answer\"><summary>\(text: p.answer)</summary>\n"
        out += "<p class=\"exercise-result\">\(text: GraphWidgetHTML.fill(p.answerLine, [e.asked, e.answerText, e.toleranceText]))</p>\n"
        if !e.steps.isEmpty {
            out += "<p>\(text: p.worked)</p>\n<ol class=\"exercise-walk\">\n"
            for (k, step) in e.steps.enumerated() {
                out += "<li data-node=\"\(step.node)\" data-phase=\"\(attribute: step.phase.rawValue)\"><span class=\"equation\">\(text: step.equation)</span>"
                if k < e.grids.count, !e.grids[k].isEmpty {
                    out += "<pre class=\"exercise-grid\">\(text: e.grids[k].joined(separator: "\n"))</pre>"
                }
                out += "</li>\n"
            }
            out += "</ol>\n"
        }
        return out + "</details>\n</div>\n"
    }
}
