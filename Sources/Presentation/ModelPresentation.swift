import Figures
import Foundation
import LessonModel
import Site
import Training

/// Turns a trained model into its charts, its scrubbable graph and its page widget.
package struct ModelPresentation {
    let run: ModelRun
    let model: ModelProgram
    let source: String
    let stem: String
    var words = Words.english

    /// A presentation of a trained model, whose figure files are named after `stem`, labelled in `words`.
    package init(run: ModelRun, model: ModelProgram, source: String, stem: String, words: Words = .english) {
        self.run = run
        self.model = model
        self.source = source
        self.stem = stem
        self.words = words
    }

    package struct Output {
        package var files: [(String, [UInt8])]
        package var widget: ModelWidget
    }

    package func render() throws(FigureError) -> Output {
        var files: [(String, [UInt8])] = []
        var charts: [ModelWidget.Chart] = []

        // The graph's drawings and the charts are independent: drawn side by side, a lesson of
        // one model uses both cores (its build otherwise draws everything on one). The graph
        // starts first; it needs the loss chart's layout only for its last part, where each
        // traced step sits on the chart (its scrubber moves a marker along the loss curve).
        let presentation = GraphPresentation(trace: run.trace, source: source, stem: stem, words: words)
        let lossLayoutForGraph = Handoff<LossChart.Layout>()
        let graphDrawing = OwnThread { () throws(FigureError) in
            try presentation.render(chartX: { step in
                guard let layout = lossLayoutForGraph.wait() else { return nil }
                return layout.xPixel(forStep: Double(step)) / layout.size.width
            })
        }
        var loss = lossChart()
        loss.size = ChartFiles.Sizes.column.wide
        let lossLayout: LossChart.Layout
        do throws(FigureError) {
            lossLayout = try loss.layout()
        } catch {
            lossLayoutForGraph.set(nil)  // the graph must not wait for ever
            throw error
        }
        lossLayoutForGraph.set(lossLayout)
        let area = lossLayout.plotArea, size = lossLayout.size
        var lossLayouts = [size: lossLayout]
        try addChart(kind: "loss", sizes: .column, caption: words.lossCaption, alt: lossAlt(),
                     plotArea: GraphWidget.Frame(x: area.minX / size.width, y: area.minY / size.height,
                                                 width: area.width / size.width, height: area.height / size.height),
                     files: &files, charts: &charts) { theme, size, prefix throws(FigureError) in
            try ChartFiles.drawing(loss, theme: theme, size: size, prefix: prefix, layouts: &lossLayouts)
        }
        if let gradients = gradientChart() {
            var layouts: [Size: LossChart.Layout] = [:]
            try addChart(kind: "gradients", sizes: .column, caption: words.gradientsCaption, alt: words.gradientsAlt,
                         files: &files, charts: &charts) { theme, size, prefix throws(FigureError) in
                try ChartFiles.drawing(gradients, theme: theme, size: size, prefix: prefix, layouts: &layouts)
            }
        }
        if let network = networkChart() {
            try addChart(kind: "network", sizes: .row, caption: words.networkCaption, alt: words.networkAlt,
                         files: &files, charts: &charts) { theme, size, prefix throws(FigureError) in
                var chart = network
                chart.size = size
                return try chart.drawing(theme: theme, format: .svg, idPrefix: prefix)
            }
        }
        if let boundary = try boundaryChart() {
            // As tall as the data's shape needs, so no empty bands frame the plot.
            func fitted(_ size: Size) throws(FigureError) -> Size {
                var chart = boundary
                chart.size = size
                return try chart.fittedToData().size
            }
            let limits = ChartFiles.Sizes.boundary
            let sizes = ChartFiles.Sizes(wide: try fitted(limits.wide), narrow: try limits.narrow.map { size throws(FigureError) in try fitted(size) })
            try addChart(kind: "boundary", sizes: sizes, caption: words.boundaryCaption, alt: words.boundaryAlt,
                         files: &files, charts: &charts) { theme, size, prefix throws(FigureError) in
                var chart = boundary
                chart.size = size
                return try chart.drawing(theme: theme, format: .svg, idPrefix: prefix)
            }
        }
        if let mistakes = run.mistakes {
            try addMistakesChart(mistakes, files: &files, charts: &charts)
        }
        let graph = try graphDrawing.wait()
        files += graph.files
        var widget = graph.widget
        widget.id = "model-\(stem)"
        let predictions = predictionsTable()
        if let predictions {
            // Each traced step's predictions ride in its snapshot, so the slider refills the table.
            for i in widget.snapshots.indices where i < predictions.steps.count { widget.snapshots[i].predictions = predictions.steps[i] }
        }
        let modelWidget = ModelWidget(graph: widget, summary: summary(), charts: charts, expansion: model.expansion,
                                      predictions: predictions?.table, retrain: retrain())
        return Output(files: files, widget: modelWidget)
    }

    /// Draws a chart at its sizes, one SVG per size for both colour schemes, and describes it for the widget.
    func addChart(kind: String, sizes: ChartFiles.Sizes, caption: String, alt: String, plotArea: GraphWidget.Frame? = nil,
                          files: inout [(String, [UInt8])], charts: inout [ModelWidget.Chart],
                          draw: (ChartTheme, Size, String) throws(FigureError) -> Drawing) throws(FigureError) {
        let drawn = try ChartFiles(path: "figures/\(stem)-\(kind)", prefix: "m-\(stem)-\(kind)", sizes: sizes, draw: draw)
        files += drawn.files
        charts.append(ModelWidget.Chart(kind: kind, caption: caption, svg: drawn.svg, width: sizes.wide.width,
                                        height: sizes.wide.height, narrow: drawn.narrow, alt: alt, plotArea: plotArea))
    }

    private func summary() -> String {
        let steps = run.history.steps.last.map { $0 + 1 } ?? 0
        let spec = model.train.optimizer
        var optimizer = spec.name + "(" + spec.nonDefaultArguments.map { "\($0.name): \(DisplayNumber.format($0.value))" }
            .joined(separator: ", ") + ")"
        if let schedule = model.schedule { optimizer += ", schedule " + schedule.source }
        return words.summary(DisplayNumber.count(steps), optimizer, DisplayNumber.count(run.train.count), model.train.batch,
                             run.history.values.last.map(DisplayNumber.format))
    }

    private func lossChart() -> LossChart {
        var series = [LossChart.Series(name: words.training, steps: run.history.steps.map(Double.init), values: run.history.values)]
        if !run.validation.isEmpty {
            series.append(LossChart.Series(name: words.validation, steps: run.validation.map { Double($0.step) },
                                           values: run.validation.map(\.loss)))
        }
        return LossChart(series: series, xLabel: words.step, yLabel: words.loss)
    }

    /// The RMS gradient of each weight matrix over the traced steps: where vanishing (or
    /// exploding) gradients show up. Only for models with two or more weight matrices.
    private func gradientChart() -> LossChart? {
        let sizes = run.gradientSizes
        guard sizes.nodes.count >= 2, sizes.steps.count >= 2 else { return nil }
        let steps = sizes.steps.map(Double.init)
        let series = zip(sizes.nodes, sizes.values).map { node, values in
            LossChart.Series(name: run.trace.nodes[node].name, steps: steps, values: values)
        }
        return LossChart(series: series, xLabel: words.step, yLabel: words.rmsGradient)
    }

    private func lossAlt() -> String {
        guard let first = run.history.values.first, let last = run.history.values.last else { return words.lossAltEmpty }
        return words.lossAlt(DisplayNumber.format(first), DisplayNumber.format(last), DisplayNumber.count(run.history.steps.last ?? 0))
    }

    /// The parameters, when they form a chain of weight matrices (with optional bias vectors).
    private func networkChart() -> NetworkChart? {
        // Pictures are shown as pictures (the mistakes figure); a network of 64 inputs drawn as 12 says little.
        if case .csv(let source) = model.data, source.image != nil { return nil }
        let nodes = run.trace.nodes
        let params = nodes.indices.filter { nodes[$0].role == .parameter }
        let matrices = params.filter { nodes[$0].shape.count == 2 }
        guard let first = matrices.first, let features = run.train.X.shape.dims.last, nodes[first].shape[0] == features else { return nil }
        var sizes = [features]
        var weights: [[Double]] = []
        for m in matrices {
            guard nodes[m].shape[0] == sizes.last else { return nil }
            sizes.append(nodes[m].shape[1])
            weights.append(run.finalValues[m])
        }
        guard weights.count >= 1, sizes.count <= 8 else { return nil }
        let vectors = params.filter { nodes[$0].shape.count == 1 }
        var biases: [[Double]]? = nil
        if vectors.count == weights.count, zip(vectors, sizes.dropFirst()).allSatisfy({ nodes[$0].shape[0] == $1 }) {
            biases = vectors.map { run.finalValues[$0] }
        }
        let layers = sizes.enumerated().map { i, size -> NetworkChart.Layer in
            if i == 0 { return NetworkChart.Layer(size: size, name: words.input) }
            let name = i == sizes.count - 1 ? words.output : words.hidden
            return NetworkChart.Layer(size: size, name: name, activation: activation(after: matrices[i - 1]))
        }
        return NetworkChart(layers: layers, weights: weights, biases: biases,
                            labels: NetworkChart.Labels(positive: words.positive, negative: words.negative, width: words.width, bias: words.bias))
    }

    /// The activation applied to a weight matrix's product (through an optional bias addition).
    private func activation(after weight: Int) -> String? {
        let nodes = run.trace.nodes
        guard let product = nodes.indices.first(where: { nodes[$0].op == "matmul" && nodes[$0].inputs.contains(weight) }) else { return nil }
        var current = product
        for _ in 0..<2 {
            guard let next = nodes.indices.first(where: { nodes[$0].inputs.contains(current) }) else { return "linear" }
            if ["sigmoid", "tanh", "relu"].contains(nodes[next].op) { return nodes[next].op }
            guard nodes[next].op == "add" else { return "linear" }
            current = next
        }
        return "linear"
    }

    private func usesLoss(_ op: String) -> Bool { run.trace.nodes.contains { $0.op == op } }

    /// Whether the model's output is a probability: logits that the loss turns into one
    /// (`bce_logits`, `softmax_cross_entropy`), or a sigmoid or softmax output.
    private var outputIsProbability: Bool {
        if usesLoss("bce_logits") || usesLoss("softmax_cross_entropy") { return true }
        guard run.trace.nodes.indices.contains(model.output) else { return false }
        return ["sigmoid", "softmax"].contains(run.trace.nodes[model.output].op)
    }

    /// A classifier: trained with a classification loss, or on targets that are all 0 or 1
    /// (one-hot rows for several classes). Regressions get no boundary and no class columns.
    var isClassifier: Bool {
        if usesLoss("bce_logits") || usesLoss("softmax_cross_entropy") { return true }
        let y = run.train.y.scalars
        let k = run.train.y.shape.dims.last ?? 1
        guard !y.isEmpty, y.allSatisfy({ $0 == 0 || $0 == 1 }) else { return false }
        return k == 1 || stride(from: 0, to: y.count, by: k).allSatisfy { y[$0..<min($0 + k, y.count)].reduce(0, +) == 1 }
    }

    private func boundaryChart() throws(FigureError) -> BoundaryChart? {
        guard let grid = run.grid, isClassifier else { return nil }
        let cells = grid.size * grid.size
        let values: BoundaryChart.Grid.Values
        // Probabilities by the engine's own σ and softmax kernels (as the loss computes them);
        // several outputs are coloured by their softmax whatever the loss.
        let clamp = { (p: Double, fallback: Double) in p.isFinite ? min(1, max(0, p)) : fallback }
        if grid.outputs == 1 {
            let logits = OutputLink.of(model) == .sigmoid
            let p = logits ? OutputLink.sigmoid.probabilities(grid.values, columns: 1) : nil
            values = .probability((p ?? grid.values).map { clamp($0, 0.5) })
        } else {
            let even = 1 / Double(grid.outputs)
            let p = OutputLink.softmax.probabilities(grid.values, columns: grid.outputs)
                ?? Array(repeating: even, count: cells * grid.outputs)
            values = .classProbabilities(p.map { clamp($0, even) }, classes: grid.outputs)
        }
        let g = try BoundaryChart.Grid(columns: grid.size, rows: grid.size, x: grid.xRange, y: grid.yRange, values: values)
        let X = run.train.X.scalars, y = run.train.y.scalars
        let k = run.train.y.shape.dims.last ?? 1
        let samples = (0..<run.train.count).map { i -> BoundaryChart.Sample in
            let label: Int
            if k == 1 { label = y[i] > 0.5 ? 1 : 0 } else {
                let row = y[(i * k)..<((i + 1) * k)]
                label = (row.indices.max { row[$0] < row[$1] } ?? row.startIndex) - row.startIndex
            }
            return BoundaryChart.Sample(x: X[2 * i], y: X[2 * i + 1], label: label)
        }
        let classes = max(2, grid.outputs)
        // A linear output trained on 0/1 targets is not a probability: its chart says what it shows.
        let probability = outputIsProbability
        return BoundaryChart(grid: g, samples: samples, classNames: (0..<classes).map { "\(words.classPrefix) \($0)" },
                             contourLabel: probability ? "p = 0.5" : words.outputLevel,
                             probabilityLabel: grid.outputs == 1 ? (probability ? "P(\(words.classPrefix) 1)" : words.outputBar) : nil)
    }

    func subscriptDigits(_ n: Int) -> String {
        String(String(n).compactMap { c in c.wholeNumberValue.flatMap { Unicode.Scalar(0x2080 + $0).map(Character.init) } })
    }
}
