extension Builder {
    /// The file that marks a folder as written by `lessons build`; `lessons serve` serves only such folders,
    /// so a mistyped `--output` never exposes a folder the builder refused to replace.
    public static let outputMarkerName = OutputWriter.markerName
}
