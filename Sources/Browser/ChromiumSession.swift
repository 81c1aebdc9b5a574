import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`:
/// commands on fd 3, replies on fd 4, NUL-separated JSON). One browser, one page, reused for
/// many documents: printing the handout, and the browser checks of the tests.
///
/// Waiting has no clock deadline (see `ChromiumLiveness`): on a busy machine Chromium may be slow,
/// and only an exited or provably hung browser ends a wait with an error.
public final class ChromiumSession {
    public struct Failure: Error, CustomStringConvertible { public let description: String }

    private let pid: pid_t
    private let write: Int32, read: Int32
    private let profile: String
    private var liveness: ChromiumLiveness
    private let confinement: SiteConfinement?
    private var nextID = 1
    private var buffer: [UInt8] = []
    private var pending: [[String: Any]] = []
    private var sessionID = ""
    /// The page's main frame (its id is the target's), and the file it was last told to open:
    /// with a confinement, the only document that frame may load.
    private var mainFrame = ""
    private var document: String?
    /// Console errors and uncaught exceptions since the last `open`.
    public private(set) var consoleErrors: [String] = []

    /// Starts Chromium (see `ChromiumPrinter.executable`) with one page; `viewport` emulates a
    /// screen of that size (leave it nil for printing, where the paper decides the layout).
    /// With `site`, the page and every frame and worker in it may load only files inside that
    /// folder and data of their own (`SiteConfinement`); every other request fails.
    public init(viewport: (width: Int, height: Int)? = (1280, 900), site: String? = nil) throws {
        guard let chromium = ChromiumPrinter.executable else {
            throw Failure(description: "--pdf needs headless Chromium; install the Debian package 'chromium' (apt-get install chromium)")
        }
        if let site {
            guard let confinement = SiteConfinement(site: site) else { throw Failure(description: "cannot resolve the folder \(site)") }
            self.confinement = confinement
        } else {
            confinement = nil
        }
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-chromium-\(UUID().uuidString)").path
        var toChrome: [Int32] = [0, 0], fromChrome: [Int32] = [0, 0]
        guard pipe(&toChrome) == 0, pipe(&fromChrome) == 0 else { throw Failure(description: "cannot create pipes for Chromium") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChrome[0], 3)
        posix_spawn_file_actions_adddup2(&actions, fromChrome[1], 4)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // No background services (component updates, extensions, sync, field trials over the
        // network): a printer of local files has no use for them, and they cost CPU at every start.
        let arguments = [chromium, "--headless"] + ChromiumSandbox.arguments
            + ["--disable-gpu", "--hide-scrollbars", "--remote-debugging-pipe",
               "--user-data-dir=\(profile)", "--no-first-run", "--no-default-browser-check",
               "--disable-background-networking", "--disable-component-update", "--disable-extensions",
               "--disable-sync", "--disable-default-apps", "about:blank"]
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, chromium, &actions, nil, argv, environ) == 0 else {
            throw Failure(description: "cannot start \(chromium)")
        }
        close(toChrome[0])
        close(fromChrome[1])
        self.pid = pid
        liveness = ChromiumLiveness(pid: pid)
        self.write = toChrome[1]
        self.read = fromChrome[0]
        let target = try call("Target.createTarget", ["url": "about:blank"])
        guard let targetID = target["targetId"] as? String else { throw Failure(description: "Chromium did not open a page") }
        mainFrame = targetID
        let attached = try call("Target.attachToTarget", ["targetId": targetID, "flatten": true])
        guard let session = attached["sessionId"] as? String else { throw Failure(description: "Chromium did not attach to the page") }
        sessionID = session
        if confinement != nil { try confine(session: session) }
        _ = try page("Page.enable", [:])
        _ = try page("Runtime.enable", [:])
        if let viewport { try resize(width: viewport.width, height: viewport.height) }
    }

    deinit {
        close(write)
        close(read)
        if liveness.exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        try? FileManager.default.removeItem(atPath: profile)
    }

    /// Sets the viewport (CSS pixels).
    public func resize(width: Int, height: Int) throws {
        _ = try page("Emulation.setDeviceMetricsOverride", ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": false])
    }

    /// Loads a file and waits for its load event (or, when a refused navigation interrupted the
    /// load, until the page stops loading).
    public func open(_ path: String, fragment: String = "") throws {
        document = SiteConfinement.realPath(path)
        try navigate(to: URL(fileURLWithPath: path).absoluteString + fragment)
    }

    /// Leaves the document for an empty page and waits for it, so that the next `open` loads
    /// anew even an address the page is already at (with a fragment, that would only scroll).
    public func openBlank() throws {
        try navigate(to: "about:blank")
    }

    private func navigate(to url: String) throws {
        consoleErrors = []
        let loadEvents = ["Page.loadEventFired", "Page.frameStartedLoading", "Page.frameStoppedLoading"]
        pending.removeAll { loadEvents.contains($0["method"] as? String ?? "") }
        _ = try page("Page.navigate", ["url": url])
        var started = false
        try waitFor { method, frame in
            if method == "Page.frameStartedLoading", frame == mainFrame { started = true }
            // A stop before our navigation started belongs to the previous document.
            return method == "Page.loadEventFired" || (method == "Page.frameStoppedLoading" && frame == mainFrame && started)
        }
    }

    /// Evaluates JavaScript in the page and returns its JSON-able result.
    public func evaluate(_ expression: String) throws -> Any? {
        let result = try page("Runtime.evaluate", ["expression": expression, "returnByValue": true])
        return (result["result"] as? [String: Any])?["value"]
    }

    /// A PNG of the whole page at the current width, or of what the window shows (much quicker
    /// for a long page: a phone-width lesson can be twenty screens).
    public func screenshot(wholePage: Bool = true) throws -> Data {
        let result = try page("Page.captureScreenshot", ["format": "png", "captureBeyondViewport": wholePage])
        guard let base64 = result["data"] as? String, let data = Data(base64Encoded: base64) else {
            throw Failure(description: "Chromium did not take a screenshot")
        }
        return data
    }

    /// A command to the page's session; returns its `result`.
    public func page(_ method: String, _ params: [String: Any]) throws -> [String: Any] {
        try call(method, params, session: sessionID)
    }

    /// Another page of this browser (a window the page opened with `window.open`), found by a
    /// part of its address and attached to; give the returned session to `page(_:_:in:)`.
    /// Nil while there is no such page.
    public func openedPage(addressContaining part: String) throws -> String? {
        let targets = try call("Target.getTargets", [:])["targetInfos"] as? [[String: Any]] ?? []
        guard let target = targets.first(where: {
            $0["type"] as? String == "page" && $0["targetId"] as? String != mainFrame && ($0["url"] as? String ?? "").contains(part)
        }), let id = target["targetId"] as? String else { return nil }
        let attached = try call("Target.attachToTarget", ["targetId": id, "flatten": true])
        guard let session = attached["sessionId"] as? String else { throw Failure(description: "Chromium did not attach to \(part)") }
        return session
    }

    /// A command to another page's session (see `openedPage`); returns its `result`.
    public func page(_ method: String, _ params: [String: Any], in session: String) throws -> [String: Any] {
        try call(method, params, session: session)
    }

    private func call(_ method: String, _ params: [String: Any], session: String? = nil) throws -> [String: Any] {
        let id = try send(method, params, session: session)
        while true {
            let reply = try nextMessage()
            if reply["id"] as? Int == id {
                if let error = reply["error"] as? [String: Any] {
                    throw Failure(description: "Chromium refused \(method): \(error["message"] ?? error)")
                }
                return reply["result"] as? [String: Any] ?? [:]
            }
            note(event: reply)
        }
    }

    /// Writes one command without waiting for its reply; returns its id.
    @discardableResult
    private func send(_ method: String, _ params: [String: Any], session: String? = nil) throws -> Int {
        let id = nextID
        nextID += 1
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session, !session.isEmpty { message["sessionId"] = session }
        let data = try JSONSerialization.data(withJSONObject: message, options: [.sortedKeys]) + Data([0])
        try data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(write, base + offset, raw.count - offset)
                guard n > 0 else { throw Failure(description: "Chromium closed the connection") }
                offset += n
            }
        }
        return id
    }

    /// Waits until `done(method, frameId)` holds for an event, looking at remembered ones first.
    private func waitFor(_ done: (String, String?) -> Bool) throws {
        func matches(_ message: [String: Any]) -> Bool {
            done(message["method"] as? String ?? "", (message["params"] as? [String: Any])?["frameId"] as? String)
        }
        while !pending.isEmpty {
            if matches(pending.removeFirst()) { return }
        }
        while true {
            let message = try nextMessage()
            if matches(message) { return }
            note(event: message)
        }
    }

    /// Keeps console errors and exceptions; remembers other events for `waitFor`.
    private func note(event message: [String: Any]) {
        guard let method = message["method"] as? String, let params = message["params"] as? [String: Any] else { return }
        switch method {
        case "Fetch.requestPaused":
            answer(paused: params, session: message["sessionId"] as? String)
        case "Target.attachedToTarget":
            // A frame in another process or a worker: confine it too before it runs.
            if let child = params["sessionId"] as? String { try? confine(session: child, waiting: true) }
        case "Runtime.exceptionThrown":
            let details = params["exceptionDetails"] as? [String: Any]
            consoleErrors.append("exception: \(details?["text"] ?? "?") \((details?["exception"] as? [String: Any])?["description"] ?? "")")
        case "Runtime.consoleAPICalled" where params["type"] as? String == "error":
            consoleErrors.append("console.error: \(params["args"] ?? "")")
        default:
            pending.append(message)
            if pending.count > 100 { pending.removeFirst(pending.count - 100) }
        }
    }

    /// Intercepts every request of a session (and of the frames and workers it starts).
    private func confine(session: String, waiting: Bool = false) throws {
        try send("Fetch.enable", ["patterns": [["urlPattern": "*"]]], session: session)
        try send("Target.setAutoAttach", ["autoAttach": true, "waitForDebuggerOnStart": true, "flatten": true], session: session)
        if waiting { try send("Runtime.runIfWaitingForDebugger", [:], session: session) }
    }

    /// Lets a paused request go on when it stays inside the site; fails it otherwise.
    private func answer(paused params: [String: Any], session: String?) {
        guard let requestID = params["requestId"] as? String else { return }
        let url = (params["request"] as? [String: Any])?["url"] as? String ?? ""
        let isDocument = params["resourceType"] as? String == "Document"
        // The main frame keeps the page it was given: a meta refresh or script navigation, even to
        // another page of the site, would print that instead.
        let mainFrameLeaves = isDocument && params["frameId"] as? String == mainFrame
            && (URL(string: url).flatMap { SiteConfinement.realPath($0.path) } ?? "") != document
        if !mainFrameLeaves, confinement?.allows(url) ?? true {
            _ = try? send("Fetch.continueRequest", ["requestId": requestID], session: session)
        } else if isDocument {
            // "No content" makes the frame stay where it is, rather than show an error page.
            _ = try? send("Fetch.fulfillRequest", ["requestId": requestID, "responseCode": 204, "responseHeaders": [[String: String]](),
                                                   "body": ""], session: session)
        } else {
            _ = try? send("Fetch.failRequest", ["requestId": requestID, "errorReason": "BlockedByClient"], session: session)
        }
    }

    private func nextMessage() throws -> [String: Any] {
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let message = Array(buffer[..<end])
                buffer.removeSubrange(...end)
                guard let object = try? JSONSerialization.jsonObject(with: Data(message)) as? [String: Any] else { continue }
                return object
            }
            var poller = pollfd(fd: read, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 1000)
            if ready < 0, errno == EINTR { continue }
            guard ready >= 0 else { throw Failure(description: "lost Chromium") }
            if poller.revents == 0 {
                try liveness.noteSilence()
                continue
            }
            liveness.noteMessage()
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let n = Glibc.read(read, &chunk, chunk.count)
            guard n > 0 else { throw Failure(description: "Chromium closed the connection") }
            buffer += chunk[0..<n]
        }
    }
}
