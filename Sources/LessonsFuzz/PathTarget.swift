import Foundation
import LessonModel
import LessonsKit

/// The `paths` target: one path typed into one place of one subcommand (`build --output`,
/// `check <folder>`, `new --lessons`, `clean --cache-dir`, ...), run through the entry points the
/// CLI calls, in a fresh sandbox each time. An input is two lines: the place, then the path.
///
/// Checked: no trap; nothing created, changed or removed outside the places the command may
/// write (the output folder, the cache, the lessons folder for `new`); no staging or probe
/// folder left behind; a build that succeeds wrote its site where the path points; every
/// diagnostic names a file.
enum PathTarget {
    /// Where a path goes. `serve` builds through the same `Builder.build` as `build`.
    static let places = ["build --output", "build <lessons>", "build --cache-dir", "check <lessons>", "serve --output",
                         "serve <lessons>", "new --lessons", "new <title>", "clean --cache-dir", "clean <lessons>"]

    /// Names the sandbox holds, and others: one character, dotted, Unicode, long, missing.
    static let names = [".", "..", "o", "a", "é", "中文", "🙂", "x y", "-", "..o", "o.", ".hidden", "output", "lessons",
                        "lessons/intro.md", "file", "link-dir", "dangling", "loop", "ro", "missing", "e\u{301}",
                        String(repeating: "n", count: 255), String(repeating: "é", count: 140), "~", "*", "\\", "a:b", "%2e%2e"]

    static func target() -> Target {
        Target(name: "paths", maxSize: 4_000, timeLimit: 10, dictionary: Target.tokens(["/", "//", "..", ".", "\n"] + names),
               generate: generate) { input, _ in run(input) }
    }

    static var seeds: [[UInt8]] {
        let cases = [("build --output", "o"), ("build --output", "."), ("build --output", "a/o"), ("serve --output", "o"),
                     ("build <lessons>", "."), ("check <lessons>", "."), ("build --output", "link-dir"), ("build --output", "dangling"),
                     ("build --output", "/o/../p/"), ("build --output", "./x/../y"), ("build --cache-dir", "c"),
                     ("new <title>", "Line1\n---\nx"), ("clean --cache-dir", "file"), ("build --output", "ro/site")]
        return cases.map { Array(($0.0 + "\n" + $0.1).utf8) }
    }

    static func generate(_ random: inout FuzzRandom) -> [UInt8] {
        var path: String
        if random.oneIn(8) {
            path = random.pick(["", ".", "..", "/", "./", "//", "../..", "o", "-"])
        } else {
            let parts = (0..<(1 + random.below(4))).map { _ in random.pick(names) }
            path = parts.joined(separator: random.oneIn(4) ? "//" : "/")
            if random.oneIn(4) { path = "/" + path }
            if random.oneIn(4) { path += "/" }
            if random.oneIn(6) { path = "./" + path }
        }
        return Array((random.pick(places) + "\n" + path).utf8)
    }

    /// Runs one input; the sandbox is made fresh and removed after.
    static func run(_ input: [UInt8]) -> Outcome {
        let text = String(decoding: input, as: UTF8.self)
        let place = String(text.prefix { $0 != "\n" })
        var outcome = Outcome()
        guard let sandbox = Sandbox() else {
            outcome.violations.append("cannot make the sandbox")
            return outcome
        }
        defer { sandbox.remove() }
        let path = sandbox.confine(String(text.drop { $0 != "\n" }.dropFirst()))
        outcome.signature = place
        // The CLI refuses empty paths before running anything (exit 64).
        if path.isEmpty && !place.hasPrefix("new <title>") { return outcome }
        let before = sandbox.snapshot()
        // Back where we were after: the session saves its inputs relative to it.
        let home = FileManager.default.currentDirectoryPath
        defer { _ = FileManager.default.changeCurrentDirectoryPath(home) }
        guard FileManager.default.changeCurrentDirectoryPath(sandbox.work) else {
            outcome.violations.append("cannot enter the sandbox")
            return outcome
        }
        let command = PathCommand(place: place, path: path)
        let allowed = command.writablePlaces().map(Paths.canonical)
        let result = command.run()
        let after = sandbox.snapshot()

        for (entry, _) in before.merging(after, uniquingKeysWith: { a, _ in a }) where before[entry] != after[entry] {
            let absolute = sandbox.root + "/" + entry
            let real = Paths.canonical(absolute)
            // Missing folders above an output or cache folder are made on the way to it.
            let madeOnTheWay = before[entry] == nil && after[entry]?.hasPrefix("folder") == true
                && allowed.contains { Paths.isInside($0, real) }
            if !madeOnTheWay, !allowed.contains(where: { Paths.isInside(absolute, $0) || Paths.isInside(real, $0) }) {
                outcome.violations.append("\(place) '\(path)' changed \(entry), outside \(allowed)")
            }
            let name = Paths.lastComponent(entry)
            if after[entry] != nil, name.contains(".new-") || name.contains(".old-") || name.hasPrefix(".lessons-probe") {
                outcome.violations.append("\(place) '\(path)' left \(entry) behind")
            }
        }
        for d in result.diagnostics where d.path.isEmpty {
            outcome.violations.append("\(place) '\(path)': a diagnostic names no file: \(d)")
        }
        if result.wroteSite, let output = command.outputFolder,
           !FileManager.default.fileExists(atPath: Paths.join(Paths.canonical(output), "index.html")) {
            outcome.violations.append("\(place) '\(path)' succeeded but \(output)/index.html is missing")
        }
        outcome.errors = result.diagnostics.filter { $0.severity == .error }.count
        outcome.warnings = result.diagnostics.count - outcome.errors
        outcome.signature = place + "|" + Set(result.diagnostics.map { Target.stripDigits($0.message) }).sorted().joined(separator: "|")
        return outcome
    }
}
