/// The compacted SVG as lines (Cairo writes one element per line), rewritten in runs: the
/// rewrites that work on runs of lines (`SVGTextRuns`, `SVGStyleRuns`) share this walk.
enum SVGLines {
    /// `svg` with each run of lines that `rewrite(lines, start)` takes replaced by what it gives
    /// (the new lines and the index after the run); a line no rewrite takes stays as it is.
    static func rewrite(_ svg: [UInt8],
                        _ rewrite: ([ArraySlice<UInt8>], Int) -> (lines: [[UInt8]], next: Int)?) -> [UInt8] {
        let lines = svg.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        var out: [[UInt8]] = []
        out.reserveCapacity(lines.count)
        var i = 0
        while i < lines.count {
            if let run = rewrite(lines, i), run.next > i {
                out += run.lines
                i = run.next
            } else {
                out.append(Array(lines[i]))
                i += 1
            }
        }
        return Array(out.joined(separator: [UInt8(ascii: "\n")]))
    }
}
