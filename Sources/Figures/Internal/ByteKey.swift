/// Bytes of a document as a dictionary key, hashed in one call over the whole run (an
/// `ArraySlice`'s own `hash(into:)` feeds the hasher one byte at a time, which made looking up
/// ids, styles and outlines a visible part of every figure's rendering).
struct ByteKey: Hashable {
    let bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    static func == (a: ByteKey, b: ByteKey) -> Bool {
        a.bytes.elementsEqual(b.bytes)
    }
}
