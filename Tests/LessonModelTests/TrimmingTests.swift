import Testing
import TestSupport
@testable import LessonModel

/// `trimmingWhitespace` slices between the first and last non-whitespace characters; it must give
/// what trimming a reversed view character by character gave, for every kind of whitespace and
/// for characters made of several scalars (a letter and its accent, CR LF, emoji sequences).
struct TrimmingTests {
    private static let pieces = [" ", "\t", "\n", "\r\n", "\u{3000}", "\u{00A0}", "\u{2028}", "a", "é", "e\u{0301}",
                                 "中", "，", "x", "1", "👩‍🔬", "\u{0301}", "-", "\u{FEFF}"]

    private static func reference(_ s: String) -> String {
        String(s.drop(while: { $0.isWhitespace }).reversed().drop(while: { $0.isWhitespace }).reversed())
    }

    @Test func trimmingMatchesTheCharacterByCharacterVersion() {
        var random = SplitMix64(seed: 17)
        for _ in 0..<20_000 {
            let count = Int(random.next() % 9)
            let text = (0..<count).map { _ in Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }.joined()
            #expect(text.trimmingWhitespace == Self.reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            let sub = text.dropFirst()
            #expect(sub.trimmingWhitespace == Self.reference(String(sub)))
        }
    }

    @Test func allWhitespaceAndEmptyTrimToEmpty() {
        #expect("".trimmingWhitespace == "")
        #expect(" \t\r\n\u{3000} ".trimmingWhitespace == "")
        #expect("  a b  ".trimmingWhitespace == "a b")
    }
}
