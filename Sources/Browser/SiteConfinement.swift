import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which URLs a page printed from the staged site may load: files inside the site folder
/// (symbolic links followed) and data held by the page itself (`data:`, `blob:`, `about:`).
/// Everything else — `file:` URLs anywhere else, `http(s):`, `ftp:`, `ws:`, other schemes — is
/// refused, so a lesson cannot pull a file from outside the lessons folder into the handout.
struct SiteConfinement: Sendable {
    /// The site folder, absolute and with symbolic links resolved.
    let root: String

    /// Nil when the folder cannot be resolved (the caller then refuses to print).
    init?(site: String) {
        guard let resolved = SiteConfinement.realPath(site) else { return nil }
        root = resolved
    }

    /// True when the page may load `address`.
    func allows(_ address: String) -> Bool {
        guard let colon = address.firstIndex(of: ":") else { return false }
        let scheme = address[..<colon].lowercased()
        if ["data", "blob", "about"].contains(scheme) { return true }
        guard scheme == "file", let url = URL(string: address), url.host == nil || url.host == "" || url.host == "localhost"
        else { return false }
        // `URL.path` removes the percent-encoding; the real path follows links and `..` the way
        // the browser's file loader will, so a link inside the site to a file outside is refused.
        let path = url.path
        guard !path.isEmpty, !path.contains("\0"), let real = SiteConfinement.realPath(path) else { return false }
        return real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
