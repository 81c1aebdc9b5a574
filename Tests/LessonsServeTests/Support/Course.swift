import Foundation

/// A temporary course folder (`lessons/`, and `output/` once built), removed when the test ends.
final class Course {
    let root: String
    var lessons: String { root + "/lessons" }
    var output: String { root + "/output" }

    init(_ files: [String: String] = ["a.md": "# A\n\nFirst version.\n"]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-serve-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/lessons", withIntermediateDirectories: true)
        for (name, text) in files { try write(name, text) }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: lessons + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}

/// A value shared with a pipe's reading queue.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}

/// Polls `condition` every 50 ms until it holds; `seconds` is only a safety net against a hung
/// program, far above any wait on a busy machine, never a measure of speed.
func eventually(within seconds: Double = 600, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    repeat {
        if try condition() { return true }
        usleep(50_000)
    } while Date() < deadline
    return try condition()
}
