/// Checks a finished layout's geometry: what a reader would see as a collision.
extension LayeredLayout {
    /// Two things drawn on top of each other.
    package struct Overlap: Sendable, Equatable, CustomStringConvertible {
        package enum Kind: String, Sendable { case cardCard = "card/card", labelCard = "label/card", labelLabel = "label/label",
                                              outside = "outside the drawing" }
        package var kind: Kind
        /// Node indices for cards, edge indices for labels (the second is -1 for `outside`).
        package var first: Int
        package var second: Int
        package var description: String { "\(kind.rawValue) \(first) \(second)" }
    }

    /// Every pair of cards, of labels, and of a label and a card whose boxes share area, and every
    /// box that reaches outside the drawing. Touching edges do not count.
    package func overlaps() -> [Overlap] {
        var found: [Overlap] = []
        let labels = labelFrames.enumerated().compactMap { e, r in r.map { (e, $0) } }
        for i in nodeFrames.indices {
            for j in nodeFrames.indices where j > i && Self.intersect(nodeFrames[i], nodeFrames[j]) {
                found.append(Overlap(kind: .cardCard, first: i, second: j))
            }
        }
        for (a, (e, rect)) in labels.enumerated() {
            for (f, other) in labels.dropFirst(a + 1) where Self.intersect(rect, other) {
                found.append(Overlap(kind: .labelLabel, first: e, second: f))
            }
            for (v, card) in nodeFrames.enumerated() where Self.intersect(rect, card) {
                found.append(Overlap(kind: .labelCard, first: e, second: v))
            }
        }
        let bounds = Rect(x: 0, y: 0, width: size.width, height: size.height)
        for (v, card) in nodeFrames.enumerated() where !Self.contains(bounds, card) {
            found.append(Overlap(kind: .outside, first: v, second: -1))
        }
        for (e, rect) in labels where !Self.contains(bounds, rect) {
            found.append(Overlap(kind: .outside, first: e, second: -1))
        }
        return found
    }

    /// A little tolerance for rounding: boxes that touch are apart.
    private static let tolerance = 0.01

    private static func intersect(_ a: Rect, _ b: Rect) -> Bool {
        a.minX < b.maxX - tolerance && b.minX < a.maxX - tolerance && a.minY < b.maxY - tolerance && b.minY < a.maxY - tolerance
    }

    private static func contains(_ outer: Rect, _ inner: Rect) -> Bool {
        inner.minX >= outer.minX - tolerance && inner.minY >= outer.minY - tolerance
            && inner.maxX <= outer.maxX + tolerance && inner.maxY <= outer.maxY + tolerance
    }
}
