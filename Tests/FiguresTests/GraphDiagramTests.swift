import Foundation
import Testing
@testable import Figures

/// colah's e = (a + b)(b + 1) at a = 2, b = 1.
func colahDiagram() -> GraphDiagram {
    GraphDiagram(cards: [
        .init(title: "a", caption: "input", role: .input, valueLines: ["value 2"], gradientLines: ["grad 2"]),
        .init(title: "b", caption: "input", role: .input, valueLines: ["value 1"], gradientLines: ["grad 5"]),
        .init(title: "c1", caption: "constant", role: .constant, valueLines: ["value 1"], gradientLines: []),
        .init(title: "c", caption: "+", role: .operation, valueLines: ["value 3"], gradientLines: ["grad 2"]),
        .init(title: "d", caption: "+", role: .operation, valueLines: ["value 2"], gradientLines: ["grad 3"]),
        .init(title: "e", caption: "·", role: .output, valueLines: ["value 6"], gradientLines: ["grad 1"]),
    ], edges: [
        .init(from: 0, to: 3, label: "∂c/∂a = 1"), .init(from: 1, to: 3, label: "∂c/∂b = 1"),
        .init(from: 1, to: 4, label: "∂d/∂b = 1"), .init(from: 2, to: 4, label: nil),
        .init(from: 3, to: 5, label: "∂e/∂c = 2"), .init(from: 4, to: 5, label: "∂e/∂d = 3"),
    ])
}

/// A wide graph with long edges: many inputs feeding a chain, and a late consumer of the first input.
func chainDiagram(width: Int) -> GraphDiagram {
    var cards: [GraphDiagram.Card] = []
    var edges: [GraphDiagram.Edge] = []
    for i in 0..<width {
        cards.append(.init(title: "x\(i)", caption: "input", role: .input, valueLines: ["value \(i)"], gradientLines: ["grad 1"]))
    }
    var previous = 0
    for i in 1..<width {
        cards.append(.init(title: "s\(i)", caption: "+", role: .operation, valueLines: ["value \(i)"], gradientLines: ["grad 1"]))
        edges.append(.init(from: previous, to: cards.count - 1, label: "∂ = 1"))
        edges.append(.init(from: i, to: cards.count - 1, label: "∂ = 1"))
        previous = cards.count - 1
    }
    cards.append(.init(title: "a_rather_long_output_name_that_needs_ellipsizing", caption: "·", role: .output,
                       valueLines: ["value 1"], gradientLines: ["grad 1"]))
    edges.append(.init(from: previous, to: cards.count - 1, label: "∂ = 2"))
    edges.append(.init(from: 0, to: cards.count - 1, label: "∂ = 3"))
    return GraphDiagram(cards: cards, edges: edges)
}

@Test(arguments: [("colah", colahDiagram()), ("chain", chainDiagram(width: 6)), ("wide", chainDiagram(width: 14))])
func noBoxesOrLabelsOverlapAndAllFitThePicture(name: String, diagram: GraphDiagram) throws {
    let layout = try diagram.layout()
    let boxes = layout.layered.nodeFrames + layout.layered.labelFrames.compactMap { $0 }
    for i in boxes.indices {
        #expect(boxes[i].minX >= 0 && boxes[i].minY >= 0 && boxes[i].maxX <= layout.size.width && boxes[i].maxY <= layout.size.height,
                "\(name): box \(i) outside the picture")
        for j in boxes.indices where j > i {
            #expect(!overlaps(boxes[i], boxes[j]), "\(name): boxes \(i) and \(j) overlap: \(boxes[i]) \(boxes[j])")
        }
    }
}

@Test func everyTextFitsItsCard() throws {
    let diagram = chainDiagram(width: 5)
    let layout = try diagram.layout()
    let ruler = try Canvas(size: Size(width: 10, height: 10))
    let metrics = GraphDiagram.Metrics()
    for (i, card) in diagram.cards.enumerated() {
        let frame = layout.layered.nodeFrames[i]
        let title = try ruler.measure(card.title, style: metrics.titleStyle).width
        let caption = try ruler.measure(card.caption, style: metrics.captionStyle).width
        #expect(title + caption + 2 * metrics.padding <= frame.width + 0.5)
        for line in card.valueLines + card.gradientLines {
            let width = try ruler.measure(line, style: metrics.lineStyle).width
            #expect(width + 2 * metrics.padding <= frame.width + 0.5)
        }
        #expect(layout.gradientFrames[i].maxY <= frame.maxY + 0.5)
    }
}

@Test func inputsAreOnTheLeftAndTheOutputOnTheRight() throws {
    let layout = try colahDiagram().layout()
    let frames = layout.layered.nodeFrames
    #expect(frames[0].maxX < frames[3].minX && frames[1].maxX < frames[4].minX)
    #expect(frames[3].maxX < frames[5].minX && frames[4].maxX < frames[5].minX)
}

@Test func diagramRendersIdenticallyTwice() throws {
    let d = colahDiagram()
    let layout = try d.layout()
    for format in [Format.svg, .png] {
        let a = try d.render(layout, theme: .light, format: format, idPrefix: "colah")
        let b = try d.render(try d.layout(), theme: .light, format: format, idPrefix: "colah")
        #expect(a == b)
    }
    if let dir = ProcessInfo.processInfo.environment["LESSONS_DUMP_FIGURES"] {
        for (theme, suffix) in [(DiagramTheme.light, "light"), (.dark, "dark")] {
            try Data(try d.render(layout, theme: theme, format: .png, idPrefix: "c")).write(to: URL(fileURLWithPath: "\(dir)/colah-\(suffix).png"))
            let wide = chainDiagram(width: 6)
            try Data(try wide.render(try wide.layout(), theme: theme, format: .png, idPrefix: "w")).write(to: URL(fileURLWithPath: "\(dir)/chain-\(suffix).png"))
        }
    }
}

@Test func layoutHandlesEmptyAndBadEdges() {
    let empty = LayeredLayout.compute(.init(nodeSizes: [], edges: [], labelSizes: []))
    #expect(empty.nodeFrames.isEmpty)
    let bad = LayeredLayout.compute(.init(nodeSizes: [Size(width: 10, height: 10), Size(width: 10, height: 10)],
                                          edges: [(1, 0), (0, 7), (-1, 1)], labelSizes: [nil, nil, nil]))
    #expect(bad.nodeFrames.count == 2)
    #expect(bad.edgeRoutes.allSatisfy { $0.isEmpty })
}
