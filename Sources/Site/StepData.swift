/// The numbers of a model widget's traced steps, for its training-step slider, as a script file
/// of their own (`steps/<widget-id>.js`) that the page loads only when the slider is used: a
/// `<script src>` works from `file://`, where `fetch` does not.
///
/// The steps share their wording and differ only in numbers, so the file holds each text once as
/// a template (numbers cut out) and, per step, just the numbers at display precision. A text
/// whose wording differs at some step is stored whole for that step. The JSON is packed
/// (`PackedScript`): mostly digits, it shrinks to a fifth.
package enum StepData {
    /// Where a widget's step file goes, relative to the lesson page.
    package static func path(_ widgetID: String) -> String { "steps/\(widgetID).js" }

    /// The step file of a widget with a slider, or nil for one without.
    package static func file(_ w: GraphWidget) -> (path: String, bytes: [UInt8])? {
        guard w.snapshots.count > 1, let last = w.snapshots.last else { return nil }
        let templates = texts(last).map { StepText.split($0).template }
        let shape = StepShape(last)
        var steps: [String] = []
        for snapshot in w.snapshots {
            let chartX = snapshot.chartX.map { GraphWidgetHTML.num($0 * 100) } ?? "null"
            guard StepShape(snapshot) == shape else {
                // Another layout of lines than the last step: stored whole.
                steps.append("{\"x\":\(chartX),\"r\":" + raw(snapshot) + "}")
                continue
            }
            var numbers: [String] = []
            var literal: [String] = []
            for (slot, text) in texts(snapshot).enumerated() {
                let split = StepText.split(text)
                if let template = split.template, template == templates[slot] {
                    numbers += split.numbers
                } else {
                    literal.append("\"\(slot)\":" + JSONText.string(text))
                }
            }
            var step = "{\"x\":\(chartX),\"n\":" + JSONText.string(StepText.shared(numbers).joined(separator: StepText.separator))
            if !literal.isEmpty { step += ",\"o\":{" + literal.joined(separator: ",") + "}" }
            steps.append(step + "}")
        }
        // A text without a template (it holds the hole mark) is stored whole at every step.
        var json = "{\"shape\":" + shape.json + ",\"t\":[" + templates.map { $0.map(JSONText.string) ?? "null" }.joined(separator: ",") + "],"
        json += "\"steps\":[\n" + steps.joined(separator: ",\n") + "]}"
        // The file calls the page's script with the widget's id and the JSON packed.
        return (path(w.id), PackedScript.call("lessonsSteps", id: w.id, json: json))
    }

    /// Every text a snapshot shows, in one fixed order: label, card values, card gradients,
    /// walk equations, table values, table gradients, predictions (caption and cells).
    static func texts(_ s: GraphWidget.Snapshot) -> [String] {
        [s.label] + s.valueLines.flatMap { $0 } + s.gradientLines.flatMap { $0 } + s.equations + s.tableValues + s.tableGradients
            + s.predictions
    }

    private static func raw(_ s: GraphWidget.Snapshot) -> String {
        "{\"label\":\(JSONText.string(s.label)),\"v\":\(JSONText.lines(s.valueLines)),\"g\":\(JSONText.lines(s.gradientLines)),"
            + "\"e\":[\(s.equations.map(JSONText.string).joined(separator: ","))],"
            + "\"tv\":[\(s.tableValues.map(JSONText.string).joined(separator: ","))],"
            + "\"tg\":[\(s.tableGradients.map(JSONText.string).joined(separator: ","))],"
            + "\"p\":[\(s.predictions.map(JSONText.string).joined(separator: ","))]}"
    }
}

/// How many texts of each kind a snapshot has: the script cuts the flat list of texts back
/// into cards, equations and table cells with it.
struct StepShape: Equatable {
    var valueLines: [Int], gradientLines: [Int]
    var equations: Int, tableValues: Int, tableGradients: Int, predictions: Int

    init(_ s: GraphWidget.Snapshot) {
        valueLines = s.valueLines.map(\.count); gradientLines = s.gradientLines.map(\.count)
        equations = s.equations.count; tableValues = s.tableValues.count; tableGradients = s.tableGradients.count
        predictions = s.predictions.count
    }

    var json: String {
        "{\"v\":[\(valueLines.map(String.init).joined(separator: ","))],\"g\":[\(gradientLines.map(String.init).joined(separator: ","))],"
            + "\"e\":\(equations),\"tv\":\(tableValues),\"tg\":\(tableGradients),\"p\":\(predictions)}"
    }
}
