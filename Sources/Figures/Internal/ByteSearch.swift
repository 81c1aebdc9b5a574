#if canImport(Glibc)
import Glibc
#endif

/// Finding bytes in a document quickly: the standard library's generic `ranges(of:)` and
/// `firstRange(of:)` walk a byte array element by element through iterators, which made
/// locating the heatmap's placeholder a twentieth of a lesson's whole build.
enum ByteSearch {
    /// The first index at or after `from` where `needle` starts in `haystack`.
    static func first(_ needle: [UInt8], in haystack: [UInt8], from: Int = 0) -> Int? {
        guard !needle.isEmpty, from >= 0, haystack.count - from >= needle.count else { return nil }
        return haystack.withUnsafeBufferPointer { hay -> Int? in
            guard let base = hay.baseAddress else { return nil }
            var i = from
            let lastStart = hay.count - needle.count
            while i <= lastStart {
                // memchr finds the first byte; then the rest is compared in place.
                guard let hit = memchr(base + i, Int32(needle[0]), lastStart - i + 1) else { return nil }
                let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                var k = 1
                while k < needle.count, hay[at + k] == needle[k] { k += 1 }
                if k == needle.count { return at }
                i = at + 1
            }
            return nil
        }
    }

    /// The last index before `end` where `needle` starts and ends by `end`.
    static func last(_ needle: [UInt8], in haystack: [UInt8], before end: Int) -> Int? {
        guard !needle.isEmpty, end <= haystack.count, end >= needle.count else { return nil }
        var i = end - needle.count
        while i >= 0 {
            if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }
}
