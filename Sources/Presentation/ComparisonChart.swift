import Figures
import LessonModel
import Site
import Training

/// A `compare` block: the loss curves of several model blocks of the lesson on one chart.
///
///     ```compare optimizers
///     sgd momentum adam
///     ```
package enum ComparisonChart {
    package static func render(_ block: LessonBlock, stem: String, histories: [String: LossHistory], lang: String?,
                       diagnostics: inout Diagnostics) -> ([(String, [UInt8])], ModelWidget.Chart)? {
        let names = block.source.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," || $0 == "\t" }).map(String.init)
        guard !names.isEmpty else {
            diagnostics.error(SourcePosition(line: block.fenceLine, column: 1),
                              "a compare block lists the model blocks to compare, like 'sgd momentum adam'")
            return nil
        }
        var series: [LossChart.Series] = []
        for name in names {
            guard let history = histories[name] else {
                let hint = Suggestions.closest(to: name, among: Array(histories.keys)).map { "; did you mean '\($0)'?" } ?? ""
                diagnostics.error(SourcePosition(line: block.fenceLine, column: 1),
                                  "no model block named '\(name)' has trained in this lesson\(hint)")
                return nil
            }
            series.append(LossChart.Series(name: name, steps: history.steps.map(Double.init), values: history.values))
        }
        let chinese = lang?.lowercased().hasPrefix("zh") == true
        let chart = LossChart(series: series, xLabel: chinese ? "步数" : "step", yLabel: chinese ? "损失" : "loss")
        do {
            var layouts: [Size: LossChart.Layout] = [:]
            let drawn = try ChartFiles(path: "figures/\(stem)", prefix: "c-\(stem)", sizes: .row) { theme, size, prefix throws(FigureError) in
                try ChartFiles.drawing(chart, theme: theme, size: size, prefix: prefix, layouts: &layouts)
            }
            let files = drawn.files
            let finals = zip(names, series).compactMap { name, s in s.values.last.map { "\(name) \(DisplayNumber.format($0))" } }
            let caption = chinese ? "损失对比：" + names.joined(separator: "、") : "Loss of " + names.joined(separator: ", ")
            let figure = ModelWidget.Chart(kind: "compare", caption: caption, svg: drawn.svg,
                                           width: ChartFiles.Sizes.row.wide.width, height: ChartFiles.Sizes.row.wide.height,
                                           narrow: drawn.narrow, alt: Words.forLang(lang).compareAlt(finals), plotArea: nil)
            return (files, figure)
        } catch {
            diagnostics.error(SourcePosition(line: block.fenceLine, column: 1), "cannot draw this chart: \(error)")
            return nil
        }
    }
}
