import Foundation

/// The text of a lesson file, decoded strictly as UTF-8, with CRLF line ends folded to LF.
public struct SourceText: Sendable {
    public let text: String

    /// Decodes `bytes`, or returns a located error for binary files and invalid UTF-8.
    public static func decode(_ bytes: [UInt8], path: String) -> Result<SourceText, Diagnostic> {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }  // a BOM is not content
        let body = bytes[start...]
        if let nul = body.firstIndex(of: 0) {
            return .failure(.error(path, position(of: nul, in: bytes, from: start),
                                   "binary file: NUL byte at byte offset \(nul); expected UTF-8 text"))
        }
        if let bad = UTF8Validator.firstInvalidOffset(in: body) {
            return .failure(.error(path, position(of: bad, in: bytes, from: start),
                                   "invalid UTF-8 at byte offset \(bad); lessons must be UTF-8 text"))
        }
        // Line ends are folded on bytes: Foundation's string search sees a CR followed by a
        // combining mark as one composed character and would leave that CR in place, where
        // cmark counts it as a line end and everything after it would be located a line off.
        guard body.contains(0x0D) else { return .success(SourceText(text: String(decoding: body, as: UTF8.self))) }
        var folded: [UInt8] = []
        folded.reserveCapacity(body.count)
        var i = body.startIndex
        while i < body.endIndex {
            if body[i] == 0x0D {
                folded.append(0x0A)
                if i + 1 < body.endIndex, body[i + 1] == 0x0A { i += 1 }
            } else {
                folded.append(body[i])
            }
            i += 1
        }
        return .success(SourceText(text: String(decoding: folded, as: UTF8.self)))
    }

    /// The line and column of a byte offset: the column counts the valid scalars before it on its line.
    /// Lines end as `decode` ends them: at LF, CRLF, or a lone CR.
    static func position(of offset: Int, in bytes: [UInt8], from start: Int) -> SourcePosition {
        var line = 1
        var lineStart = start
        for i in start..<offset where bytes[i] == 0x0A || bytes[i] == 0x0D {
            if !(bytes[i] == 0x0A && i > start && bytes[i - 1] == 0x0D) { line += 1 }  // CRLF is one line end
            lineStart = i + 1
        }
        // Continuation bytes (10xxxxxx) do not start a scalar.
        let scalars = bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count
        return SourcePosition(line: line, column: scalars + 1)
    }
}

/// Strict UTF-8 validation (no overlong forms, no surrogates, nothing above U+10FFFF).
enum UTF8Validator {
    /// The offset of the first byte that does not start a valid UTF-8 sequence, or nil if all is valid.
    static func firstInvalidOffset(in bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF  // allowed range of the second byte
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            if end - i < length { return i }
            if bytes[i + 1] < low || bytes[i + 1] > high { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}
