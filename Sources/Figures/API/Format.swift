/// An output file format.
package enum Format: String, Sendable, Hashable, CaseIterable {
    /// PNG raster, one pixel per px, transparent where nothing was drawn.
    case png
    /// SVG with px document units and per-canvas element ids.
    case svg
    /// PDF with one point per px and a fixed creation date.
    case pdf

    /// The usual file name extension, without the dot.
    package var fileExtension: String { rawValue }
}
