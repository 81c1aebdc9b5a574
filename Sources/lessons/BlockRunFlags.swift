import ArgumentParser
import Foundation
import LessonsKit

/// The options `build` and `serve` share: how many lessons build at once, and the block cache.
struct BlockRunFlags: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp("How many blocks and lessons to build at once (default: the number of cores).",
                                                      valueName: "n"))
    var jobs: Int?

    @Flag(help: "Run every block again instead of reusing cached results (and store nothing); also builds when nothing changed.")
    var noCache = false

    @Option(help: ArgumentHelp("Where to keep cached block results (default: .lessons-cache next to the lessons folder).",
                               valueName: "dir"))
    var cacheDir: String?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs)).") }
        if let cacheDir, cacheDir.isEmpty { throw ValidationError("--cache-dir must name a folder.") }
    }

    /// The build these flags ask for, of `lessonsDirectory` into `output`.
    func options(lessonsDirectory: String, output: String) -> BuildOptions {
        BuildOptions(lessonsDirectory: lessonsDirectory, outputDirectory: output,
                     jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                     useCache: !noCache, cacheDirectory: cacheDir)
    }
}
