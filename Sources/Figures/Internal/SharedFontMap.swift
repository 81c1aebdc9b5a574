import CCairo
import Foundation

/// The Pango font maps all canvases use, each behind a lock of its own.
///
/// A Pango font map is not thread-safe, and a `Canvas` can move between threads (Swift tasks
/// resume on any thread) while figures are drawn in parallel. One map behind one lock was safe,
/// but then text made parallel drawing take turns: laying text out is most of a chart's work.
/// So text is laid out with whichever map is free, a new one is made while all are busy (up
/// to `maxMaps`), and maps live for the whole process, so their loaded fonts are reused.
final class SharedFontMap: @unchecked Sendable {  // `maps` only grows, under `lock`; each map is used under its own lock
    static let shared = SharedFontMap()

    /// More maps than threads drawing at once would only load the same fonts again.
    static let maxMaps = max(2, min(8, ProcessInfo.processInfo.activeProcessorCount))

    final class Slot: @unchecked Sendable {  // `map` is only used while `lock` is held
        let map: UnsafeMutablePointer<PangoFontMap>
        let lock = NSLock()

        init(map: UnsafeMutablePointer<PangoFontMap>) { self.map = map }
        deinit { g_object_unref(UnsafeMutableRawPointer(map)) }
    }

    private let lock = NSLock()
    private var maps: [Slot] = []
    /// The map to wait for next when all are busy (taking turns).
    private var next = 0

    private init() {}

    /// Runs `body` with a font map no other thread is using, and the map's index.
    func withMap<T>(_ body: (Int, UnsafeMutablePointer<PangoFontMap>) throws(FigureError) -> T) throws(FigureError) -> T {
        guard let (index, slot) = try acquire(waiting: true) else {
            throw FigureError(operation: "lay out text", message: "no Pango font map")
        }
        defer { slot.lock.unlock() }
        return try body(index, slot.map)
    }

    /// Runs `body` with a map no other thread is using, never waiting for one: nil when every
    /// map is busy and there are `maxMaps`. (Who holds a map must not wait for another: with
    /// every map taken, it could be waiting for its own.)
    func withFreeMap<T>(_ body: (Int, UnsafeMutablePointer<PangoFontMap>) throws(FigureError) -> T) throws(FigureError) -> T? {
        guard let (index, slot) = try acquire(waiting: false) else { return nil }
        defer { slot.lock.unlock() }
        return try body(index, slot.map)
    }

    /// Runs `body` with map `index` (which must exist), waiting until it is free.
    func withMap<T>(index: Int, _ body: (UnsafeMutablePointer<PangoFontMap>) -> T) -> T {
        lock.lock()
        let slot = maps[index]
        lock.unlock()
        slot.lock.lock()
        defer { slot.lock.unlock() }
        return body(slot.map)
    }

    /// A free map (the first, so one thread keeps using one map and its loaded fonts), a new one
    /// while all are busy, or, at `maxMaps`, the next in turn once it is free (`waiting`) or nil;
    /// returned locked.
    private func acquire(waiting: Bool) throws(FigureError) -> (Int, Slot)? {
        lock.lock()
        let known = maps
        lock.unlock()
        for (i, slot) in known.enumerated() where slot.lock.try() { return (i, slot) }
        lock.lock()
        if maps.count < Self.maxMaps {
            guard let map = pango_cairo_font_map_new() else {
                lock.unlock()
                throw FigureError(operation: "create Pango font map", message: "Pango returned no font map")
            }
            let slot = Slot(map: map)
            slot.lock.lock()
            maps.append(slot)
            let index = maps.count - 1
            lock.unlock()
            return (index, slot)
        }
        guard waiting else {
            lock.unlock()
            return nil
        }
        let index = next % maps.count
        next = index + 1
        let slot = maps[index]
        lock.unlock()
        slot.lock.lock()
        return (index, slot)
    }

    /// A Pango context on `map` with fixed font options, so text metrics are identical in every format.
    static func makeContext(_ map: UnsafeMutablePointer<PangoFontMap>) throws(FigureError) -> OpaquePointer {
        guard let options = cairo_font_options_create() else {
            throw FigureError(operation: "create font options", message: "out of memory")
        }
        defer { cairo_font_options_destroy(options) }
        try FigureError.check(cairo_font_options_status(options), "create font options")
        // Unhinted outlines and metrics keep the layout independent of the output format.
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        guard let context = pango_font_map_create_context(map) else {
            throw FigureError(operation: "create Pango context", message: "out of memory")
        }
        pango_cairo_context_set_font_options(context, options)
        // Pango rounds glyph positions to whole px by default, which makes spacing uneven in vector output.
        pango_context_set_round_glyph_positions(context, 0)
        return context
    }
}

/// A canvas's Pango contexts: one for each font map it has laid text out with, made on first use.
final class PangoContexts {
    private var contexts: [Int: OpaquePointer] = [:]

    /// The context on map `index`; call only while holding that map.
    func context(index: Int, map: UnsafeMutablePointer<PangoFontMap>) throws(FigureError) -> OpaquePointer {
        if let known = contexts[index] { return known }
        let made = try SharedFontMap.makeContext(map)
        contexts[index] = made
        return made
    }

    deinit {
        // A context's finaliser may touch its font map, so each is released holding its map.
        for (index, context) in contexts {
            SharedFontMap.shared.withMap(index: index) { _ in g_object_unref(UnsafeMutableRawPointer(context)) }
        }
    }
}
