/// The file types `lessons serve` hands out; anything else is a 404, so stray files in the
/// output folder (the marker, editor leftovers) are never served. Besides what the builder
/// writes, the photo formats a lesson may show (copied to `<slug>/media/`) are served too, or a
/// JPEG that works from `file://` would be broken in the preview.
enum ContentType {
    static func forExtension(_ ext: String) -> String? {
        switch ext.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "json": "application/json"
        case "gz": "application/gzip"
        case "py": "text/x-python; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "pdf": "application/pdf"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        default: nil
        }
    }
}
