import ArgumentParser
import Foundation
import LessonsKit
import LessonsServe

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it on this computer, and rebuild it when a lesson changes.",
        discussion: """
        Builds once (printing diagnostics like `lessons build`), then serves the output folder at \
        http://127.0.0.1:PORT/ (this computer only; requests must name 127.0.0.1, localhost or [::1] \
        with that port, or a --host name). Whenever a file under the lessons folder \
        changes, the site is rebuilt and open pages reload themselves; a failed rebuild prints its \
        errors and the previous pages stay up. The reload script is added to pages as they are \
        served, never written to the output folder. Ctrl-C stops the server.
        """)

    @Argument(help: "The folder of lessons (*.md, searched recursively).")
    var lessonsDirectory = "lessons"

    @Option(name: [.short, .long], help: ArgumentHelp(
        "The folder to write the site to and serve; replaced as a whole (default: output, or ../output when run inside the lessons folder).",
        valueName: "dir"))
    var output: String?

    @Option(name: [.short, .long], help: ArgumentHelp("The port on 127.0.0.1 (0 picks a free one).", valueName: "port"))
    var port = 8000

    @Option(name: .long, help: ArgumentHelp(
        "Another name (NAME or NAME:PORT) the browser may reach the server by, e.g. through a tunnel; repeatable. "
            + "Requests for other names get 403. The server still listens on 127.0.0.1 only.", valueName: "name"))
    var host: [String] = []

    @OptionGroup var blocks: BlockRunFlags

    func validate() throws {
        try PathArguments.validate(lessonsDirectory: lessonsDirectory, output: output)
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535 (got \(port)).") }
        for name in host where !ServeOptions.isValidHost(name) {
            throw ValidationError("--host must be a host name, IPv4 address or [IPv6] address, optionally with :PORT (got '\(name)').")
        }
    }

    func run() throws {
        let output = output ?? BuildOptions.defaultOutputDirectory(lessonsDirectory: lessonsDirectory)
        let build = blocks.options(lessonsDirectory: lessonsDirectory, output: output)
        let status = LiveServer.runUntilInterrupted(ServeOptions(build: build, port: UInt16(port), hosts: host))
        if status != 0 { throw ExitCode(status) }
    }
}
