extension DrawCommand.Step {
    /// The colours the step paints with, in the order `painting` takes them.
    var colors: [Color] {
        switch self {
        case .paint(let color): return [color]
        case .path(_, let fill, let stroke, _): return [fill, stroke?.color].compactMap { $0 }
        case .text(_, _, let style, _): return [style.color]
        case .save, .restore, .translate, .scale, .rotate, .clip: return []
        }
    }

    /// The same step painting with `colors` in place of its own (`colors.count == self.colors.count`).
    func painting(_ colors: [Color]) -> Self {
        var next = colors.makeIterator()
        func take(_ own: Color) -> Color { next.next() ?? own }
        switch self {
        case .paint(let color):
            return .paint(take(color))
        case .path(let path, let fill, var stroke, let rule):
            let fill = fill.map(take)
            if let pen = stroke { stroke?.color = take(pen.color) }
            return .path(path, fill: fill, stroke: stroke, rule: rule)
        case .text(let content, let origin, var style, let alignment):
            style.color = take(style.color)
            return .text(content, origin: origin, style: style, alignment: alignment)
        case .save, .restore, .translate, .scale, .rotate, .clip:
            return self
        }
    }

    /// Whether the two steps draw the same thing, colours apart.
    func sameShape(as other: Self) -> Bool {
        let a = colors, b = other.colors
        guard a.count == b.count else { return false }
        return painting(a.map { _ in .clear }) == other.painting(b.map { _ in .clear })
    }
}
