import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Decides when to stop waiting for Chromium without a clock deadline: a busy machine can make
/// a correct browser slow, never dead. We give up only when the process has exited, or when it
/// sent nothing and its whole process tree used no CPU time for `idleLimit` polls in a row.
struct ChromiumLiveness {
    /// Polls of one second with no message and no CPU progress before Chromium counts as hung.
    static let idleLimit = 600

    let pid: pid_t
    private var lastTicks: Int?
    private var idlePolls = 0
    /// The exit status, once the process has been reaped here.
    private(set) var exitStatus: Int32?

    init(pid: pid_t) { self.pid = pid }

    /// A message arrived: Chromium is making progress.
    mutating func noteMessage() { idlePolls = 0 }

    /// A poll ended with nothing to read; throws when Chromium is gone or hung.
    mutating func noteSilence() throws {
        var status: Int32 = 0
        if exitStatus == nil {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid {
                exitStatus = status
            } else if reaped < 0, errno == ECHILD, kill(pid, 0) != 0 {
                exitStatus = -1  // already reaped by someone else in this process, and gone
            }
        }
        if let exitStatus {
            throw ChromiumSession.Failure(description: "Chromium quit unexpectedly (wait status \(exitStatus))")
        }
        // Without /proc (not Linux) CPU use is unknown: then only an exit ends the wait.
        guard let ticks = Self.cpuTicks(of: pid) else { return }
        if ticks != lastTicks {
            lastTicks = ticks
            idlePolls = 0
            return
        }
        idlePolls += 1
        if idlePolls < Self.idleLimit { return }
        throw ChromiumSession.Failure(description: "Chromium stopped answering: it sent nothing and used no CPU time for \(Self.idleLimit) s")
    }

    /// User and system time of `pid` and all its descendants, in clock ticks (Linux /proc).
    static func cpuTicks(of pid: pid_t) -> Int? {
        var total = 0
        var queue = [pid]
        var seen = Set<pid_t>()
        while let next = queue.popLast() {
            guard seen.insert(next).inserted, let stat = contents("/proc/\(next)/stat") else {
                if next == pid { return nil }
                continue
            }
            // Fields after the command name, which is in parentheses and may contain spaces.
            guard let close = stat.lastIndex(of: ")") else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            // fields[0] is the state (field 3); utime and stime are fields 14 and 15.
            if fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) { total += user + system }
            let children = contents("/proc/\(next)/task/\(next)/children") ?? ""
            queue += children.split(separator: " ").compactMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        return total
    }

    private static func contents(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
