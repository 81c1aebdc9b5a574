import Foundation

/// A data script the page loads on demand (`<script src>` works from `file://`, `fetch` does
/// not), with its JSON gzip-compressed in a base64 string: `lessonsViews("id", "H4sI…");`. The
/// opened-group drawings and the sliders' numbers are a quarter of the site uncompressed and a
/// fifth of that packed; the page inflates them with the browser's own `DecompressionStream`
/// (`Script.unpack`).
package enum PackedScript {
    /// `function(id, packed);` with `json` packed; with the JSON itself should zlib fail (out of memory).
    package static func call(_ function: String, id: String, json: String) -> [UInt8] {
        let argument = Gzip.compress(Array(json.utf8)).map { JSONText.string(Data($0).base64EncodedString()) } ?? json
        return Array("\(function)(\(JSONText.string(id)), \(argument));\n".utf8)
    }

    /// The JSON of a packed call, for tests and tools: nil if `script` is not one.
    package static func json(of script: [UInt8]) -> String? {
        let text = String(decoding: script, as: UTF8.self)
        guard let open = text.range(of: ", \""), let close = text.range(of: "\");", options: .backwards),
              open.upperBound <= close.lowerBound,
              let data = Data(base64Encoded: String(text[open.upperBound..<close.lowerBound])),
              let bytes = Gzip.decompress(Array(data)) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
