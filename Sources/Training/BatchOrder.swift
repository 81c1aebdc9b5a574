/// The order in which mini-batch training visits the examples, so that a program outside the
/// engine (the generated NumPy and PyTorch versions of a block) can use exactly the same batches.
///
/// Each epoch shuffles the previous epoch's order in place (Fisher–Yates with `SeededRandom`),
/// starting from 0, 1, ..., n − 1; step k of an epoch takes rows `order[k·batch ..< (k+1)·batch]`,
/// and a last partial batch is dropped.
package enum BatchOrder {
    /// The shuffle's own stream for a `train ... seed S` line, so that batching does not change
    /// the parameters' initial values (which are drawn from `S` itself).
    static func streamSeed(_ seed: UInt64) -> UInt64 { seed &+ 0x9E37_79B9_7F4A_7C15 }

    /// The order of every epoch, one array of the `count` example indices per epoch.
    package static func epochs(_ epochs: Int, count: Int, seed: UInt64) -> [[Int]] {
        var rng = SeededRandom(seed: streamSeed(seed))
        var order = Array(0..<max(count, 0))
        var result: [[Int]] = []
        result.reserveCapacity(max(epochs, 0))
        for _ in 0..<max(epochs, 0) {
            rng.shuffle(&order)
            result.append(order)
        }
        return result
    }
}
