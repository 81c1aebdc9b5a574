/// A position in canvas coordinates (px, y grows downwards).
package struct Point: Sendable, Hashable {
    /// Horizontal coordinate in px.
    package var x: Double
    /// Vertical coordinate in px (downwards).
    package var y: Double

    /// Creates a point.
    package init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// The origin (0, 0).
    package static let zero = Point(x: 0, y: 0)
}

/// A width and height in px.
package struct Size: Sendable, Hashable {
    /// Width in px.
    package var width: Double
    /// Height in px.
    package var height: Double

    /// Creates a size.
    package init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// The empty size.
    package static let zero = Size(width: 0, height: 0)
}

/// An axis-aligned rectangle given by its top-left corner and size.
package struct Rect: Sendable, Hashable {
    /// Top-left corner.
    package var origin: Point
    /// Width and height.
    package var size: Size

    /// Creates a rectangle from its top-left corner and size.
    package init(origin: Point, size: Size) {
        self.origin = origin
        self.size = size
    }

    /// Creates a rectangle from its top-left corner coordinates and size.
    package init(x: Double, y: Double, width: Double, height: Double) {
        self.init(origin: Point(x: x, y: y), size: Size(width: width, height: height))
    }

    /// Left edge.
    package var minX: Double { origin.x }
    /// Top edge.
    package var minY: Double { origin.y }
    /// Right edge.
    package var maxX: Double { origin.x + size.width }
    /// Bottom edge.
    package var maxY: Double { origin.y + size.height }
    /// Horizontal centre.
    package var midX: Double { origin.x + size.width / 2 }
    /// Vertical centre.
    package var midY: Double { origin.y + size.height / 2 }
    /// Centre point.
    package var center: Point { Point(x: midX, y: midY) }
    /// Width.
    package var width: Double { size.width }
    /// Height.
    package var height: Double { size.height }

    /// The rectangle shrunk by `dx` on the left and right and `dy` on the top and bottom.
    package func insetBy(dx: Double, dy: Double) -> Rect {
        Rect(x: minX + dx, y: minY + dy, width: width - 2 * dx, height: height - 2 * dy)
    }
}
