import Foundation
import LessonsKit
@testable import LessonsServe

/// A temporary course folder (`lessons/`, `output/`), removed when the test ends.
final class Course: Sendable {
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

    func buildOptions() -> BuildOptions {
        BuildOptions(lessonsDirectory: lessons, outputDirectory: output, jobs: 1, useCache: false)
    }
}

/// Everything a server printed, kept for assertions.
final class Transcript: Sendable {
    private let lines = Locked<[String]>([])
    var text: String { lines.value.joined(separator: "\n") }
    var console: ServeConsole {
        ServeConsole(message: { line in self.lines.update { $0.append(line) } },
                     address: { line in self.lines.update { $0.append(line) } })
    }
}

final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}

/// Starts a server for `course` on a free port, runs `body`, and always stops the server.
func withServer<T: Sendable>(_ course: Course, transcript: Transcript = Transcript(),
                             _ body: (UInt16) async throws -> T) async throws -> T {
    let server = LiveServer(options: ServeOptions(build: course.buildOptions(), port: 0, pollInterval: .milliseconds(50)),
                            console: transcript.console)
    let port = try await server.start()
    do {
        let result = try await body(port)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// Polls `condition` every 50 ms for at most `seconds`; true as soon as it holds.
func eventually(within seconds: Double = 10, _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(50))
    }
    return false
}
