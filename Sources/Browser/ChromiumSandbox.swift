import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Chromium keeps its sandbox wherever it can. It refuses to start sandboxed as root (containers
/// and CI often run as root), so only then does it get `--no-sandbox`; the pages it loads are
/// still confined to the staged site (`SiteConfinement`).
enum ChromiumSandbox {
    static var arguments: [String] {
        geteuid() == 0 ? ["--no-sandbox"] : []
    }
}
