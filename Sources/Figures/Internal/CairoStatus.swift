import CCairo

extension FigureError {
    /// Cairo's own wording for a status, e.g. "invalid matrix (not invertible)".
    static func cairoMessage(_ status: cairo_status_t) -> String {
        guard let text = cairo_status_to_string(status) else { return "cairo status \(status.rawValue)" }
        return String(cString: text)
    }

    /// Throws if `status` is not success, naming the operation.
    static func check(_ status: cairo_status_t, _ operation: @autoclosure () -> String) throws(FigureError) {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw FigureError(operation: operation(), message: cairoMessage(status))
        }
    }
}
