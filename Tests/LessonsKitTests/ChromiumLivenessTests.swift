import Foundation
import Testing
@testable import LessonsKit
@testable import Browser

/// Waiting on Chromium ends on an exit, never on the clock (issue 17: a fixed 120 s timeout
/// failed the handout on a busy machine).
@Suite struct ChromiumLivenessTests {
    @Test func anExitedBrowserEndsTheWaitWithAnError() throws {
        // Spawned as ChromiumSession spawns Chromium (Foundation's Process would reap it itself).
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = ["/bin/sh", "-c", "exit 3"].map { (word: String) in strdup(word) } + [nil]
        defer { argv.forEach { free($0) } }
        #expect(posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0)
        var liveness = ChromiumLiveness(pid: pid)
        // Polls until the exit is seen; a bounded count, not a deadline (the child exits at once,
        // and ChromiumLiveness reaps it itself).
        var error: Error?
        for _ in 0..<10_000 where error == nil {
            do { try liveness.noteSilence() } catch let e { error = e }
            if error == nil { usleep(1_000) }
        }
        #expect("\(error.map { "\($0)" } ?? "")".contains("Chromium quit unexpectedly"))
    }

    @Test func aLiveBusyProcessIsNotGivenUpOn() throws {
        // Our own process is alive and has used CPU time: a silent poll is not an error.
        var liveness = ChromiumLiveness(pid: getpid())
        #expect(ChromiumLiveness.cpuTicks(of: getpid()) != nil)
        for _ in 0..<3 { try liveness.noteSilence() }
    }
}
