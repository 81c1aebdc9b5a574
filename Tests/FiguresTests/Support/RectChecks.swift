@testable import Figures

/// True when two rectangles share some area (touching edges do not count).
func overlaps(_ a: Rect, _ b: Rect) -> Bool {
    a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY
}

/// True when `r` lies within a picture of `size`.
func inside(_ r: Rect, _ size: Size) -> Bool {
    r.minX >= 0 && r.minY >= 0 && r.maxX <= size.width && r.maxY <= size.height
}
