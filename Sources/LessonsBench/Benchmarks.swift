import Foundation

/// A benchmark: prints its own figures, returns false when a goal it checks is missed badly
/// enough to be an error (most goals are reported, not enforced: machines here are noisy).
struct Benchmark: Sendable {
    var name: String
    var run: @Sendable () -> Bool
}

enum Benchmarks {
    /// Every benchmark, in the order `make bench` runs them. Add new ones here.
    static let all: [Benchmark] = [MathBenchmark.benchmark, TrainingBenchmark.benchmark]

    /// The median wall time of `body` over `runs` runs, in seconds.
    static func median(runs: Int, _ body: () -> Void) -> Double {
        var times: [Double] = []
        for _ in 0..<max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        times.sort()
        return times[times.count / 2]
    }
}
