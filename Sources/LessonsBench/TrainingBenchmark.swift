import Foundation

/// Training W1, W3, W5 and W6 on our engine, tracing off and with the default tracing.
///
/// Two ways in:
/// - `LessonsBench` (no arguments): part of every benchmark run; prints our medians and the
///   tracing overhead. The peers (NumPy, PyTorch, JAX) are timed in the same run as ours by
///   `benchmarks/run.py`, which `make bench` runs next.
/// - `LessonsBench train W1|W3|W5|W6 [--runs N] [--warmup N] [--tracing off|default|lesson] [--fixtures DIR]`:
///   one measurement for benchmarks/run.py, printed as one line of JSON.
enum TrainingBenchmark {
    /// main.swift runs every benchmark in `Benchmarks.all`; the `train` command must run instead
    /// of them and print nothing but its JSON. Building that list is the first thing main does,
    /// so the command is dispatched here, before main prints anything.
    static let benchmark: Benchmark = {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if !arguments.isEmpty { exit(TrainCommand.main(arguments)) }
        return Benchmark(name: "training: W1 (XOR 2-3-1), W3 (moons 2-16-16-1), W5 (digits 64-64-10) and W6 (digits, conv) on our engine") { summary() }
    }()

    static let runs = 5
    static let tracingGoal = 1.3

    /// Our medians over `runs` alternating runs per workload; false if a final loss disagrees
    /// with the NumPy reference (the timings would then not be of the same math).
    static func summary() -> Bool {
        var ok = true
        for workload in TrainingWorkload.allCases {
            do {
                let source = try workload.load(from: TrainingWorkload.defaultFixtures)
                let modes: [TrainingRun.Tracing] = workload == .w1 ? [.off, .default, .lesson] : [.off, .default]
                var times: [TrainingRun.Tracing: [Double]] = [:]
                var last: [TrainingRun.Tracing: TrainingRun.Result] = [:]
                for _ in 0..<runs {
                    for mode in modes {
                        let result = try TrainingRun.run(source, tracing: mode)
                        times[mode, default: []].append(result.seconds)
                        last[mode] = result
                    }
                }
                let untraced = median(times[.off] ?? [])
                print("\(workload.rawValue): median of \(runs) alternating runs")
                for mode in modes {
                    let m = median(times[mode] ?? [])
                    let result = last[mode]
                    let label = "  ours, tracing \(mode.rawValue)".padding(toLength: 26, withPad: " ", startingAt: 0)
                    print(label + String(format: " %9.4f s   x%.2f of untraced   %2d traced steps   final loss ", m, m / untraced,
                                         result?.tracedSteps ?? 0) + "\(result?.finalLoss ?? .nan)")
                }
                let overhead = median(times[.default] ?? []) / untraced
                print(String(format: "  default tracing overhead x%.2f (goal at most x%.1f): %@",
                             overhead, tracingGoal, overhead <= tracingGoal ? "met" : "MISSED"))
                if let reference = try TrainingWorkload.instance(source).referenceFinalLoss, let ours = last[.off]?.finalLoss {
                    let agrees = abs(ours - reference) <= 1e-9 * abs(reference)
                    print("  final loss vs the NumPy reference \(reference): \(agrees ? "agrees to 1e-9" : "DISAGREES")")
                    ok = ok && agrees
                }
            } catch {
                print("error: \(workload.rawValue): \(error)")
                ok = false
            }
        }
        print("  (NumPy, PyTorch and JAX in the same run, with ratios: benchmarks/run.py, which `make bench` runs)")
        return ok
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}

/// `LessonsBench train ...`: trains one workload `--warmup` times untimed, then `--runs` times,
/// and prints one JSON object (`seconds` of every timed run, their `median`, our final loss and
/// the reference's). The warm-up puts us on the footing of the peers' long-lived workers, whose
/// code and caches are warm when they are timed.
enum TrainCommand {
    static let usage = "usage: LessonsBench train W1|W3|W5|W6 [--runs N] [--warmup N] [--tracing off|default|lesson] [--fixtures DIR]"

    /// The exit code: 0 on success, 1 when training fails, 64 for a bad command line.
    static func main(_ arguments: [String]) -> Int32 {
        guard arguments.first == "train", arguments.count >= 2,
              let workload = TrainingWorkload(rawValue: arguments[1].uppercased()) else {
            printError(usage)
            return 64
        }
        var runs = 1, warmup = 0, tracing = TrainingRun.Tracing.off, fixtures = TrainingWorkload.defaultFixtures
        var i = 2
        while i < arguments.count {
            let value = i + 1 < arguments.count ? arguments[i + 1] : nil
            switch (arguments[i], value) {
            case ("--runs", let v?) where Int(v).map({ $0 >= 1 }) == true: runs = Int(v) ?? 1
            case ("--warmup", let v?) where Int(v).map({ $0 >= 0 }) == true: warmup = Int(v) ?? 0
            case ("--tracing", let v?) where TrainingRun.Tracing(rawValue: v) != nil: tracing = TrainingRun.Tracing(rawValue: v) ?? .off
            case ("--fixtures", let v?): fixtures = URL(fileURLWithPath: v)
            default:
                printError("unexpected argument '\(arguments[i])'\n\(usage)")
                return 64
            }
            i += 2
        }
        do {
            let source = try workload.load(from: fixtures)
            var seconds: [Double] = []
            var result = TrainingRun.Result(seconds: 0, finalLoss: .nan, tracedSteps: 0)
            for _ in 0..<warmup { _ = try TrainingRun.run(source, tracing: tracing) }
            for _ in 0..<runs {
                result = try TrainingRun.run(source, tracing: tracing)
                seconds.append(result.seconds)
            }
            let reference = try TrainingWorkload.instance(source).referenceFinalLoss
            print("{\"implementation\": \"ours\", \"workload\": \"\(workload.rawValue)\", \"tracing\": \"\(tracing.rawValue)\", "
                + "\"seconds\": [\(seconds.map(json).joined(separator: ", "))], \"median\": \(json(TrainingBenchmark.median(seconds))), "
                + "\"final_loss\": \(json(result.finalLoss)), \"reference_final_loss\": \(reference.map(json) ?? "null"), "
                + "\"traced_steps\": \(result.tracedSteps)}")
            return 0
        } catch {
            printError("LessonsBench train \(workload.rawValue): \(error)")
            return 1
        }
    }

    /// A number as JSON: Swift's shortest round-trip text, null for NaN and infinities.
    static func json(_ x: Double) -> String { x.isFinite ? "\(x)" : "null" }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
