import Foundation

/// Fuzzes one target for a while: picks an input from the pool (corpus entries, plus inputs
/// whose diagnostics were new), mutates it, saves it, runs it, and checks the invariants.
struct Session {
    let target: Target
    let directory: String
    let trace: Bool
    let watchdog: Watchdog
    private var random: FuzzRandom
    private var pool: [[UInt8]]
    private var seen: Set<String> = []
    private let mutator: Mutator
    private(set) var violations = 0
    private var counts = (inputs: 0, clean: 0, warnings: 0, errors: 0, untrained: 0)
    private var slowest = 0.0

    init(target: Target, seeds: [[UInt8]], seed: UInt64, directory: String, trace: Bool, watchdog: Watchdog) {
        self.target = target
        self.directory = directory
        self.trace = trace
        self.watchdog = watchdog
        random = FuzzRandom(seed: seed ^ UInt64(target.name.utf8.reduce(0) { $0 &* 31 &+ Int($1) }))
        pool = seeds.isEmpty ? [[]] : seeds.map { Array($0.prefix(target.maxSize)) }
        mutator = Mutator(dictionary: target.dictionary, maxSize: target.maxSize)
    }

    /// Runs the corpus as it is, then mutated inputs until `seconds` have passed.
    mutating func run(seconds: Double) {
        let start = Date()
        let corpusSize = pool.count
        var k = 0
        while Date().timeIntervalSince(start) < seconds {
            // Half the time a corpus entry, half an input that showed a new kind of diagnostic.
            let parent = random.oneIn(2) ? pool[random.below(corpusSize)] : random.pick(pool)
            let input: [UInt8]
            if k < corpusSize {
                input = pool[k]
            } else if let generate = target.generate, random.oneIn(3) {
                input = generate(&random)
            } else {
                input = mutator.mutate(parent, corpus: pool, random: &random)
            }
            k += 1
            one(input)
        }
        try? FileManager.default.removeItem(atPath: lastPath)
    }

    private var lastPath: String { directory + "/" + target.name + ".last" }

    private mutating func one(_ input: [UInt8]) {
        // On disk before it runs: if it crashes or hangs the process, it can be replayed.
        _ = FileManager.default.createFile(atPath: lastPath, contents: Data(input))
        if trace {
            FileHandle.standardError.write(Data("--- \(target.name) input \(counts.inputs) (\(input.count) bytes)\n".utf8) + Data(input) + Data("\n".utf8))
        }
        watchdog.start(target.name, limit: max(60, 10 * target.timeLimit), saved: lastPath)
        let began = Date()
        let outcome = target.run(input, counts.inputs % 16 == 0)
        let elapsed = Date().timeIntervalSince(began)
        watchdog.stop()
        counts.inputs += 1
        if elapsed > slowest {
            // Kept for profiling: the slowest input is the next performance bug.
            slowest = elapsed
            _ = FileManager.default.createFile(atPath: directory + "/" + target.name + "-slowest.bin", contents: Data(input))
        }
        if outcome.skipped { counts.untrained += 1 }
        if outcome.errors > 0 { counts.errors += 1 } else if outcome.warnings > 0 { counts.warnings += 1 } else { counts.clean += 1 }
        var problems = outcome.violations
        if elapsed > target.timeLimit {
            problems.append(String(format: "took %.2f s (the limit per input is %.0f s)", elapsed, target.timeLimit))
        }
        if !problems.isEmpty { report(problems, input) }
        if !outcome.signature.isEmpty, seen.insert(outcome.signature).inserted, pool.count < 2_000 {
            pool.append(input)
        }
    }

    private mutating func report(_ problems: [String], _ input: [UInt8]) {
        violations += 1
        let saved = directory + "/" + target.name + "-violation-\(violations).bin"
        _ = FileManager.default.createFile(atPath: saved, contents: Data(input))
        for problem in problems { note("\(target.name): \(problem) (input saved in \(saved))") }
    }

    var summary: String {
        let name = target.name.padding(toLength: 7, withPad: " ", startingAt: 0)
        return String(format: "%@ %8d %7d %9d %7d %10d %15d %7.2fs %11d", name, counts.inputs, counts.clean, counts.warnings,
                      counts.errors, counts.untrained, seen.count, slowest, violations)
    }
}

/// Ends the process when one input runs far too long: a hang is a failure too, and the input
/// is already saved. (An in-process run cannot be interrupted any other way.)
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var deadline: Date?
    private var message = ""

    init() {
        let thread = Thread { [unowned self] in
            while true {
                Thread.sleep(forTimeInterval: 1)
                self.lock.lock()
                let expired = self.deadline.map { Date() > $0 } ?? false
                let text = self.message
                self.lock.unlock()
                if expired {
                    FileHandle.standardError.write(Data(text.utf8))
                    _exit(2)
                }
            }
        }
        thread.start()
    }

    func start(_ target: String, limit: Double, saved: String) {
        lock.withLock {
            deadline = Date().addingTimeInterval(limit)
            message = "LessonsFuzz: a \(target) input ran for more than \(Int(limit)) s (a hang); it is saved in \(saved)\n"
        }
    }

    func stop() { lock.withLock { deadline = nil } }
}
