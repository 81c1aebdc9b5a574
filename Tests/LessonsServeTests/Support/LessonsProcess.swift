import Foundation
import Testing

/// The built `lessons` executable, which sits next to the test bundle.
func lessonsExecutable() throws -> URL {
    let binDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [binDir, binDir.deletingLastPathComponent()].map { $0.appendingPathComponent("lessons") }
    return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) })
}

/// A running `lessons` process whose output is collected as it comes; killed if a test leaves it
/// running. The server runs in its own process, with its own threads, so a busy test run cannot
/// starve it.
final class LessonsProcess {
    private let process = Process()
    private let out = Locked<Data>(Data())
    private let err = Locked<Data>(Data())
    private let outPipe = Pipe(), errPipe = Pipe()

    init(_ arguments: [String], in directory: String) throws {
        process.executableURL = try lessonsExecutable()
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = outPipe
        process.standardError = errPipe
        for (pipe, buffer) in [(outPipe, out), (errPipe, err)] {
            pipe.fileHandleForReading.readabilityHandler = { handle in
                let data = handle.availableData
                buffer.update { $0.append(data) }
            }
        }
        try process.run()
    }

    /// `lessons serve --port 0` for `course`, with its port once it has printed it.
    static func serve(_ course: Course, _ extra: [String] = []) throws -> (LessonsProcess, UInt16) {
        let serve = try LessonsProcess(["serve", "--port", "0", "--jobs", "1"] + extra, in: course.root)
        return (serve, try #require(serve.servedPort(), "no address printed; stderr: \(serve.stderr)"))
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        outPipe.fileHandleForReading.readabilityHandler = nil
        errPipe.fileHandleForReading.readabilityHandler = nil
    }

    var stdout: String { String(decoding: out.value, as: UTF8.self) }
    var stderr: String { String(decoding: err.value, as: UTF8.self) }

    /// The process id (to read its memory use from /proc).
    var pid: Int32 { process.processIdentifier }

    /// Ctrl-C.
    func interrupt() { process.interrupt() }

    /// The exit status, once the process has ended and its output is drained; nil after `seconds`.
    func exitStatus(within seconds: Double = 600) -> Int32? {
        guard eventually(within: seconds, { !process.isRunning }) else { return nil }
        process.waitUntilExit()
        for (pipe, buffer) in [(outPipe, out), (errPipe, err)] {
            pipe.fileHandleForReading.readabilityHandler = nil
            let rest = pipe.fileHandleForReading.readDataToEndOfFile()
            buffer.update { $0.append(rest) }
        }
        return process.terminationStatus
    }

    /// The port from the `serving ... at http://127.0.0.1:PORT/` line, once it is printed.
    func servedPort(within seconds: Double = 600) -> UInt16? {
        var port: UInt16?
        _ = eventually(within: seconds) {
            guard let range = stdout.range(of: #"http://127\.0\.0\.1:\d+/"#, options: .regularExpression) else { return false }
            port = UInt16(stdout[range].dropFirst("http://127.0.0.1:".count).dropLast())
            return true
        }
        return port
    }

    /// Stops it as Ctrl-C does and expects a clean exit.
    func stop(sourceLocation: SourceLocation = #_sourceLocation) {
        interrupt()
        #expect(exitStatus() == 0, "stderr: \(stderr)", sourceLocation: sourceLocation)
    }
}
