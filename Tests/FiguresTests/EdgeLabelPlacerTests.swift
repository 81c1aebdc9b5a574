import Testing
@testable import Figures

/// Labels slide along their own edge to free spots; they never cover each other.
struct EdgeLabelPlacerTests {
    private let size = Size(width: 40, height: 12)

    /// The distance from a label's centre to the line through its edge's segment.
    private func offEdge(_ rect: Rect, _ a: Point, _ b: Point) -> Double {
        let (dx, dy) = (b.x - a.x, b.y - a.y)
        return abs(dy * (rect.midX - a.x) - dx * (rect.midY - a.y)) / (dx * dx + dy * dy).squareRoot()
    }

    @Test func aLabelAvoidsAnotherEdgeByMovingAlongItsOwn() {
        // A gentle edge, and a steep one that crosses the gap's middle at the gentle edge's height.
        let gentle = [Point(x: 0, y: 50), Point(x: 200, y: 60)]
        let steep = [Point(x: 60, y: 0), Point(x: 140, y: 110)]
        let placer = EdgeLabelPlacer(left: 0, right: 200, routes: [gentle, steep])
        let placed = placer.place([.init(edge: 0, from: gentle[0], to: gentle[1], size: size)])
        let rect = placed[0].rect
        #expect(offEdge(rect, gentle[0], gentle[1]) < 1e-9)
        #expect(abs(rect.midX - 100) > 20)  // moved off the middle, where the steep edge passes
        #expect(!(rect.minX...rect.maxX).contains(100))
    }

    @Test func labelsNeverOverlapEvenWithoutFreeSpots() {
        // Five parallel edges 4 px apart in a gap just wide enough for one label: no room to slide.
        let routes = (0..<5).map { [Point(x: 0, y: 50 + 4 * Double($0)), Point(x: 44, y: 50 + 4 * Double($0))] }
        let placer = EdgeLabelPlacer(left: 2, right: 42, routes: routes)
        let placed = placer.place(routes.enumerated().map { .init(edge: $0.offset, from: $0.element[0], to: $0.element[1], size: size) })
        #expect(placed.map(\.edge) == [0, 1, 2, 3, 4])
        for i in placed.indices {
            for j in placed.indices where j > i {
                let (a, b) = (placed[i].rect, placed[j].rect)
                #expect(!(a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY))
            }
        }
        #expect(offEdge(placed[0].rect, routes[0][0], routes[0][1]) < 1e-9)  // the first keeps its edge
    }
}
