import Testing
@testable import Figures

/// A seeded generator of graph shapes (splitmix64), so every run lays out the same graphs.
struct GraphShapes {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func double(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + Double(next() >> 11) / Double(1 << 53) * (range.upperBound - range.lowerBound)
    }

    /// `count` boxes, the first `sources` of them without operands, each later one using one to
    /// three earlier boxes (mostly recent ones, sometimes far back); about one edge in five unlabelled.
    mutating func graph(count: Int, sources: Int) -> LayeredLayout.Input {
        var sizes: [Size] = []
        var edges: [(from: Int, to: Int)] = []
        var labels: [Size?] = []
        for v in 0..<count {
            sizes.append(Size(width: double(92...330).rounded(), height: double(40...130).rounded()))
            guard v >= sources else { continue }
            var operands: Set<Int> = []
            for _ in 0..<int(1...3) {
                let far = int(0...4) == 0
                operands.insert(far ? int(0...(v - 1)) : max(0, v - int(1...min(v, 4))))
            }
            for u in operands.sorted() {
                edges.append((u, v))
                labels.append(int(0...4) == 0 ? nil : Size(width: double(50...130).rounded(), height: 18))
            }
        }
        return LayeredLayout.Input(nodeSizes: sizes, edges: edges, labelSizes: labels)
    }
}

@Suite struct ResponsiveLayoutTests {
    /// Many seeded shapes, each laid out left to right, top to bottom, and wrapped to a phone's
    /// and a desktop's width: no card on a card, no label on a card or a label, nothing outside.
    @Test(arguments: 0..<40)
    func randomGraphsHaveNoOverlapsInAnyDrawing(seed: Int) {
        var shapes = GraphShapes(seed: UInt64(seed))
        let input = shapes.graph(count: shapes.int(2...70), sources: shapes.int(1...12))
        for (direction, bound) in [(LayeredLayout.Direction.leftToRight, nil), (.topToBottom, nil), (.topToBottom, 520.0), (.topToBottom, 1200.0)] {
            var variant = input
            variant.direction = direction
            variant.maxBreadth = bound
            let layout = LayeredLayout.compute(variant)
            #expect(layout.overlaps().isEmpty, "seed \(seed), \(direction) \(bound ?? 0): \(layout.overlaps().prefix(5))")
            #expect(layout.nodeFrames.count == input.nodeSizes.count)
        }
    }

    @Test func sourcesSitJustBeforeTheOperationThatFirstUsesThem() {
        // x → a → b → c → d, with a constant k first used by b and a parameter w used only by d.
        let size = Size(width: 100, height: 50)
        let input = LayeredLayout.Input(nodeSizes: Array(repeating: size, count: 7),
                                        edges: [(0, 1), (1, 3), (2, 3), (3, 4), (4, 6), (5, 6)],
                                        labelSizes: Array(repeating: nil, count: 6))
        let layers = LayerAssignment(breadths: input.nodeSizes.map(\.height), edges: input.edges, gap: 22, maxBreadth: nil,
                                     pinnedFirst: []).layers()
        #expect(layers == [0, 1, 1, 2, 3, 3, 4])
        let layout = LayeredLayout.compute(input)
        #expect(layout.nodeFrames[5].maxX < layout.nodeFrames[6].minX && layout.nodeFrames[5].minX > layout.nodeFrames[3].maxX,
                "the parameter is in the column before its user, not at the far left")
    }

    @Test func topToBottomEdgesRunDownwardsAndWrappedLayersKeepToTheWidth() {
        var shapes = GraphShapes(seed: 60)
        var input = shapes.graph(count: 60, sources: 8)
        input.nodeSizes = input.nodeSizes.map { Size(width: min($0.width, 200), height: $0.height) }
        input.direction = .topToBottom
        input.maxBreadth = 520
        let layout = LayeredLayout.compute(input)
        #expect(layout.direction == .topToBottom)
        for (e, edge) in input.edges.enumerated() {
            #expect(layout.nodeFrames[edge.from].maxY < layout.nodeFrames[edge.to].minY, "edge \(e) does not run down")
            if let first = layout.edgeRoutes[e].first, let last = layout.edgeRoutes[e].last {
                #expect(abs(first.y - layout.nodeFrames[edge.from].maxY) < 0.01 && abs(last.y - layout.nodeFrames[edge.to].minY) < 0.01)
            }
        }
        #expect(layout.size.width <= 560, "a 60-node graph wrapped to 520 px is \(layout.size.width) px wide")
        #expect(LayeredLayout.compute({ var i = input; i.direction = .leftToRight; i.maxBreadth = nil; return i }()).size.width > 1200)
    }

    @Test func aDiagramTooWideForTheColumnIsDrawnTopToBottom() throws {
        let diagram = chainDiagram(width: 14)
        let wide = try diagram.layout()
        #expect(wide.layered.direction == .leftToRight && wide.size.width > 520)
        let narrow = try diagram.layout(maxWidth: 520)
        #expect(narrow.layered.direction == .topToBottom && narrow.size.width <= 520)
        #expect(narrow.layered.overlaps().isEmpty)
        let small = try colahDiagram().layout(maxWidth: 1200)
        #expect(small.layered.direction == .leftToRight)
    }

    @Test func theOverlapCheckFindsEachKind() {
        let card = Rect(x: 10, y: 10, width: 50, height: 30)
        let layout = LayeredLayout(nodeFrames: [card, Rect(x: 40, y: 20, width: 50, height: 30), Rect(x: 200, y: 10, width: 10, height: 10)],
                                   edgeRoutes: [[], [], []],
                                   labelFrames: [Rect(x: 50, y: 15, width: 20, height: 10), Rect(x: 55, y: 18, width: 20, height: 10),
                                                 Rect(x: 205, y: 0, width: 20, height: 5)],
                                   size: Size(width: 220, height: 100))
        let kinds = Set(layout.overlaps().map(\.kind))
        #expect(kinds == [.cardCard, .labelCard, .labelLabel, .outside])
        let touching = LayeredLayout(nodeFrames: [card, Rect(x: 60, y: 10, width: 10, height: 30)], edgeRoutes: [[], []],
                                     labelFrames: [nil, nil], size: Size(width: 100, height: 100))
        #expect(touching.overlaps().isEmpty)
    }
}
