import Site
import Training

/// A block's trace file: `trace/<stem>.json`, or `trace/<stem>.json.gz` (gzip) when its JSON is
/// over `compressAbove` bytes. A trained model's full-precision trace is megabytes of numbers
/// that gzip shrinks about threefold; small traces stay plain for a browser to show.
package enum TraceOutput {
    package static let compressAbove = 64 * 1024

    package static func file(_ trace: Trace, stem: String) -> (path: String, bytes: [UInt8]) {
        let json = Array(TraceJSON.encode(trace).utf8)
        if json.count > compressAbove, let gzip = Gzip.compress(json) { return ("trace/\(stem).json.gz", gzip) }
        return ("trace/\(stem).json", json)
    }

    /// Both names a block's trace may have.
    package static func names(stem: String) -> [String] { ["trace/\(stem).json", "trace/\(stem).json.gz"] }
}
