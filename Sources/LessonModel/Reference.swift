/// A result quoted in prose: `{{ xor.loss }}`, `{{ colah.b.grad }}`. The build replaces it with
/// the number the block produced, so text and pictures cannot drift apart.
public struct Reference: Sendable, Equatable {
    /// The block's name (`xor`).
    public var block: String
    /// What is quoted, e.g. `["loss"]`, `["W1", "grad"]`.
    public var path: [String]
    /// The reference as written, braces included.
    public var source: String
    /// Where the opening `{{` is.
    public var position: SourcePosition

    /// `xor.loss`, as a user would write it.
    public var dotted: String { ([block] + path).joined(separator: ".") }
}

/// Plane-16 private-use scalars that stand for references in what cmark parses.
enum ReferenceMarker {
    static let first: UInt32 = 0x100000
    static let max = 0xFFFD

    static func marker(_ index: Int) -> Unicode.Scalar {
        Unicode.Scalar(first + UInt32(index)) ?? Placeholder.filler  // the caller keeps index < max
    }

    static func index(of scalar: Unicode.Scalar) -> Int? {
        let v = scalar.value
        return v >= first && v < first + UInt32(max) ? Int(v - first) : nil
    }

    /// Parses the inside of `{{ ... }}`: dot-separated names, the first naming a block.
    static func parse(_ inner: String) -> (block: String, path: [String])? {
        let parts = inner.trimmingWhitespace.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, parts.allSatisfy({ part in
            guard let first = part.unicodeScalars.first else { return false }
            return (first == "_" || (first.isASCII && first.properties.isAlphabetic))
                && part.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
        }) else { return nil }
        return (parts[0], Array(parts.dropFirst()))
    }
}
