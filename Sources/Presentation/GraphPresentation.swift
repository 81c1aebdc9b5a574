import Figures
import Site
import Training

/// Turns a traced graph into its picture (one SVG for light and dark) and its page widget.
package struct GraphPresentation {
    let trace: Trace
    let source: String
    /// The figure file names' stem, e.g. `colah` (files go to `figures/colah.svg`).
    let stem: String
    /// The language of labels drawn in the figures.
    var words = Words.english
    /// False: the widget and its texts only, with empty figure files (checks of what a page
    /// says, which need no drawing: Cairo's work is most of a render).
    package var drawsFigures = true

    /// A presentation of `trace`, whose figure files are named after `stem`, labelled in `words`.
    package init(trace: Trace, source: String, stem: String, words: Words = .english) {
        self.trace = trace
        self.source = source
        self.stem = stem
        self.words = words
    }

    /// A rendered block: the files to write (relative to the lesson folder) and the widget.
    package struct Output {
        package var files: [(String, [UInt8])]
        package var widget: GraphWidget
    }

    /// `chartX(step)`: where a training step sits on the loss chart (fraction of its width).
    package func render(chartX: ((Int) -> Double?)? = nil) throws(FigureError) -> Output {
        if let groups = trace.groups, !groups.isEmpty { return try renderGrouped(groups, chartX: chartX) }
        let step = trace.steps[trace.steps.count - 1]
        var diagram = self.diagram(step)
        if trace.steps.count > 1 {
            // Every traced step's numbers must fit the cards the last step is drawn in.
            for other in trace.steps.dropLast() {
                let lines = self.diagram(other).cards
                for i in diagram.cards.indices {
                    diagram.cards[i].measureLines += lines[i].valueLines + lines[i].gradientLines
                }
            }
        }
        let editable = trace.kind == .graph && trace.steps.count == 1
        if editable { LivePresentation.makeRoom(in: &diagram, trace: trace, words: words) }
        let measured = try diagram.measure()
        let layout = diagram.layout(measured, maxWidth: GraphDrawings.wide)
        let prefix = "g-" + stem
        // The phone drawing is laid out and drawn beside the wide one: on the critical path of a
        // one-model lesson, the graph's two drawings were half of what its build waited for.
        let laidOut = diagram
        let narrow = OwnThread { () throws(FigureError) -> (layout: GraphDiagram.Layout, svg: [UInt8])? in
            guard let phone = try GraphDrawings.narrowLayout(of: laidOut, main: layout, measured: measured) else { return nil }
            return (phone, try picture(laidOut, phone, prefix: prefix + "-n"))
        }
        let traceFile = TraceOutput.file(trace, stem: stem)
        var files = [("figures/\(stem).svg", try picture(diagram, layout, prefix: prefix)), traceFile]
        var widget = self.widget(step, diagram: diagram, layout: layout)
        if let phone = try narrow.wait() {
            let path = "figures/\(stem)-narrow.svg"
            files.append((path, phone.svg))
            widget.narrow = GraphDrawings.drawing(phone.layout, svg: path)
        }
        widget.trace = traceFile.path
        if editable { widget.live = LivePresentation(trace: trace, step: step, words: words).live(for: widget) }
        if trace.steps.count > 1 { widget.snapshots = snapshots(chartX: chartX) }
        return Output(files: files, widget: widget)
    }

    /// One SVG for both colour schemes (the light drawing if the two cannot be combined).
    func picture(_ diagram: GraphDiagram, _ layout: GraphDiagram.Layout, prefix: String) throws(FigureError) -> [UInt8] {
        guard drawsFigures else { return [] }
        return try ThemedSVG.render(light: try diagram.drawing(layout, theme: .light, format: .svg, idPrefix: prefix),
                                    dark: try diagram.drawing(layout, theme: .dark, format: .svg, idPrefix: prefix), scope: prefix)
    }

    func diagram(_ step: Trace.Step) -> GraphDiagram {
        var cards: [GraphDiagram.Card] = []
        for (i, node) in trace.nodes.enumerated() {
            let role: GraphDiagram.Card.Role
            switch node.role {
            case .input: role = .input
            case .parameter: role = .parameter
            case .constant: role = .constant
            case .operation: role = i == trace.output ? .output : .operation
            }
            cards.append(GraphDiagram.Card(title: node.name, caption: caption(node), role: role,
                                           valueLines: TensorText.lines(label: words.value, dims: node.shape, values: step.values[i], words: words),
                                           gradientLines: node.role == .constant ? []
                                               : TensorText.lines(label: words.grad, dims: node.shape, values: step.gradients[i], words: words)))
        }
        var edges: [GraphDiagram.Edge] = []
        for (i, node) in trace.nodes.enumerated() {
            for (k, input) in node.inputs.enumerated() {
                let label = step.localDerivatives[i][k].map { "∂\(node.name)/∂\(trace.nodes[input].name) = \(DisplayNumber.format($0))" }
                edges.append(GraphDiagram.Edge(from: input, to: i, label: label))
            }
        }
        return GraphDiagram(cards: cards, edges: edges)
    }

    /// One snapshot per traced step: the cards' lines and the walk's equations at that step.
    private func snapshots(chartX: ((Int) -> Double?)?) -> [GraphWidget.Snapshot] {
        trace.steps.map { step in
            let cards = diagram(step).cards
            let equations = GraphEquations(trace: trace, step: step, words: words)
            let walk = trace.nodes.indices.map { equations.forward($0) } + backwardNodes.map { equations.backward($0) }
            let label = words.stepLabel(DisplayNumber.count(step.step), step.loss.map { DisplayNumber.format($0) })
            let rows = self.rows(step)
            return GraphWidget.Snapshot(step: step.step, label: label,
                                        valueLines: cards.map(\.valueLines), gradientLines: cards.map(\.gradientLines),
                                        equations: walk, chartX: chartX?(step.step),
                                        tableValues: rows.map(\.value), tableGradients: rows.map(\.gradient))
        }
    }

    /// The nodes the backward walk visits, output first. Constants have no gradient on their
    /// cards or in the table, so the walk gives them no backward step either.
    private var backwardNodes: [Int] {
        trace.nodes.indices.reversed().filter { trace.nodes[$0].role != .constant }
    }

    /// What a card says about its operation: `+`, `@`, `σ`, `input`, ...
    func caption(_ node: Trace.Node) -> String {
        switch node.role {
        case .input: return words.input
        case .parameter: return words.parameter
        case .constant: return words.constant
        case .operation:
            switch node.op {
            case "mul": return "×"
            case "sub", "neg": return "−"
            case "sigmoid": return "σ"
            case "pow": return "x" + GraphEquations.superscript(node.symbol ?? "^")
            case "transpose": return "xᵀ"
            case "amax", "amin": return String(node.op.dropFirst())
            // The probability of dropping decides what the card's numbers mean.
            case "dropout": return "dropout p=" + GraphEquations.number(node.exponent ?? 0.5)
            default: return node.symbol ?? node.op
            }
        }
    }

    private func widget(_ step: Trace.Step, diagram: GraphDiagram, layout: GraphDiagram.Layout) -> GraphWidget {
        func frame(_ r: Rect) -> GraphWidget.Frame { GraphWidget.Frame(x: r.minX, y: r.minY, width: r.width, height: r.height) }
        let nodes = trace.nodes.indices.map { i in
            GraphWidget.Node(name: trace.nodes[i].name, role: "\(trace.nodes[i].role.rawValue)",
                             card: frame(layout.layered.nodeFrames[i]), valueArea: frame(layout.valueFrames[i]),
                             gradientArea: frame(layout.gradientFrames[i]),
                             valueLines: diagram.cards[i].valueLines, gradientLines: diagram.cards[i].gradientLines)
        }
        let edges = diagram.edges.enumerated().map { e, edge in
            GraphWidget.Edge(from: edge.from, to: edge.to, points: layout.layered.edgeRoutes[e].map { GraphWidget.Point(x: $0.x, y: $0.y) },
                             label: layout.layered.labelFrames[e].map(GraphDrawings.frame))
        }
        let equations = GraphEquations(trace: trace, step: step, words: words)
        let steps = trace.nodes.indices.map { GraphWidget.Step(phase: .forward, node: $0, equation: equations.forward($0)) }
            + backwardNodes.map { GraphWidget.Step(phase: .backward, node: $0, equation: equations.backward($0)) }
        return GraphWidget(id: "graph-\(stem)", kind: trace.kind.rawValue, name: trace.block, source: source,
                           width: layout.size.width, height: layout.size.height,
                           svg: "figures/\(stem).svg",
                           trace: "trace/\(stem).json", alt: altText(step), nodes: nodes, edges: edges, steps: steps,
                           rows: rows(step), checks: checks())
    }

    /// The table of every node at `step` (constants have no gradient).
    func rows(_ step: Trace.Step) -> [GraphWidget.Row] {
        trace.nodes.indices.map { i in
            GraphWidget.Row(name: trace.nodes[i].name, operation: trace.nodes[i].op, shape: DisplayNumber.shape(trace.nodes[i].shape, words: words),
                            value: TensorText.inline(dims: trace.nodes[i].shape, values: step.values[i], words: words),
                            gradient: trace.nodes[i].role == .constant ? ""
                                : TensorText.inline(dims: trace.nodes[i].shape, values: step.gradients[i], words: words))
        }
    }

    /// The gradient check's rows.
    func checks() -> [GraphWidget.Check] {
        trace.gradientCheck.map {
            GraphWidget.Check(name: trace.nodes[$0.node].name, relativeError: DisplayNumber.format($0.maxRelativeError),
                              passed: $0.passed)
        }
    }

    /// A sentence for screen readers: what goes in, what comes out, and the gradients of the leaves.
    func altText(_ step: Trace.Step) -> String {
        let leaves = trace.nodes.indices.filter { trace.nodes[$0].role == .input || trace.nodes[$0].role == .parameter }
        let out = trace.nodes[trace.output]
        let given = leaves.map { "\(trace.nodes[$0].name) = \(TensorText.inline(dims: trace.nodes[$0].shape, values: step.values[$0], words: words))" }
        let grads = leaves.map { "∂\(out.name)/∂\(trace.nodes[$0].name) = \(TensorText.inline(dims: trace.nodes[$0].shape, values: step.gradients[$0], words: words))" }
        return words.graphAlt(trace.nodes.count, given.joined(separator: ", "),
                              "\(out.name) = \(TensorText.inline(dims: out.shape, values: step.values[trace.output], words: words))",
                              grads.joined(separator: ", "))
    }
}

