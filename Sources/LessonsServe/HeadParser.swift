import Foundation

/// Reads a request head from bytes as they arrive. Each byte is looked at once (the scan resumes
/// where the last call stopped), so the work is linear in what was sent, and every limit is
/// checked before more is asked for: an over-long line is refused after `limit + 1` bytes, not
/// when its end finally arrives.
struct HeadParser {
    enum Step: Equatable {
        /// The head is not complete; read more and call again with everything buffered.
        case needMore
        /// The head, and how many buffered bytes it took (what follows belongs to the next request).
        case head(RequestHead, consumed: Int)
        case refuse(Refusal)
    }

    let limits: ServerLimits
    /// Bytes looked at by the line scan so far, over all calls: equal to the bytes received,
    /// however they were split, as no byte is scanned twice.
    private(set) var examined = 0
    private var scanned = 0
    private var lineStart = 0
    private var requestLine: (method: String, target: String, version: String)?
    private var headers: [RequestHead.Header] = []
    private var headerBytes = 0

    init(limits: ServerLimits) { self.limits = limits }

    /// Continues with `bytes`: everything received for this request so far (earlier bytes unchanged).
    mutating func parse(_ bytes: [UInt8]) -> Step {
        while scanned < bytes.count {
            examined += 1
            guard bytes[scanned] == UInt8(ascii: "\n") else {
                scanned += 1
                continue
            }
            var end = scanned
            if end > lineStart, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let line = bytes[lineStart..<end]
            let lineLength = scanned + 1 - lineStart
            scanned += 1
            lineStart = scanned
            if let refusal = tooLong(lineLength) { return .refuse(refusal) }
            if requestLine == nil {
                if line.isEmpty { continue }  // RFC 9112 2.2: ignore blank lines before a request
                switch Self.requestLine(line) {
                case .success(let parsed): requestLine = parsed
                case .failure(let refusal): return .refuse(refusal)
                }
                continue
            }
            if line.isEmpty {
                guard let (method, target, version) = requestLine else { return .needMore }
                return .head(RequestHead(method: method, target: target, version: version, headers: headers),
                             consumed: scanned)
            }
            headerBytes += lineLength
            guard headers.count < limits.headerCount else {
                return .refuse(Refusal(status: .headerFieldsTooLarge,
                                       message: "more than \(limits.headerCount) header lines"))
            }
            switch Self.header(line) {
            case .success(let header): headers.append(header)
            case .failure(let refusal): return .refuse(refusal)
            }
        }
        // The line still open must not already exceed its limit.
        return tooLong(bytes.count - lineStart).map(Step.refuse) ?? .needMore
    }

    /// The refusal for a line of `length` bytes (line end included) at this point of the head.
    private func tooLong(_ length: Int) -> Refusal? {
        if requestLine == nil {
            guard length > limits.requestLineBytes + 2 else { return nil }
            return Refusal(status: .uriTooLong, message: "the request line is longer than \(limits.requestLineBytes) bytes")
        }
        if length > limits.headerLineBytes + 2 {
            return Refusal(status: .headerFieldsTooLarge, message: "a header line is longer than \(limits.headerLineBytes) bytes")
        }
        if headerBytes + length > limits.headerBytes + 2 {
            return Refusal(status: .headerFieldsTooLarge, message: "the headers are longer than \(limits.headerBytes) bytes")
        }
        return nil
    }

    /// `METHOD SP TARGET SP HTTP/1.x`, with exactly one space between the three parts.
    private static func requestLine(_ line: ArraySlice<UInt8>) -> Result<(String, String, String), Refusal> {
        let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte), !parts[1].isEmpty,
              parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else { return .failure(Refusal(status: .badRequest, message: "the request line is not `METHOD /path HTTP/1.1`")) }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            guard version.hasPrefix("HTTP/") else {
                return .failure(Refusal(status: .badRequest, message: "the request line is not `METHOD /path HTTP/1.1`"))
            }
            return .failure(Refusal(status: .versionNotSupported, message: "only HTTP/1.1 and HTTP/1.0 are spoken here"))
        }
        return .success((String(decoding: parts[0], as: UTF8.self), String(decoding: parts[1], as: UTF8.self), version))
    }

    /// `name: value`; a name with blanks or other non-token bytes, and obsolete folded lines, are refused.
    private static func header(_ line: ArraySlice<UInt8>) -> Result<RequestHead.Header, Refusal> {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
              line[..<colon].allSatisfy(isTokenByte),
              line[(colon + 1)...].allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) })
        else { return .failure(Refusal(status: .badRequest, message: "a header line is not `Name: value`")) }
        let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
        let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: [" ", "\t"])
        return .success(RequestHead.Header(name: name, value: value))
    }

    /// RFC 9110 5.6.2 `tchar`.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
