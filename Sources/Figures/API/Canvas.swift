import CCairo

/// A figure being drawn: Swift value types in, PNG/SVG/PDF bytes out.
///
/// Drawing calls never throw: an invalid input (NaN, a negative width, bad markup) is skipped and
/// remembered, and `render()` throws the first such problem, naming the call that caused it.
/// A `Canvas` is not thread-safe; use each one from one task at a time.
package final class Canvas {
    /// Largest accepted width or height in px (a graph of a thousand nodes in a row still fits).
    package static let maxDimension = 1_000_000.0
    /// Largest PNG edge and area: bigger canvases are rasterized scaled down to fit, since a PNG
    /// is a fallback picture (the SVG keeps every detail) and Cairo images stop at 32,767 px.
    package static let maxRasterDimension = 16_384.0
    package static let maxRasterPixels = 50_000_000.0

    /// The factor a PNG of this canvas is drawn at: 1, or less for canvases beyond the raster limits.
    package var rasterScale: Double {
        min(1, Self.maxRasterDimension / size.width, Self.maxRasterDimension / size.height,
            (Self.maxRasterPixels / (size.width * size.height)).squareRoot())
    }

    /// Width and height in px.
    package let size: Size
    /// The format `render()` and `write(to:)` produce.
    package let format: Format
    /// The sanitised prefix of every SVG id, `[A-Za-z0-9_-]` starting with a letter or `_`.
    package let idPrefix: String

    // Drawing calls are kept as a list and replayed onto a fresh Cairo surface per render, so a
    // canvas can be rendered any number of times, to any format, and drawn on after rendering.
    // (A Cairo recording surface would do the same, but Cairo 1.16's SVG backend leaks every
    // recording surface it is given as a source, with all its contents.)
    var commands: [DrawCommand] = []

    /// Follows save/restore and transforms (never drawing) so text can be laid out and sizes
    /// checked in the transform that will be current when the command is replayed.
    let state: OpaquePointer
    private let stateSurface: OpaquePointer
    let pango = PangoContexts()
    private(set) var firstError: FigureError?

    /// Creates an empty, transparent canvas; throws if the size is not finite, positive and at most `maxDimension`.
    package init(size: Size, format: Format = .svg, idPrefix: String = "figure") throws(FigureError) {
        let dims = [size.width, size.height]
        guard dims.allSatisfy({ $0.isFinite && $0 > 0 && $0 <= Canvas.maxDimension }) else {
            throw FigureError(operation: "create canvas",
                              message: "size must be finite, > 0 and <= \(Int(Canvas.maxDimension)) px, got \(size.width) x \(size.height)")
        }
        // Cairo returns an "error object" rather than NULL, but both are checked.
        guard let stateSurface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1) else {
            throw FigureError(operation: "create canvas", message: "out of memory")
        }
        guard let state = cairo_create(stateSurface) else {
            cairo_surface_destroy(stateSurface)
            throw FigureError(operation: "create canvas", message: "out of memory")
        }
        do {
            try FigureError.check(cairo_surface_status(stateSurface), "create canvas")
            try FigureError.check(cairo_status(state), "create canvas")
        } catch {
            cairo_destroy(state)
            cairo_surface_destroy(stateSurface)
            throw error
        }
        self.state = state
        self.stateSurface = stateSurface
        self.size = size
        self.format = format
        self.idPrefix = IDPrefix.sanitize(idPrefix)
    }

    deinit {
        cairo_destroy(state)
        cairo_surface_destroy(stateSurface)
    }

    /// Records a step unless its input was rejected; rejected steps are remembered for `render()`.
    func record(_ operation: String, rejecting problem: String?, _ step: @autoclosure () -> DrawCommand.Step) {
        if let problem {
            note(FigureError(operation: operation, message: problem))
            return
        }
        commands.append(DrawCommand(operation: operation, step: step()))
    }

    /// Applies a state change to the state context and records it, unless rejected.
    func changeState(_ operation: String, rejecting problem: String?, _ step: DrawCommand.Step) {
        guard problem == nil else { return record(operation, rejecting: problem, step) }
        do {
            try step.apply(to: state, pango: pango, operation: operation)
        } catch {
            return note(error)
        }
        let status = cairo_status(state)
        if status != CAIRO_STATUS_SUCCESS {
            return note(FigureError(operation: operation, message: FigureError.cairoMessage(status)))
        }
        record(operation, rejecting: nil, step)
    }

    func note(_ error: FigureError) {
        if firstError == nil { firstError = error }
    }
}
