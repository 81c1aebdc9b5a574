// `make bench`: runs every benchmark and prints its figures. Each benchmark is a file of its own
// that registers itself in `Benchmarks.all`.
import Foundation

var failures = 0
for benchmark in Benchmarks.all {
    print("== \(benchmark.name)")
    if !benchmark.run() { failures += 1 }
}
exit(failures == 0 ? 0 : 1)
