import CCairo
import Foundation

extension Canvas {
    /// The file bytes in the canvas's own format.
    package func render() throws(FigureError) -> [UInt8] {
        try render(as: format)
    }

    /// The file bytes in `format`; a canvas can be rendered any number of times and drawn on afterwards.
    package func render(as format: Format) throws(FigureError) -> [UInt8] {
        if let firstError { throw firstError }
        let sink = ByteSink()
        return try withExtendedLifetime(sink) { () throws(FigureError) -> [UInt8] in
            switch format {
            case .png:
                return try withImageSurface { surface throws(FigureError) in try PNGEncoder.encode(surface: surface) }
            case .svg:
                return try svg(replaying: commands)
            case .pdf:
                try renderVector(.pdf, into: sink, commands: commands)
                return sink.bytes
            }
        }
    }

    /// The SVG of `commands` (this canvas's own, or the same with other colours) replayed at this
    /// canvas's size, through the passes every SVG of ours goes through.
    func svg(replaying commands: [DrawCommand]) throws(FigureError) -> [UInt8] {
        let sink = ByteSink()
        return try withExtendedLifetime(sink) { () throws(FigureError) -> [UInt8] in
            try renderVector(.svg, into: sink, commands: commands)
            return SVGCompaction.compact(SVGNumbers.rounded(try SVGIDRewriter.rewrite(sink.bytes, prefix: idPrefix)))
        }
    }

    /// The SVG document as text.
    package func svgString() throws(FigureError) -> String {
        String(decoding: try render(as: .svg), as: UTF8.self)
    }

    /// Renders in the canvas's format and writes the file atomically.
    package func write(to path: String) throws(FigureError) {
        let bytes = try render()
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw FigureError(operation: "write \(path)", message: error.localizedDescription)
        }
    }

    /// Replays the drawing onto a fresh ARGB32 image surface of the canvas's size times
    /// `rasterScale` (rounded up to whole pixels) and passes the flushed surface to `body`.
    func withImageSurface<T>(_ body: (OpaquePointer) throws(FigureError) -> T) throws(FigureError) -> T {
        let scale = rasterScale
        let width = Int32((size.width * scale).rounded(.up)), height = Int32((size.height * scale).rounded(.up))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height) else {
            throw FigureError(operation: "create PNG surface", message: "out of memory")
        }
        defer { cairo_surface_destroy(surface) }
        try FigureError.check(cairo_surface_status(surface), "create \(width)x\(height) PNG surface")
        try replay(commands, onto: surface, format: .png, scale: scale)
        cairo_surface_flush(surface)
        return try body(surface)
    }

    private func renderVector(_ format: Format, into sink: ByteSink, commands: [DrawCommand]) throws(FigureError) {
        let surface = format == .svg
            ? cairo_svg_surface_create_for_stream(ByteSink.write, sink.closure, size.width, size.height)
            : cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, size.width, size.height)
        guard let surface else {
            throw FigureError(operation: "create \(format.rawValue.uppercased()) surface", message: "out of memory")
        }
        defer { cairo_surface_destroy(surface) }
        try FigureError.check(cairo_surface_status(surface), "create \(format.rawValue.uppercased()) surface")
        if format == .svg {
            cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
        } else {
            // Without a fixed date every PDF differs; cairo adds no other varying metadata.
            // (Cairo 1.16 leaks about 0.8 KB per PDF that embeds a CID-keyed CFF font such as
            // Noto CJK; measured with a plain C program, so it is upstream, not ours.)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z")
        }
        try replay(commands, onto: surface, format: format)
        cairo_surface_finish(surface)
        try FigureError.check(cairo_surface_status(surface), "write \(format.rawValue.uppercased())")
    }

    /// Replays every recorded call onto a fresh context, stopping at the first Cairo error.
    private func replay(_ commands: [DrawCommand], onto surface: OpaquePointer, format: Format, scale: Double = 1) throws(FigureError) {
        guard let target = cairo_create(surface) else {
            throw FigureError(operation: "render \(format.rawValue.uppercased())", message: "out of memory")
        }
        defer { cairo_destroy(target) }
        try FigureError.check(cairo_status(target), "render \(format.rawValue.uppercased())")
        if scale != 1 { cairo_scale(target, scale, scale) }
        for command in commands {
            try command.apply(to: target, pango: pango)
            try FigureError.check(cairo_status(target), command.operation)
        }
    }
}
