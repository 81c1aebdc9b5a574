import CCairo
import Foundation

/// The one Pango font map all canvases use, and the lock every Pango call takes.
///
/// Pango's default font map is per thread and not thread-safe, while a `Canvas` can move between
/// threads (Swift tasks resume on any thread) and figures may be drawn in parallel. One shared
/// map behind a lock is safe in both cases and lets canvases share the loaded fonts.
final class SharedFontMap: @unchecked Sendable {  // all access goes through `lock`
    static let shared = SharedFontMap()

    private let lock = NSLock()
    private let fontMap: UnsafeMutablePointer<PangoFontMap>?

    private init() {
        fontMap = pango_cairo_font_map_new()
    }

    /// Runs `body` while holding the Pango lock.
    func locked<T>(_ body: (UnsafeMutablePointer<PangoFontMap>) throws(FigureError) -> T) throws(FigureError) -> T {
        lock.lock()
        defer { lock.unlock() }
        guard let fontMap else { throw FigureError(operation: "create Pango font map", message: "Pango returned no font map") }
        return try body(fontMap)
    }

    /// Releases a Pango object under the lock (its finaliser may touch the shared font map).
    func release(_ object: OpaquePointer) {
        lock.lock()
        defer { lock.unlock() }
        g_object_unref(UnsafeMutableRawPointer(object))
    }

    /// A Pango context with fixed font options, so text metrics are identical in every format.
    func makeContext() throws(FigureError) -> OpaquePointer {
        try locked { fontMap throws(FigureError) in
            guard let options = cairo_font_options_create() else {
                throw FigureError(operation: "create font options", message: "out of memory")
            }
            defer { cairo_font_options_destroy(options) }
            try FigureError.check(cairo_font_options_status(options), "create font options")
            // Unhinted outlines and metrics keep the layout independent of the output format.
            cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
            cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
            cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
            guard let context = pango_font_map_create_context(fontMap) else {
                throw FigureError(operation: "create Pango context", message: "out of memory")
            }
            pango_cairo_context_set_font_options(context, options)
            // Pango rounds glyph positions to whole px by default, which makes spacing uneven in vector output.
            pango_context_set_round_glyph_positions(context, 0)
            return context
        }
    }
}
