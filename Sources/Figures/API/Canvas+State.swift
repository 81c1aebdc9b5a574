import CCairo

extension Canvas {
    /// Runs `body` and then restores transform and clip to what they were before.
    package func withSavedState<T>(_ body: () throws -> T) rethrows -> T {
        changeState("withSavedState", rejecting: nil, .save)
        defer { changeState("withSavedState", rejecting: nil, .restore) }
        return try body()
    }

    /// Runs `body` with drawing limited to `rect` (within any enclosing clip).
    package func withClip<T>(_ rect: Rect, _ body: () throws -> T) rethrows -> T {
        try withClip(Path.rect(rect), body)
    }

    /// Runs `body` with drawing limited to the inside of `path` (within any enclosing clip).
    package func withClip<T>(_ path: Path, rule: FillRule = .winding, _ body: () throws -> T) rethrows -> T {
        try withSavedState {
            let problem = Validation.nonFinite(path.numbers).map { "clip path has a \($0)" }
                ?? Validation.arcs(path, stretch: stretch)
            changeState("withClip", rejecting: problem, .clip(path, rule))
            return try body()
        }
    }

    /// Moves the origin by `offset`; use inside `withSavedState` so the change is scoped.
    package func translate(by offset: Point) {
        changeState(#function, rejecting: Validation.nonFinite([offset.x, offset.y]), .translate(offset))
    }

    /// Scales user space; use inside `withSavedState`. Zero (singular) and total magnification above 1e6 are rejected.
    package func scale(x: Double, y: Double) {
        let problem = Validation.nonFinite([x, y])
            ?? (x == 0 || y == 0 ? "scale factors must not be 0" : nil)
            ?? (stretch * max(abs(x), abs(y)) > Validation.maxStretch
                ? "total magnification must stay <= \(Int(Validation.maxStretch))" : nil)
        changeState(#function, rejecting: problem, .scale(x: x, y: y))
    }

    /// Rotates user space clockwise on screen by `radians`; use inside `withSavedState`.
    package func rotate(by radians: Double) {
        changeState(#function, rejecting: Validation.nonFinite([radians]), .rotate(radians))
    }

    /// How much the current transform magnifies lengths at most (an upper bound for shears).
    var stretch: Double {
        var m = cairo_matrix_t()
        cairo_get_matrix(state, &m)
        return max((m.xx * m.xx + m.yx * m.yx).squareRoot(), (m.xy * m.xy + m.yy * m.yy).squareRoot())
    }
}
