import Foundation
import Testing

/// Headless Chromium, installed by `make test` (scripts/install-deps.sh --test).
private let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// A real browser on a served page: after an edit, the page reloads itself and shows the new title.
@Suite(.enabled(if: chromium != nil, "skipped: chromium is not installed (make test installs it)"))
struct BrowserReloadTests {
    @Test func anOpenPageReloadsAfterASuccessfulRebuild() throws {
        let course = try Course(["a.md": "# Before\n\nText.\n"])
        let (serve, port) = try LessonsProcess.serve(course)
        let browser = try Browser(url: "http://127.0.0.1:\(port)/a/", profile: course.root + "/profile")
        defer { browser.quit() }
        let devTools = try #require(browser.devToolsPort(), "Chromium did not start")
        #expect(eventually() { (try? Self.titles(devTools))?.contains("Before · lessons") == true })

        try course.write("a.md", "# After\n\nText.\n")
        #expect(eventually() { (try? Self.titles(devTools))?.contains("After · lessons") == true })
        serve.stop()
    }

    /// The titles of the browser's open pages, from the DevTools HTTP endpoint.
    private static func titles(_ devTools: UInt16) throws -> [String] {
        let response = try RawHTTP.get("/json/list", port: devTools)
        let pages = try JSONSerialization.jsonObject(with: Data(response.body)) as? [[String: Any]] ?? []
        return pages.compactMap { $0["title"] as? String }
    }

    /// Chromium showing one page, with DevTools on a port it picks and writes into its profile.
    final class Browser {
        private let process = Process()
        private let profile: String

        init(url: String, profile: String) throws {
            self.profile = profile
            process.executableURL = URL(fileURLWithPath: chromium ?? "/usr/bin/chromium")
            process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                 "--remote-debugging-port=0", "--user-data-dir=\(profile)", url]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
        }

        func devToolsPort() -> UInt16? {
            var port: UInt16?
            _ = eventually() {
                let text = (try? String(contentsOfFile: profile + "/DevToolsActivePort", encoding: .utf8)) ?? ""
                port = text.split(separator: "\n").first.flatMap { UInt16($0) }
                return port != nil
            }
            return port
        }

        /// SIGTERM lets Chromium take its helper processes down with it; SIGKILL if it lingers.
        func quit() {
            guard process.isRunning else { return }
            process.terminate()
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }
}
