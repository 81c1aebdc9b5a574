/// Swapping x and y, which turns a left-to-right layout into a top-to-bottom one.
extension Size {
    var transposed: Size { Size(width: height, height: width) }
}

extension Point {
    var transposed: Point { Point(x: y, y: x) }
}

extension Rect {
    var transposed: Rect { Rect(x: minY, y: minX, width: height, height: width) }
}

extension LayeredLayout {
    var transposed: LayeredLayout {
        LayeredLayout(nodeFrames: nodeFrames.map(\.transposed), edgeRoutes: edgeRoutes.map { $0.map(\.transposed) },
                      labelFrames: labelFrames.map { $0?.transposed }, size: size.transposed)
    }
}
