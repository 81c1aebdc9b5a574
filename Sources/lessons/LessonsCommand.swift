import ArgumentParser
import Foundation
import LessonsKit

@main
struct LessonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "Turn a folder of Markdown lessons about neural networks into a static course website.",
        discussion: """
        Every graph and model block in the lessons is run while the site is built, so the pages \
        show real forward values and gradients. See README.md for the full lesson format.
        """,
        version: LessonsVersion.string,
        subcommands: [Build.self, Check.self, New.self, Serve.self, Clean.self],
        defaultSubcommand: nil)
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the course website from a lessons folder.",
        discussion: """
        A lesson is a Markdown file (CommonMark + GFM tables) with optional YAML front matter:

          ---
          title: XOR from scratch   # default: the first heading
          order: 4                  # place in the course; default: by file name
          summary: One line for the index page.
          lang: en                  # <html lang>; zh-CN for Chinese
          ---

        Math in $...$, $$...$$, \\(...\\) or \\[...\\] is kept verbatim. Fenced blocks named `graph` \
        or `model` are lesson blocks (a computational graph, or a model trained at build time). \
        An optional course.yml in the lessons folder sets the course `title`, `description` and `lang`.

        The site is written to a temporary folder and swapped into place only when every lesson \
        builds without errors, so a failed build leaves the previous output untouched. \
        Problems are reported as `path:line:column: error: message`; the exit code is 1 when \
        there were errors. README.md describes the lesson format, the output layout and the CLI in full.
        """)

    @Argument(help: "The folder of lessons (*.md, searched recursively).")
    var lessonsDirectory = "lessons"

    @Option(name: [.short, .long], help: ArgumentHelp(
        "The folder to write the site to; replaced as a whole (default: output, or ../output when run inside the lessons folder).",
        valueName: "dir"))
    var output: String?

    @OptionGroup var blocks: BlockRunFlags

    @Flag(help: "Also print the whole course to course.pdf in the output folder (needs headless Chromium).")
    var pdf = false

    @Option(help: ArgumentHelp("The address the site will be published at, e.g. https://example.org/course/ (adds canonical links and sitemap.xml).",
                               valueName: "url"))
    var baseURL: String?

    func validate() throws {
        try PathArguments.validate(lessonsDirectory: lessonsDirectory, output: output)
        if let baseURL {
            guard let url = URL(string: baseURL), ["http", "https"].contains(url.scheme ?? ""), url.host != nil,
                  url.query == nil, url.fragment == nil else {
                throw ValidationError("--base-url must be an absolute http(s) address such as https://example.org/course/ (got '\(baseURL)').")
            }
        }
    }

    func run() throws {
        let output = output ?? BuildOptions.defaultOutputDirectory(lessonsDirectory: lessonsDirectory)
        var options = blocks.options(lessonsDirectory: lessonsDirectory, output: output)
        options.pdf = pdf
        options.baseURL = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        let report = Builder.build(options)
        var stderr = StandardError()
        for diagnostic in report.diagnostics { print(diagnostic, to: &stderr) }
        print(report.summary(outputDirectory: output), to: &stderr)
        if !report.succeeded { throw ExitCode(1) }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check lessons without training anything or writing output (fast enough for a pre-commit hook).",
        discussion: "Reports the same problems as 'build' would (syntax, names, shapes, data files, images, quoted results), except those that only running can find (NaN, divergence).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The folder of lessons.")
    var lessonsDirectory = "lessons"

    @Option(help: "text (compiler style, on standard error) or json (on standard output, for editors).")
    var format: Format = .text

    func validate() throws {
        try PathArguments.validate(lessonsDirectory: lessonsDirectory)
    }

    func run() throws {
        var options = BuildOptions(lessonsDirectory: lessonsDirectory,
                                   outputDirectory: BuildOptions.defaultOutputDirectory(lessonsDirectory: lessonsDirectory),
                                   jobs: 1, useCache: false)
        options.checkOnly = true
        let report = Builder.build(options)
        switch format {
        case .json:
            print(DiagnosticsJSON.encode(report.diagnostics))
        case .text:
            var stderr = StandardError()
            for diagnostic in report.diagnostics { print(diagnostic, to: &stderr) }
            print("lessons: \(report.errorCount == 1 ? "1 error" : "\(report.errorCount) errors"), "
                  + "\(report.warningCount == 1 ? "1 warning" : "\(report.warningCount) warnings")", to: &stderr)
        }
        if !report.succeeded { throw ExitCode(1) }
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new lesson: front matter and an example graph block, ready to build.")

    @Argument(help: "The lesson's title; its file name is made from it.")
    var title: String

    @Option(name: .customLong("lessons"), help: ArgumentHelp("The folder of lessons.", valueName: "dir"))
    var lessonsDirectory = "lessons"

    func validate() throws {
        guard !lessonsDirectory.isEmpty else { throw ValidationError("--lessons must name a folder.") }
    }

    func run() throws {
        var stderr = StandardError()
        do {
            let path = try Scaffold.create(title: title, in: lessonsDirectory)
            print("lessons: created \(path)", to: &stderr)
        } catch {
            print("lessons: error: \(error)", to: &stderr)
            throw ExitCode(1)
        }
    }
}

struct Clean: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove the block cache, so the next build runs every block again.",
        discussion: """
        Removes only a folder the cache made (it holds CACHEDIR.TAG) and only while it holds \
        nothing but what the cache wrote; anything else is refused and nothing is removed.
        """)

    @Argument(help: "The folder of lessons whose cache to remove.")
    var lessonsDirectory = "lessons"

    @Option(help: ArgumentHelp("The cache folder, if it is not the default.", valueName: "dir"))
    var cacheDir: String?

    func validate() throws {
        try PathArguments.validate(lessonsDirectory: lessonsDirectory, cacheDir: cacheDir)
    }

    func run() throws {
        let directory = cacheDir ?? Builder.defaultCacheDirectory(BuildOptions(lessonsDirectory: lessonsDirectory))
        var stderr = StandardError()
        do {
            let removed = try Builder.removeCache(directory)
            print(removed == 0 && !FileManager.default.fileExists(atPath: directory)
                  ? "lessons: no cache at \(directory); nothing to remove"
                  : "lessons: removed \(directory) (\(removed == 1 ? "1 cache file" : "\(removed) cache files"))", to: &stderr)
        } catch {
            print("\(directory): error: \(error)", to: &stderr)
            throw ExitCode(1)
        }
    }
}

/// Empty path arguments are command-line errors (exit 64): an empty name is no folder.
enum PathArguments {
    static func validate(lessonsDirectory: String, output: String? = nil, cacheDir: String? = nil) throws {
        guard !lessonsDirectory.isEmpty else { throw ValidationError("the lessons folder must not be empty (got '').") }
        if let output, output.isEmpty { throw ValidationError("--output must name a folder.") }
        if let cacheDir, cacheDir.isEmpty { throw ValidationError("--cache-dir must name a folder.") }
    }
}

/// Diagnostics go to standard error, like a compiler's.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
