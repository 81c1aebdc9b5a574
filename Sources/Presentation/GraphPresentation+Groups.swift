import Figures
import LessonModel
import Site
import Training

/// A graph with groups is drawn once with every group collapsed, and once per group with that
/// group opened in place; the page shows the collapsed drawing and swaps in the others.
extension GraphPresentation {
    func renderGrouped(_ groups: [NodeGroup], chartX: ((Int) -> Double?)?) throws(FigureError) -> Output {
        let last = trace.steps[trace.steps.count - 1]
        let summaries = groups.map { GroupSummary(trace: trace, group: $0, words: words) }
        let traceFile = TraceOutput.file(trace, stem: stem)
        var files: [(String, [UInt8])] = []
        var drawn: [(view: GroupedView, diagram: GraphDiagram, layout: GraphDiagram.Layout, svg: String)] = []
        let editable = trace.kind == .graph && trace.steps.count == 1
        for opened in [nil] + groups.indices.map(Optional.some) {
            let view = GroupedView(trace: trace, groups: groups, opened: opened)
            var diagram = self.diagram(view, step: last, summaries: summaries)
            for other in trace.steps.dropLast() {
                let lines = self.diagram(view, step: other, summaries: summaries).cards
                for i in diagram.cards.indices {
                    diagram.cards[i].measureLines += lines[i].valueLines + lines[i].gradientLines
                }
            }
            if editable {
                let nodeOfCard = view.items.map { item -> Int? in if case .node(let i) = item { return i } else { return nil } }
                LivePresentation.makeRoom(in: &diagram, trace: trace, words: words, nodeOfCard: nodeOfCard)
            }
            let layout = try diagram.layout(maxWidth: GraphDrawings.wide)
            let name = opened.map { Self.openedStem(stem, group: $0) } ?? stem
            let svg = "figures/\(name).svg"
            files.append((svg, try picture(diagram, layout, prefix: "g-" + name)))
            drawn.append((view, diagram, layout, svg))
        }
        files.append(traceFile)

        let collapsed = drawn[0]
        var widget = GraphWidget(id: "graph-\(stem)", kind: trace.kind.rawValue, name: trace.block, source: source,
                                 width: collapsed.layout.size.width, height: collapsed.layout.size.height,
                                 svg: collapsed.svg, trace: traceFile.path, alt: altText(last),
                                 nodes: cards(collapsed.view, collapsed.diagram, collapsed.layout, summaries: summaries),
                                 edges: arrows(collapsed.view, collapsed.layout),
                                 steps: walk(collapsed.view, step: last, summaries: summaries),
                                 rows: rows(last), checks: checks())
        widget.groupNote = words.groups.note
        var labelled = [(collapsed.view, collapsed.layout)]
        // The collapsed drawing gets a phone drawing too (the opened ones are fitted to the box).
        if let phone = try GraphDrawings.narrowLayout(of: collapsed.diagram, main: collapsed.layout) {
            labelled.append((collapsed.view, phone))
            let path = "figures/\(stem)-narrow.svg"
            files.append((path, try picture(collapsed.diagram, phone, prefix: "g-" + stem + "-n")))
            widget.narrow = GraphDrawings.drawing(phone, svg: path)
        }
        widget.views = drawn.dropFirst().enumerated().map { g, view in
            let members = groups[g].members.map { view.layout.layered.nodeFrames[view.view.itemOfNode[$0]] }
            return GraphWidget.View(svg: view.svg, width: view.layout.size.width, height: view.layout.size.height,
                                    nodes: cards(view.view, view.diagram, view.layout, summaries: summaries),
                                    edges: arrows(view.view, view.layout),
                                    steps: walk(view.view, step: last, summaries: summaries),
                                    members: groups[g].members, collapseAt: Self.topLeft(of: members),
                                    expandLabel: words.groups.expand(summaries[g].title),
                                    collapseLabel: words.groups.collapse(summaries[g].title))
        }
        if editable {
            labelled += drawn.dropFirst().map { ($0.view, $0.layout) }
            let labels = labelled.map { Self.liveLabels($0.0, $0.1, trace: trace) }
            widget.live = LivePresentation(trace: trace, step: last, words: words).live(for: widget, labels: labels)
            widget.live?.groups = summaries.map { $0.live() }
        }
        if trace.steps.count > 1 {
            widget.snapshots = trace.steps.map { step in
                let cards = diagram(step).cards
                let label = words.stepLabel(DisplayNumber.count(step.step), step.loss.map { DisplayNumber.format($0) })
                return GraphWidget.Snapshot(
                    step: step.step, label: label,
                    valueLines: cards.map(\.valueLines) + summaries.map { $0.valueLines(step) },
                    gradientLines: cards.map(\.gradientLines) + summaries.map { $0.gradientLines(step) },
                    equations: equations(step, summaries: summaries),
                    chartX: chartX?(step.step),
                    tableValues: rows(step).map(\.value), tableGradients: rows(step).map(\.gradient))
            }
        }
        return Output(files: files, widget: widget)
    }

    /// The view's cards at `step`: a node's card as in the whole graph, a group's from its summary.
    func diagram(_ view: GroupedView, step: Trace.Step, summaries: [GroupSummary]) -> GraphDiagram {
        let whole = diagram(step)
        let cards = view.items.map { item -> GraphDiagram.Card in
            switch item {
            case .node(let i): return whole.cards[i]
            case .group(let g):
                let s = summaries[g]
                return GraphDiagram.Card(title: s.title, caption: s.caption, role: .group,
                                         valueLines: s.valueLines(step), gradientLines: s.gradientLines(step))
            }
        }
        let labels = Dictionary(whole.edges.map { ("\($0.from)>\($0.to)", $0.label) }, uniquingKeysWith: { a, _ in a })
        let edges = view.edges(trace).map { e in
            GraphDiagram.Edge(from: e.from, to: e.to, label: e.isWhole ? labels["\(e.edge.input)>\(e.edge.user)"] ?? nil : nil)
        }
        return GraphDiagram(cards: cards, edges: edges)
    }

