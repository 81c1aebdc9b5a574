/// Places the labels of the edges that end in one layer, inside the gap before that layer.
///
/// Each label stays on its own edge: it may slide along the edge's last segment, anywhere its box
/// fits in the gap, so a label never sits on another edge's line while a free spot on its own
/// edge exists, and never covers another label. Of the free spots, the one nearest the middle of
/// the gap wins; when there is none, the label goes just below the labels above it, as close to
/// its edge as the others allow. Deterministic: labels are placed in order of their ideal height,
/// ties by edge index.
struct EdgeLabelPlacer {
    struct Label {
        var edge: Int
        /// The edge's last segment, which crosses the gap.
        var from: Point
        var to: Point
        var size: Size
    }

    /// The gap's left and right x.
    let left: Double
    let right: Double
    /// Every edge's polyline (for crossings; a label may cross its own edge).
    let routes: [[Point]]

    /// How many spots along the edge are tried.
    static let candidates = 9
    static let clearance = 2.0

    func place(_ labels: [Label]) -> [(edge: Int, rect: Rect)] {
        let middle = (left + right) / 2
        let segments = segmentsInGap()
        var placed: [(edge: Int, rect: Rect)] = []
        let ordered = labels.sorted { (y(of: $0, atX: middle), $0.edge) < (y(of: $1, atX: middle), $1.edge) }
        for label in ordered {
            var best: (score: Double, rect: Rect)?
            let room = max(0, right - left - label.size.width)
            for k in 0..<Self.candidates {
                let x = room == 0 ? middle : left + label.size.width / 2 + room * Double(k) / Double(Self.candidates - 1)
                let rect = box(label, centre: Point(x: x, y: y(of: label, atX: x)))
                guard !placed.contains(where: { overlaps($0.rect, rect) }) else { continue }
                let crossings = segments.filter { $0.edge != label.edge && crosses($0.a, $0.b, rect) }.count
                let score = Double(crossings) * 10_000 + abs(x - middle)
                if best.map({ score < $0.score }) ?? true { best = (score, rect) }
            }
            var rect = best?.rect ?? box(label, centre: Point(x: middle, y: y(of: label, atX: middle)))
            // No free spot on the edge: just below whatever it would cover.
            while let blocker = placed.first(where: { overlaps($0.rect, rect) }) {
                rect.origin.y = blocker.rect.maxY + Self.clearance
            }
            placed.append((label.edge, rect))
        }
        return placed
    }

    private func y(of label: Label, atX x: Double) -> Double {
        guard label.to.x != label.from.x else { return (label.from.y + label.to.y) / 2 }
        let t = (x - label.from.x) / (label.to.x - label.from.x)
        return label.from.y + (label.to.y - label.from.y) * t
    }

    private func box(_ label: Label, centre: Point) -> Rect {
        Rect(x: centre.x - label.size.width / 2, y: centre.y - label.size.height / 2,
             width: label.size.width, height: label.size.height)
    }

    private func overlaps(_ a: Rect, _ b: Rect) -> Bool {
        a.minX < b.maxX + Self.clearance && b.minX < a.maxX + Self.clearance
            && a.minY < b.maxY + Self.clearance && b.minY < a.maxY + Self.clearance
    }

    /// The segments of every route that reach into the gap.
    private func segmentsInGap() -> [(edge: Int, a: Point, b: Point)] {
        var found: [(edge: Int, a: Point, b: Point)] = []
        for (edge, route) in routes.enumerated() where route.count >= 2 {
            for i in 1..<route.count {
                let a = route[i - 1], b = route[i]
                if max(a.x, b.x) >= left, min(a.x, b.x) <= right { found.append((edge, a, b)) }
            }
        }
        return found
    }

    /// Whether segment a-b passes through `rect` (Liang–Barsky clipping).
    private func crosses(_ a: Point, _ b: Point, _ rect: Rect) -> Bool {
        let dx = b.x - a.x, dy = b.y - a.y
        var low = 0.0, high = 1.0
        for (p, q) in [(-dx, a.x - rect.minX), (dx, rect.maxX - a.x), (-dy, a.y - rect.minY), (dy, rect.maxY - a.y)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let t = q / p
                if p < 0 { low = max(low, t) } else { high = min(high, t) }
                if low > high { return false }
            }
        }
        return true
    }
}
