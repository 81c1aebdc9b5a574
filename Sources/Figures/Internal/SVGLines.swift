/// The compacted SVG as lines (Cairo writes one element per line), rewritten in runs: the
/// rewrites that work on runs of lines (`SVGTextRuns`, `SVGStyleRuns`) share this walk.
enum SVGLines {
    /// `svg` with each run of lines that `rewrite(lines, start)` takes replaced by what it gives
    /// (the new lines and the index after the run); a line no rewrite takes stays as it is.
    static func rewrite(_ svg: [UInt8],
                        _ rewrite: ([ArraySlice<UInt8>], Int) -> (lines: [[UInt8]], next: Int)?) -> [UInt8] {
        let lines = svg.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        // Written straight into one buffer, a newline before every line but the first (what
        // joining the lines with newlines gives), with no array made for an unchanged line.
        var out: [UInt8] = []
        out.reserveCapacity(svg.count + 64)
        var first = true
        func add<C: Collection>(_ line: C) where C.Element == UInt8 {
            if first { first = false } else { out.append(UInt8(ascii: "\n")) }
            out.append(contentsOf: line)
        }
        var i = 0
        while i < lines.count {
            if let run = rewrite(lines, i), run.next > i {
                for line in run.lines { add(line) }
                i = run.next
            } else {
                add(lines[i])
                i += 1
            }
        }
        return out
    }
}
