import Foundation

// `make fuzz`: bounded-time fuzzing of the lesson parser, the block language (graph and model
// blocks, run as a build runs them), the TeX converter and the CLI's path handling, in-process. A crash kills the process
// (so `make fuzz` fails); the input being run is always on disk first, in FUZZ_DIR/<target>.last.
//
//   FUZZ_SECONDS   seconds per target (default 60)      FUZZ_SEED     seed (default: from the clock)
//   FUZZ_TARGETS   e.g. "lesson,tex" (default: all)     FUZZ_TRACE=1  print each input to stderr first
//   FUZZ_DIR       where inputs are saved (.build/fuzz) FUZZ_CORPUS   the lessons folder (lessons)
//
// `LessonsFuzz replay <target> <file>` runs one saved input and prints what it found.

let environment = ProcessInfo.processInfo.environment
let seconds = environment["FUZZ_SECONDS"].flatMap(Double.init) ?? 60
let seed = environment["FUZZ_SEED"].flatMap { UInt64($0) } ?? UInt64(Date().timeIntervalSince1970 * 1000)
let trace = environment["FUZZ_TRACE"] == "1"
let directory = environment["FUZZ_DIR"] ?? ".build/fuzz"
let corpusDirectory = environment["FUZZ_CORPUS"] ?? "lessons"
let all = [Target.lesson(), Target.graph(), Target.model(), Target.tex(), PathTarget.target(), ImageTarget.target()]
let wanted = environment["FUZZ_TARGETS"].map { $0.split(separator: ",").map(String.init) } ?? all.map(\.name)

func note(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
let watchdog = Watchdog()

let arguments = CommandLine.arguments.dropFirst()
if arguments.first == "replay" {
    let rest = Array(arguments.dropFirst())
    guard rest.count == 2, let target = all.first(where: { $0.name == rest[0] }),
          let data = FileManager.default.contents(atPath: rest[1]) else {
        note("usage: LessonsFuzz replay lesson|graph|model|tex|paths|images FILE")
        exit(64)
    }
    let outcome = target.run([UInt8](data), true)
    print("\(outcome.errors) errors, \(outcome.warnings) warnings\(outcome.skipped ? ", not trained" : "")")
    outcome.violations.forEach { print("violation: \($0)") }
    exit(outcome.violations.isEmpty ? 0 : 1)
}

let corpus = Corpus(lessonsDirectory: corpusDirectory, texCorpus: "Tests/TeXMathTests/Fixtures/corpus.tsv")
note("LessonsFuzz: seed \(seed), \(Int(seconds)) s per target (FUZZ_SEED=\(seed) repeats this run's inputs)")
var failed = false
var rows: [String] = []
for target in all where wanted.contains(target.name) {
    let seeds: [[UInt8]]
    switch target.name {
    case "lesson": seeds = corpus.lessons
    case "graph": seeds = corpus.graphs
    case "model": seeds = corpus.models
    case "paths": seeds = PathTarget.seeds
    case "images": seeds = ImageTarget.seeds
    default: seeds = corpus.tex
    }
    var session = Session(target: target, seeds: seeds, seed: seed, directory: directory, trace: trace, watchdog: watchdog)
    note("fuzzing \(target.name) (\(seeds.count) corpus entries)...")
    session.run(seconds: seconds)
    rows.append(session.summary)
    failed = failed || session.violations > 0
}
print("target   inputs   clean  warnings  errors  untrained  new-signatures  slowest  violations")
rows.forEach { print($0) }
exit(failed ? 1 : 0)
