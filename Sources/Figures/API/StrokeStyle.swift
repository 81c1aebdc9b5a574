/// How line ends are drawn.
package enum LineCap: Sendable, Hashable {
    /// Ends exactly at the end point.
    case butt
    /// Rounded, extending half the width past the end point.
    case round
    /// Squared, extending half the width past the end point.
    case square
}

/// How corners between segments are drawn.
package enum LineJoin: Sendable, Hashable {
    /// Sharp corner (beveled past the miter limit).
    case miter
    /// Rounded corner.
    case round
    /// Cut-off corner.
    case bevel
}

/// Which points count as inside a self-intersecting path.
package enum FillRule: Sendable, Hashable {
    /// Non-zero winding number.
    case winding
    /// Odd number of crossings.
    case evenOdd
}

/// The pen used to stroke lines and outlines.
package struct StrokeStyle: Sendable, Hashable {
    /// Line width in px (0 draws nothing).
    package var width: Double
    /// Line colour.
    package var color: Color
    /// Alternating on/off lengths in px; empty means a solid line.
    package var dash: [Double]
    /// Distance into the dash pattern at which the line starts.
    package var dashOffset: Double
    /// Shape of line ends.
    package var cap: LineCap
    /// Shape of corners.
    package var join: LineJoin

    /// Creates a stroke style; the defaults give a solid 1 px black line.
    package init(width: Double = 1, color: Color = .black, dash: [Double] = [], dashOffset: Double = 0,
                 cap: LineCap = .butt, join: LineJoin = .miter) {
        self.width = width
        self.color = color
        self.dash = dash
        self.dashOffset = dashOffset
        self.cap = cap
        self.join = join
    }
}
