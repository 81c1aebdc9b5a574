import Dispatch
import Foundation

extension LiveServer {
    /// For the command line: serves until Ctrl-C (SIGINT) or SIGTERM, then stops cleanly and
    /// returns the exit status (1 when the server could not start). Stopping waits for a build in
    /// progress, so `output/` is never left half replaced (the server stops answering at once);
    /// a second Ctrl-C quits at once.
    public static func runUntilInterrupted(_ options: ServeOptions, console: ServeConsole = .terminal) -> Int32 {
        let server = LiveServer(options: options, console: console)
        let (stops, stop) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let interrupts = Counter()
        // A queue of its own gets a thread even while a build's parallel workers fill the global pool.
        let signals = DispatchQueue(label: "lessons.serve.signals")
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)  // handled below, on a queue, instead of killing the process
            let source = DispatchSource.makeSignalSource(signal: number, queue: signals)
            source.setEventHandler {
                if interrupts.increment() > 1 { exit(130) }
                // Straight from this queue: no request, however hostile, keeps the server up.
                server.stopServing()
                stop.yield()
                Task {
                    if await server.isBuilding {
                        console.message("lessons: stopping after the build in progress (Ctrl-C again stops at once)")
                    }
                }
            }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }

        let status = Counter()
        let finished = DispatchSemaphore(value: 0)
        Task {
            defer { finished.signal() }
            do {
                _ = try await server.start()
            } catch {
                console.message("lessons: error: \(error)")
                status.set(1)
                return
            }
            for await _ in stops { break }
            await server.stop()
            console.message("lessons: stopped")
        }
        finished.wait()  // the main thread only waits; the server runs on Swift's own threads
        return Int32(status.value)
    }
}

/// A number shared between the signal queue and the server task.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = 0

    var value: Int { lock.withLock { stored } }
    func set(_ value: Int) { lock.withLock { stored = value } }
    func increment() -> Int { lock.withLock { stored += 1; return stored } }
}
