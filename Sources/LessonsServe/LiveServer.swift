import Foundation
import LessonsKit

/// `lessons serve`: builds the site, serves the output folder on 127.0.0.1, rebuilds when anything
/// under the lessons folder changes, and tells open pages to reload after each successful build.
public actor LiveServer {
    private let options: ServeOptions
    private let console: ServeConsole
    private let events = BuildEvents()
    private nonisolated let serverBox = ServerBox()
    /// Builds are long, synchronous and parallel inside; they run here, one at a time, off the
    /// cooperative pool where the watcher and Ctrl-C run (requests have threads of their own).
    private let buildQueue = DispatchQueue(label: "lessons.serve.build")
    private var server: LoopbackServer?
    private var watchTask: Task<Void, Never>?

    /// True while a build runs (stopping waits for it, so `output/` is never left half swapped).
    public private(set) var isBuilding = false

    public init(options: ServeOptions, console: ServeConsole = .terminal) {
        self.options = options
        self.console = console
    }

    /// Listens, builds once, prints the address, starts watching and returns the port. It listens
    /// first so a busy port fails at once, not after a long build. A failed first build still
    /// serves (the previous output, if any) and waits for a fix.
    public func start() async throws -> UInt16 {
        let before = snapshot()
        let port = try listen()
        await build()
        console.address("lessons: serving \(options.build.outputDirectory)/ at http://127.0.0.1:\(port)/ (Ctrl-C to stop)")
        watchTask = Task { await self.watch(from: before) }
        return port
    }

    /// Stops watching (after the build in progress, if any), ends the pages' event streams and
    /// closes the server and every connection.
    public func stop() async {
        watchTask?.cancel()
        await watchTask?.value
        events.close()
        server?.stop()
        (watchTask, server) = (nil, nil)
    }

    /// Closes the listening socket and every connection at once, from any thread (Ctrl-C), without
    /// waiting for the actor: a build in progress keeps the actor busy until it ends.
    nonisolated func stopServing() {
        events.close()
        serverBox.value?.stop()
    }

    /// Binds 127.0.0.1 only: the site is for this computer, never the network.
    private func listen() throws -> UInt16 {
        let responder = SiteResponder(outputDirectory: options.build.outputDirectory, events: events)
        let server = LoopbackServer(limits: options.limits, extraHosts: options.hosts.compactMap(HostCheck.parseAllowed),
                                    respond: { responder.respond(to: $0) })
        do {
            let port = try server.start(port: options.port)
            self.server = server
            serverBox.set(server)
            return port
        } catch {
            throw ServeError(description: "cannot listen on 127.0.0.1:\(options.port): \(Self.reason(error))")
        }
    }

    private static func reason(_ error: any Error) -> String {
        guard let failure = error as? SocketFailure else { return String(describing: error) }
        switch failure.code {
        case EADDRINUSE: return "the port is in use; stop the program using it or choose another --port (0 picks a free one)"
        case EACCES: return "\(failure); ports below 1024 need privileges, choose another --port"
        default: return failure.description
        }
    }

    /// Polls the lessons folder; after a change, waits until it settles (an editor's save, a git
    /// checkout), then rebuilds. Changes made during a build are compared against the snapshot
    /// that build started from, so none is missed.
    private func watch(from start: FolderSnapshot) async {
        var seen = start
        while await pause() {
            var now = snapshot()
            guard now != seen else { continue }
            var settling = 0
            while settling < 6, await pause() {  // about 2 s at most, so a busy folder still rebuilds
                let next = snapshot()
                if next == now { break }
                (now, settling) = (next, settling + 1)
            }
            if Task.isCancelled { return }
            console.message("lessons: \(Self.describe(now.changes(since: seen))) changed; rebuilding")
            seen = now
            await build()
        }
    }

    /// Sleeps one poll interval; false when the watcher was cancelled.
    private func pause() async -> Bool {
        (try? await Task.sleep(for: options.pollInterval)) != nil
    }

    private func snapshot() -> FolderSnapshot {
        let build = options.build
        let excluded = [build.outputDirectory, build.cacheDirectory ?? Builder.defaultCacheDirectory(build)]
            .compactMap(FileSystem.realPath)
        return FolderSnapshot.take(build.lessonsDirectory, excluding: Set(excluded))
    }

    /// Runs one build, prints exactly what `lessons build` prints, and announces it when it succeeded.
    private func build() async {
        isBuilding = true
        defer { isBuilding = false }
        let options = self.options.build
        let report = await withCheckedContinuation { done in
            buildQueue.async { done.resume(returning: Builder.build(options)) }
        }
        for diagnostic in report.diagnostics { console.message(diagnostic.description) }
        console.message(report.summary(outputDirectory: options.outputDirectory))
        if report.succeeded { events.published() }
    }

    private static func describe(_ paths: [String]) -> String {
        switch paths.count {
        case 0: "a file"
        case 1: paths[0]
        default: "\(paths[0]) and \(paths.count - 1) more"
        }
    }
}

/// The running server, reachable without the actor (see `stopServing`).
private final class ServerBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: LoopbackServer?

    var value: LoopbackServer? { lock.withLock { stored } }
    func set(_ server: LoopbackServer) { lock.withLock { stored = server } }
}
