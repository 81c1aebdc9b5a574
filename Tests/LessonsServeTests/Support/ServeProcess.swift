import Foundation

/// The built `lessons` executable, which sits next to the test bundle.
func lessonsExecutable() throws -> URL {
    let binDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [binDir, binDir.deletingLastPathComponent()].map { $0.appendingPathComponent("lessons") }
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
        throw CocoaError(.fileNoSuchFile)
    }
    return found
}

/// A running `lessons` process whose output is collected as it comes; killed if a test leaves it running.
final class LessonsProcess: @unchecked Sendable {
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
        let (out, err) = (out, err)
        outPipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            out.update { $0.append(data) }
        }
        errPipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            err.update { $0.append(data) }
        }
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        outPipe.fileHandleForReading.readabilityHandler = nil
        errPipe.fileHandleForReading.readabilityHandler = nil
    }

    var stdout: String { String(decoding: out.value, as: UTF8.self) }
    var stderr: String { String(decoding: err.value, as: UTF8.self) }

    /// Ctrl-C.
    func interrupt() { process.interrupt() }

    /// The exit status, once the process has ended and its output is drained; nil after `seconds`.
    func exitStatus(within seconds: Double = 10) async throws -> Int32? {
        guard try await eventually(within: seconds, { !process.isRunning }) else { return nil }
        process.waitUntilExit()
        for (pipe, buffer) in [(outPipe, out), (errPipe, err)] {
            pipe.fileHandleForReading.readabilityHandler = nil
            let rest = pipe.fileHandleForReading.readDataToEndOfFile()
            buffer.update { $0.append(rest) }
        }
        return process.terminationStatus
    }

    /// The port from the `serving ... at http://127.0.0.1:PORT/` line, once it is printed.
    func servedPort(within seconds: Double = 20) async throws -> UInt16? {
        var port: UInt16?
        _ = try await eventually(within: seconds) {
            let text = stdout
            guard let range = text.range(of: #"http://127\.0\.0\.1:\d+/"#, options: .regularExpression) else { return false }
            port = UInt16(text[range].dropFirst("http://127.0.0.1:".count).dropLast())
            return true
        }
        return port
    }
}
