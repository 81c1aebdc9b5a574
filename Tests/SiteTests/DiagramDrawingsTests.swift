import Testing
@testable import Site

private func twoNodeWidget(width: Double) -> GraphWidget {
    let frame = { (x: Double) in GraphWidget.Frame(x: x, y: 10, width: 40, height: 30) }
    let node = { (x: Double, name: String) in
        GraphWidget.Node(name: name, role: "input", card: frame(x), valueArea: frame(x), gradientArea: frame(x),
                         valueLines: ["value 1"], gradientLines: ["grad 1"])
    }
    return GraphWidget(id: "graph-g", kind: "graph", name: "g", source: "", width: width, height: 50, svg: "figures/g.svg",
                       trace: "trace/g.json", alt: "a graph",
                       nodes: [node(10, "x"), node(100, "y")],
                       edges: [GraphWidget.Edge(from: 0, to: 1, points: [.init(x: 50, y: 25), .init(x: 100, y: 25)],
                                                label: GraphWidget.Frame(x: 60, y: 12, width: 30, height: 14))],
                       steps: [], rows: [], checks: [])
}

@Test func aGraphThatFitsAPhoneIsDrawnOnce() {
    let html = GraphWidgetHTML.render(twoNodeWidget(width: 150)).html
    #expect(html.components(separatedBy: "<div class=\"diagram ").count == 2)
    #expect(html.contains("<div class=\"diagram only\" data-width=\"150\""))
    #expect(html.contains("wide-prints"))
    // The toggle is there for the script, hidden until a drawing is wider than its box.
    #expect(html.contains("<div class=\"diagram-bar\" hidden><button type=\"button\" class=\"fit-toggle\""))
}

@Test func aWideGraphCarriesANarrowDrawingAndPrintsIt() {
    var widget = twoNodeWidget(width: 900)
    widget.narrow = GraphWidget.Drawing(svg: "figures/g-narrow.svg", width: 300, height: 120,
                                        nodes: widget.nodes.map { .init(card: $0.card, valueArea: $0.valueArea, gradientArea: $0.gradientArea) },
                                        edges: [[.init(x: 30, y: 40), .init(x: 30, y: 80)]],
                                        labels: [GraphWidget.Frame(x: 35, y: 50, width: 30, height: 14)])
    let html = GraphWidgetHTML.render(widget).html
    #expect(html.contains("<div class=\"diagram wide\" data-width=\"900\""))
    #expect(html.contains("<div class=\"diagram narrow\" data-width=\"300\""))
    #expect(html.contains("<img src=\"figures/g-narrow.svg\" width=\"300\" height=\"120\" alt=\"\""))
    #expect(!html.contains("wide-prints"), "900 px does not fit the paper: the narrow drawing prints")
    // Both drawings have the walk's cells; the narrow one's are filled by the script from the first's.
    #expect(html.components(separatedBy: "class=\"cell value\" data-node=\"1\"").count == 3)
    #expect(html.components(separatedBy: "<span>value 1</span>").count == 3, "each number once, in the first drawing")
    #expect(Script.javaScript.contains("fillNarrowCells(widget)"))
}

@Test func theHighlightedEdgeIsMaskedUnderEveryLabel() {
    let html = GraphWidgetHTML.render(twoNodeWidget(width: 150)).html
    #expect(html.contains("<mask id=\"graph-g-only-labels\" maskUnits=\"userSpaceOnUse\""))
    #expect(html.contains("<rect x=\"60\" y=\"12\" width=\"30\" height=\"14\" fill=\"black\"/>"))
    #expect(html.contains("<g mask=\"url(#graph-g-only-labels)\"><path data-from=\"0\" data-to=\"1\""))
}

@Test func theToggleSpeaksThePagesLanguage() {
    let html = GraphWidgetHTML.render(twoNodeWidget(width: 150), phrases: Phrases(lang: "zh")).html
    #expect(html.contains("data-fit=\"适应宽度\" data-actual=\"实际大小\">实际大小</button>"))
}

@Test func theScriptKeepsTheCurrentNodeInViewWithoutMotionWhenAskedNotTo() {
    #expect(Script.javaScript.contains("prefers-reduced-motion: reduce"))
    #expect(Script.javaScript.contains("keepInView(widget, active)"))
    #expect(Stylesheet.css.contains(".diagram.narrow { display: block; }"))
}
