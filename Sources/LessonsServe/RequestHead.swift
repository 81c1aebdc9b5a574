import Foundation

/// A parsed request line and its headers.
struct RequestHead: Sendable, Equatable {
    var method: String
    /// The request target exactly as sent (still percent-encoded, query included).
    var target: String
    /// `HTTP/1.1` or `HTTP/1.0`.
    var version: String
    /// In order; names lowercased, values with surrounding blanks removed.
    var headers: [Header]

    struct Header: Sendable, Equatable {
        var name: String
        var value: String
    }

    /// Every value of the header `name` (lowercase).
    func values(_ name: String) -> [String] {
        headers.filter { $0.name == name }.map(\.value)
    }

    /// The target without its query or fragment: what names the file.
    var path: String {
        String(target.prefix { $0 != "?" && $0 != "#" })
    }

    /// HTTP/1.1 keeps the connection open unless the client says `Connection: close`; HTTP/1.0
    /// connections are closed after one answer.
    var wantsKeepAlive: Bool {
        guard version == "HTTP/1.1" else { return false }
        let tokens = values("connection").flatMap { $0.split(separator: ",") }
        return !tokens.contains { $0.trimmingCharacters(in: [" ", "\t"]).lowercased() == "close" }
    }

    /// True when the request announces a body (which GET and HEAD never need).
    var hasBody: Bool {
        !values("transfer-encoding").isEmpty || values("content-length").contains { $0 != "0" }
    }
}