    private func cards(_ view: GroupedView, _ diagram: GraphDiagram, _ layout: GraphDiagram.Layout,
                       summaries: [GroupSummary]) -> [GraphWidget.Node] {
        view.items.enumerated().map { k, item in
            var role = "group", expands: Int?
            switch item {
            case .node(let i): role = trace.nodes[i].role.rawValue
            case .group(let g): expands = g + 1
            }
            var node = GraphWidget.Node(name: diagram.cards[k].title, role: role, card: Self.frame(layout.layered.nodeFrames[k]),
                                        valueArea: Self.frame(layout.valueFrames[k]), gradientArea: Self.frame(layout.gradientFrames[k]),
                                        valueLines: diagram.cards[k].valueLines, gradientLines: diagram.cards[k].gradientLines)
            node.index = view.index(of: item)
            node.order = k
            node.expands = expands
            return node
        }
    }

    /// A drawing's edge labels as the page's live file lists them: [edge, x, y, width, height],
    /// where `edge` is the trace edge's place in `Live.edgeInputs` (a view's arrows are not the
    /// trace's edges; only an arrow between two nodes drawn as themselves has a label).
    static func liveLabels(_ view: GroupedView, _ layout: GraphDiagram.Layout, trace: Trace) -> [[Double]] {
        var edgeIndex: [[Int]: Int] = [:]
        var e = 0
        for (user, node) in trace.nodes.enumerated() {
            for input in node.inputs {
                if edgeIndex[[input, user]] == nil { edgeIndex[[input, user]] = e }
                e += 1
            }
        }
        return view.edges(trace).enumerated().compactMap { k, arrow in
            guard arrow.isWhole, layout.layered.labelFrames.indices.contains(k), let r = layout.layered.labelFrames[k],
                  let e = edgeIndex[[arrow.edge.input, arrow.edge.user]] else { return nil }
            return [Double(e), r.minX, r.minY, r.width, r.height]
        }
    }

    private func arrows(_ view: GroupedView, _ layout: GraphDiagram.Layout) -> [GraphWidget.Edge] {
        view.edges(trace).enumerated().map { e, edge in
            GraphWidget.Edge(from: view.index(of: view.items[edge.from]), to: view.index(of: view.items[edge.to]),
                             points: layout.layered.edgeRoutes[e].map { GraphWidget.Point(x: $0.x, y: $0.y) })
        }
    }

    /// Every equation any view's walk shows at `step`, each once: the forward equations of the
    /// nodes and then the groups, then their backward equations (see `Step.equationIndex`).
    func equations(_ step: Trace.Step, summaries: [GroupSummary]) -> [String] {
        let equations = GraphEquations(trace: trace, step: step, words: words, groups: trace.groups ?? [])
        return trace.nodes.indices.map { equations.forward($0) } + summaries.map { $0.forward(step) }
            + trace.nodes.indices.map { equations.backward($0) } + summaries.map { $0.backward(step) }
    }

    /// Forward through the view's items, then back: a collapsed group is one step each way.
    func walk(_ view: GroupedView, step: Trace.Step, summaries: [GroupSummary]) -> [GraphWidget.Step] {
        let groups = trace.groups ?? []
        let equations = GraphEquations(trace: trace, step: step, words: words, groups: trace.groups ?? [])
        func walkStep(_ k: Int, _ phase: GraphWidget.Step.Phase) -> GraphWidget.Step {
            let item = view.items[k]
            let equation: String
            switch (item, phase) {
            case (.node(let i), .forward): equation = equations.forward(i)
            case (.node(let i), .backward): equation = equations.backward(i)
            case (.group(let g), .forward): equation = summaries[g].forward(step)
            case (.group(let g), .backward): equation = summaries[g].backward(step)
            }
            var s = GraphWidget.Step(phase: phase, node: view.index(of: item), equation: equation)
            s.order = k
            s.equationIndex = view.index(of: item) + (phase == .forward ? 0 : view.nodeCount + groups.count)
            if case .node(let i) = item, let g = view.opened, groups[g].members.contains(i) { s.within = view.nodeCount + g }
            return s
        }
        return view.items.indices.map { walkStep($0, .forward) } + view.items.indices.reversed().map { walkStep($0, .backward) }
    }

    /// The file stem of the drawing with group `g` (0-based) opened: `batch--1`. Block stems are
    /// slugs, which never hold two dashes in a row, so no block's files can clash with these.
    package static func openedStem(_ stem: String, group g: Int) -> String { "\(stem)--\(g + 1)" }

    static func frame(_ r: Rect) -> GraphWidget.Frame { GraphWidget.Frame(x: r.minX, y: r.minY, width: r.width, height: r.height) }

    /// The top left corner of the leftmost frame (the topmost of equals): where a reader who
    /// scrolls the drawing from the left meets the group first.
    static func topLeft(of frames: [Rect]) -> GraphWidget.Point {
        let top = frames.min { ($0.minX, $0.minY) < ($1.minX, $1.minY) }
        return GraphWidget.Point(x: top?.minX ?? 0, y: top?.minY ?? 0)
    }
}
