import Testing
@testable import Figures

/// `ByteSearch` against a plain scan, on texts where the first byte of the needle repeats.
@Suite struct ByteSearchTests {
    private func plainFirst(_ needle: [UInt8], _ hay: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, from >= 0 else { return nil }
        var i = from
        while i + needle.count <= hay.count {
            if Array(hay[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }

    @Test func firstAndLastAgreeWithAPlainScan() {
        let hay = Array("<path d=\"m0 0\"/><pa<path style=\"fill:x\"/><path/>pp".utf8)
        for needle in ["<path", "/>", "p", "pp", "fill:x", "<pa<", "zz", "<path/>pp", "<path/>ppp"].map({ Array($0.utf8) }) {
            for from in 0...hay.count {
                #expect(ByteSearch.first(needle, in: hay, from: from) == plainFirst(needle, hay, from: from), "\(needle) from \(from)")
            }
            for end in 0...hay.count {
                let plain = (0...max(0, end - needle.count)).reversed().first { i in
                    i + needle.count <= end && Array(hay[i..<(i + needle.count)]) == needle
                }
                #expect(ByteSearch.last(needle, in: hay, before: end) == (end >= needle.count ? plain : nil), "\(needle) before \(end)")
            }
        }
        #expect(ByteSearch.first([], in: hay) == nil && ByteSearch.first(Array("x".utf8), in: []) == nil)
        #expect(ByteSearch.first(Array("p".utf8), in: hay, from: -1) == nil && ByteSearch.last(Array("p".utf8), in: hay, before: hay.count + 1) == nil)
    }
}
