import CCairo

/// Loading the fonts figures use before the first figure needs them.
package enum FontPreload {
    /// Lays out a line in each face the charts and diagrams use with `maps` of the shared Pango
    /// font maps, so that the figures drawn next (on as many threads) find their fonts loaded.
    /// A build calls it on a thread of its own while its first model trains. Never throws: a
    /// font that cannot be loaded now is reported by the figure that uses it.
    package static func run(maps: Int = 2) {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1) else { return }
        defer { cairo_surface_destroy(surface) }
        guard let cr = cairo_create(surface) else { return }
        defer { cairo_destroy(cr) }
        preload(on: cr, depth: 0, maps: maps)
    }

    /// The faces: sans regular, bold and italic (titles, labels, notes), mono (graph cards), and
    /// a subscript (Pango markup in axis titles and card names).
    static let samples: [(TextLayout.Content, TextStyle)] = [
        (.plain("Loss 0.25 −1e-3"), TextStyle(size: 12)),
        (.plain("Step"), TextStyle(size: 15, weight: .bold)),
        (.plain("note"), TextStyle(size: 13, italic: true)),
        (.markup("w<sub>1</sub>"), TextStyle(size: 12)),
        (.plain("value [0.5, −2]"), TextStyle(family: "DejaVu Sans Mono, Noto Sans Mono CJK SC, monospace", size: 12)),
    ]

    /// Holds one map while preloading the next, so that each depth gets a map of its own; stops
    /// at a map in use (figures are being drawn already).
    private static func preload(on cr: OpaquePointer, depth: Int, maps: Int) {
        guard depth < maps else { return }
        _ = try? SharedFontMap.shared.withFreeMap { _, map throws(FigureError) in
            let context = try SharedFontMap.makeContext(map)
            defer { g_object_unref(UnsafeMutableRawPointer(context)) }
            for (content, style) in samples {
                _ = try TextLayout.withLayout(on: cr, context: context, content: content, style: style,
                                              alignment: .left, operation: "preload fonts") { TextLayout.logicalSize($0) }
            }
            preload(on: cr, depth: depth + 1, maps: maps)
        }
    }
}
