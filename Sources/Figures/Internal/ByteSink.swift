import CCairo

/// Collects the bytes Cairo streams out; passed to Cairo as an unretained closure pointer.
final class ByteSink {
    var bytes: [UInt8] = []

    /// The C callback for `cairo_svg_surface_create_for_stream` and `cairo_pdf_surface_create_for_stream`.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        if length > 0 {
            guard let data else { return CAIRO_STATUS_WRITE_ERROR }
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        }
        return CAIRO_STATUS_SUCCESS
    }

    /// The pointer to hand to Cairo; valid while `self` is alive.
    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}
