/// The checks every request passes before anything is looked up: who it is for (Host, Origin,
/// Fetch metadata), its method, and that it carries no body.
struct RequestPolicy: Sendable {
    let hosts: HostCheck

    /// Why `request` is not served, or nil when it may be.
    func refusal(for request: RequestHead) -> Refusal? {
        let host = request.values("host")
        guard host.count == 1 else {
            return Refusal(status: .badRequest, message: "a request needs exactly one Host header")
        }
        guard hosts.accepts(host: host[0]) else {
            return Refusal(status: .forbidden, message: "this server answers only to \(names) (see `lessons serve --host`)")
        }
        for origin in request.values("origin") where !hosts.accepts(origin: origin) {
            return Refusal(status: .forbidden, message: "requests from other sites' pages are not served")
        }
        // A page on another site may link here (a navigation) but not fetch or embed our files.
        let site = request.values("sec-fetch-site").first, mode = request.values("sec-fetch-mode").first
        if let site, site != "same-origin", site != "none", mode != "navigate" {
            return Refusal(status: .forbidden, message: "requests from other sites' pages are not served")
        }
        // Method names are case-sensitive (RFC 9110 9.1): `get` is not GET.
        guard request.method == "GET" || request.method == "HEAD" else {
            return Refusal(status: .methodNotAllowed, message: "only GET and HEAD are served",
                           extraHeaders: [("Allow", "GET, HEAD")])
        }
        guard !request.hasBody else {
            return Refusal(status: .badRequest, message: "GET and HEAD requests must not carry a body")
        }
        return nil
    }

    private var names: String {
        hosts.allowed.map { allowed in allowed.port.map { "\(allowed.name):\($0)" } ?? allowed.name }.joined(separator: ", ")
    }
}
