/// A vector outline built from straight segments, cubic Béziers and circular arcs.
package struct Path: Sendable, Hashable {
    /// One drawing instruction of a path.
    package enum Element: Sendable, Hashable {
        /// Starts a new sub-path at a point.
        case move(Point)
        /// Straight segment to a point.
        case line(Point)
        /// Cubic Bézier to `end` with two control points.
        case curve(control1: Point, control2: Point, end: Point)
        /// Circular arc, angles in radians, clockwise on screen (y grows downwards).
        case arc(center: Point, radius: Double, startAngle: Double, endAngle: Double)
        /// Closes the current sub-path with a straight segment to its start.
        case close
    }

    /// The instructions in drawing order.
    package private(set) var elements: [Element]

    /// Creates an empty path, or one from given elements.
    package init(_ elements: [Element] = []) {
        self.elements = elements
    }

    /// Starts a new sub-path at `point`.
    package mutating func move(to point: Point) { elements.append(.move(point)) }

    /// Adds a straight segment to `point`.
    package mutating func line(to point: Point) { elements.append(.line(point)) }

    /// Adds a cubic Bézier to `end`.
    package mutating func curve(to end: Point, control1: Point, control2: Point) {
        elements.append(.curve(control1: control1, control2: control2, end: end))
    }

    /// Adds a circular arc; Cairo joins it to the current point with a straight segment.
    package mutating func arc(center: Point, radius: Double, startAngle: Double, endAngle: Double) {
        elements.append(.arc(center: center, radius: radius, startAngle: startAngle, endAngle: endAngle))
    }

    /// Closes the current sub-path.
    package mutating func close() { elements.append(.close) }

    /// Every coordinate and length in the path; used to reject NaN and infinities before Cairo sees them.
    var numbers: [Double] {
        elements.flatMap { element -> [Double] in
            switch element {
            case .move(let p), .line(let p): [p.x, p.y]
            case .curve(let a, let b, let c): [a.x, a.y, b.x, b.y, c.x, c.y]
            case .arc(let c, let r, let a0, let a1): [c.x, c.y, r, a0, a1]
            case .close: []
            }
        }
    }
}

extension Path {
    /// A straight segment.
    package static func line(from start: Point, to end: Point) -> Path {
        Path([.move(start), .line(end)])
    }

    /// An open (or, if `closed`, closed) chain of straight segments through `points`.
    package static func polyline(_ points: [Point], closed: Bool = false) -> Path {
        var path = Path()
        for (index, point) in points.enumerated() {
            index == 0 ? path.move(to: point) : path.line(to: point)
        }
        if closed && !points.isEmpty { path.close() }
        return path
    }

    /// A rectangle, optionally with rounded corners (radius capped at half the shorter side).
    package static func rect(_ rect: Rect, cornerRadius: Double = 0) -> Path {
        let r = min(max(cornerRadius, 0), abs(rect.width) / 2, abs(rect.height) / 2)
        guard r > 0 else {
            return .polyline([Point(x: rect.minX, y: rect.minY), Point(x: rect.maxX, y: rect.minY),
                              Point(x: rect.maxX, y: rect.maxY), Point(x: rect.minX, y: rect.maxY)],
                             closed: true)
        }
        // Corners clockwise from top-right, each a quarter arc; the move starts a fresh sub-path.
        let half = Double.pi / 2
        return Path([
            .move(Point(x: rect.maxX - r, y: rect.minY)),
            .arc(center: Point(x: rect.maxX - r, y: rect.minY + r), radius: r, startAngle: -half, endAngle: 0),
            .arc(center: Point(x: rect.maxX - r, y: rect.maxY - r), radius: r, startAngle: 0, endAngle: half),
            .arc(center: Point(x: rect.minX + r, y: rect.maxY - r), radius: r, startAngle: half, endAngle: 2 * half),
            .arc(center: Point(x: rect.minX + r, y: rect.minY + r), radius: r, startAngle: 2 * half, endAngle: 3 * half),
            .close,
        ])
    }

    /// A full circle.
    package static func circle(center: Point, radius: Double) -> Path {
        // The move keeps Cairo from joining the circle to a previous sub-path.
        Path([.move(Point(x: center.x + radius, y: center.y)),
              .arc(center: center, radius: radius, startAngle: 0, endAngle: 2 * Double.pi),
              .close])
    }
}
