/// Which names a browser may use to reach the server. A page on another site that rebinds its DNS
/// name to 127.0.0.1 still sends its own name in `Host`, so refusing unknown names keeps such a
/// page from reading the site; `Origin` is checked the same way for requests that carry one.
struct HostCheck: Sendable {
    /// A name the server answers to; `port` nil accepts the name with any port (or none).
    struct Allowed: Sendable, Equatable {
        var name: String
        var port: UInt16?
    }

    let allowed: [Allowed]

    /// The loopback names with the port the server listens on, and any `--host` names.
    init(port: UInt16, extra: [Allowed] = []) {
        allowed = ["127.0.0.1", "localhost", "[::1]"].map { Allowed(name: $0, port: port) } + extra
    }

    /// Parses a `--host` value: a DNS name, an IPv4 address or a bracketed IPv6 address, with an
    /// optional `:port`; nil when it is none of these.
    static func parseAllowed(_ text: String) -> Allowed? {
        guard let (name, port) = split(text.lowercased()), !name.isEmpty, name.count <= 255 else { return nil }
        let valid: Bool
        if name.hasPrefix("[") {
            valid = name.hasSuffix("]") && name.count > 2
                && name.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        } else {
            valid = name.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "." || $0 == "-" }
        }
        guard valid else { return nil }
        switch port {
        case nil: return Allowed(name: name, port: nil)
        case let digits?: return UInt16(digits).map { Allowed(name: name, port: $0) }
        }
    }

    /// True when a `Host` value names this server.
    func accepts(host value: String) -> Bool {
        guard let (name, portText) = Self.split(value.lowercased()) else { return false }
        let port: UInt16?
        if let portText {
            guard let number = UInt16(portText) else { return false }
            port = number
        } else {
            port = 80  // a browser leaves the default port out
        }
        return allowed.contains { $0.name == name && ($0.port == nil || $0.port == port) }
    }

    /// True when an `Origin` value is a page of this server (`http://` and an accepted host).
    func accepts(origin value: String) -> Bool {
        let prefix = "http://"
        guard value.lowercased().hasPrefix(prefix) else { return false }
        let authority = value.dropFirst(prefix.count)
        guard !authority.contains("/") else { return false }
        return accepts(host: String(authority))
    }

    /// `name[:port]` or `[v6][:port]` into its parts; nil when the port part is not digits.
    private static func split(_ text: String) -> (String, String?)? {
        var name = Substring(text), port: Substring?
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            name = text[...close]
            let rest = text[text.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { return nil }
                port = rest.dropFirst()
            }
        } else if let colon = text.lastIndex(of: ":") {
            name = text[..<colon]
            port = text[text.index(after: colon)...]
        }
        if let port, port.isEmpty || !port.allSatisfy({ $0.isASCII && $0.isNumber }) { return nil }
        return (String(name), port.map(String.init))
    }
}
