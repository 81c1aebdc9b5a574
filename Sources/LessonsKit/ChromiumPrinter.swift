import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Prints a page to PDF with headless Chromium, over the DevTools protocol on a pipe
/// (`--remote-debugging-pipe`: commands on fd 3, replies on fd 4, NUL-separated JSON), which,
/// unlike `--print-to-pdf`, allows a page-number footer without a date and a PDF outline.
struct ChromiumPrinter {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]

    /// The Chromium executable (`LESSONS_CHROMIUM` overrides the search), or nil when there is none.
    static var executable: String? {
        if let chosen = ProcessInfo.processInfo.environment["LESSONS_CHROMIUM"] {
            return FileManager.default.isExecutableFile(atPath: chosen) ? chosen : nil
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    let timeout: TimeInterval = 120

    /// The PDF of `page` (a file path), A4, backgrounds printed, numbered pages, an outline.
    func pdf(of page: String, footer: String) throws -> [UInt8] {
        guard let chromium = Self.executable else {
            throw Failure(description: "--pdf needs headless Chromium; install the Debian package 'chromium' (apt-get install chromium)")
        }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-pdf-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: profile) }
        var toChrome: [Int32] = [0, 0], fromChrome: [Int32] = [0, 0]
        guard pipe(&toChrome) == 0, pipe(&fromChrome) == 0 else { throw Failure(description: "cannot create pipes for Chromium") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChrome[0], 3)
        posix_spawn_file_actions_adddup2(&actions, fromChrome[1], 4)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
                         "--user-data-dir=\(profile)", "--no-first-run", "--no-default-browser-check", "about:blank"]
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, chromium, &actions, nil, argv, environ) == 0 else {
            throw Failure(description: "cannot start \(chromium)")
        }
        close(toChrome[0])
        close(fromChrome[1])
        defer {
            close(toChrome[1])
            close(fromChrome[0])
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        var session = Session(write: toChrome[1], read: fromChrome[0], deadline: Date().addingTimeInterval(timeout))
        let target = try session.call("Target.createTarget", ["url": "about:blank"])
        guard let targetID = (target["result"] as? [String: Any])?["targetId"] as? String else {
            throw Failure(description: "Chromium did not open a page")
        }
        let attached = try session.call("Target.attachToTarget", ["targetId": targetID, "flatten": true])
        guard let sessionID = (attached["result"] as? [String: Any])?["sessionId"] as? String else {
            throw Failure(description: "Chromium did not attach to the page")
        }
        _ = try session.call("Page.enable", [:], session: sessionID)
        _ = try session.call("Page.navigate", ["url": URL(fileURLWithPath: page).absoluteString], session: sessionID)
        try session.waitFor(event: "Page.loadEventFired")
        let printed = try session.call("Page.printToPDF", [
            "printBackground": true, "preferCSSPageSize": true, "displayHeaderFooter": true,
            "headerTemplate": "<span></span>", "footerTemplate": footer,
            "marginTop": 0.6, "marginBottom": 0.7, "marginLeft": 0.6, "marginRight": 0.6,
            "generateDocumentOutline": true, "generateTaggedPDF": true,
        ], session: sessionID)
        guard let base64 = (printed["result"] as? [String: Any])?["data"] as? String,
              let data = Data(base64Encoded: base64) else {
            throw Failure(description: "Chromium did not print the page: \(printed["error"] ?? "no data")")
        }
        return Self.renumberedNodeIDs(Self.fixedDates([UInt8](data)))
    }

    /// Replaces the creation and modification dates with a fixed one of the same length, so the
    /// bytes (and the cross-reference offsets) do not depend on when the course was built.
    static func fixedDates(_ pdf: [UInt8]) -> [UInt8] {
        var bytes = pdf
        for key in ["/CreationDate (D:", "/ModDate (D:"] {
            let needle = Array(key.utf8)
            var i = 0
            while i + needle.count < bytes.count {
                if bytes[i] == needle[0], Array(bytes[i..<(i + needle.count)]) == needle {
                    var j = i + needle.count
                    var digit = 0
                    while j < bytes.count, bytes[j] != UInt8(ascii: ")") {
                        if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[j]) {
                            bytes[j] = Array("20000101000000000000".utf8)[min(digit, 19)]
                            digit += 1
                        }
                        j += 1
                    }
                    i = j
                } else {
                    i += 1
                }
            }
        }
        return bytes
    }

    /// Tagged PDFs name structure elements after Chromium's internal node numbers
    /// (`(node00000106)`), which differ between runs; renumber them in order of first appearance,
    /// keeping their length so the cross-reference offsets stay valid.
    static func renumberedNodeIDs(_ pdf: [UInt8]) -> [UInt8] {
        var bytes = pdf
        let prefix = Array("(node".utf8)
        var mapping: [ArraySlice<UInt8>: [UInt8]] = [:]
        var i = 0
        while i + prefix.count + 9 <= bytes.count {
            guard bytes[i] == prefix[0], Array(bytes[i..<(i + prefix.count)]) == prefix else { i += 1; continue }
            let start = i + prefix.count
            var end = start
            while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
            guard end < bytes.count, bytes[end] == UInt8(ascii: ")"), end > start else { i += 1; continue }
            let digits = bytes[start..<end]
            let replacement = mapping[digits] ?? {
                let number = String(mapping.count + 1)
                let padded = String(repeating: "0", count: max(0, digits.count - number.count)) + number
                let new = Array(padded.utf8.suffix(digits.count))
                mapping[digits] = new
                return new
            }()
            bytes.replaceSubrange(start..<end, with: replacement)
            i = end
        }
        return bytes
    }

    /// One DevTools connection: numbered commands, replies matched by id, events skipped.
    private struct Session {
        let write: Int32, read: Int32
        let deadline: Date
        var nextID = 1
        var buffer: [UInt8] = []
        var seenEvents: [String] = []

        mutating func call(_ method: String, _ params: [String: Any], session: String? = nil) throws -> [String: Any] {
            let id = nextID
            nextID += 1
            var message: [String: Any] = ["id": id, "method": method, "params": params]
            if let session { message["sessionId"] = session }
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
            while true {
                let reply = try nextMessage()
                if reply["id"] as? Int == id { return reply }
                if let event = reply["method"] as? String { seenEvents.append(event) }
            }
        }

        mutating func waitFor(event: String) throws {
            if seenEvents.contains(event) { return }
            while true {
                if (try nextMessage())["method"] as? String == event { return }
            }
        }

        private mutating func nextMessage() throws -> [String: Any] {
            while true {
                if let end = buffer.firstIndex(of: 0) {
                    let message = Array(buffer[..<end])
                    buffer.removeSubrange(...end)
                    guard let object = try? JSONSerialization.jsonObject(with: Data(message)) as? [String: Any] else { continue }
                    return object
                }
                let remaining = deadline.timeIntervalSinceNow
                guard remaining > 0 else { throw Failure(description: "Chromium did not answer in time") }
                var poller = pollfd(fd: read, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, Int32(min(remaining, 5) * 1000)) >= 0 else { throw Failure(description: "lost Chromium") }
                if poller.revents == 0 { continue }
                var chunk = [UInt8](repeating: 0, count: 65_536)
                let n = Glibc.read(read, &chunk, chunk.count)
                guard n > 0 else { throw Failure(description: "Chromium closed the connection") }
                buffer += chunk[0..<n]
            }
        }
    }
}
