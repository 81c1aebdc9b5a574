import Foundation
import Browser

/// Chromium sessions kept for the next test: starting Chromium costs a second or more of CPU,
/// and the browser tests started it some forty times a run. A test takes a session, uses it
/// alone, and gives it back (`defer { BrowserPool.release(browser) }`), on an empty page with
/// no emulated media. Tests that confine a session to a site or open windows start their own.
enum BrowserPool {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var idle: [ChromiumSession] = []
    /// Chromium is stopped when its session is released; the pool's outlive every test.
    private static let emptiedAtExit: Void = { atexit { BrowserPool.lock.withLock { BrowserPool.idle.removeAll() } } }()

    /// A session of its own for the caller, with this window size and no emulated media.
    static func take(viewport: (width: Int, height: Int)) throws -> ChromiumSession {
        _ = emptiedAtExit
        if let session = lock.withLock({ idle.popLast() }) {
            try session.resize(width: viewport.width, height: viewport.height)
            return session
        }
        return try ChromiumSession(viewport: viewport)
    }

    /// Gives `session` back for the next test; one that no longer answers is dropped (stopped).
    static func release(_ session: ChromiumSession) {
        guard (try? session.openBlank()) != nil,
              (try? session.page("Emulation.setEmulatedMedia", ["media": "", "features": [[String: String]]()])) != nil else { return }
        lock.withLock { idle.append(session) }
    }
}
