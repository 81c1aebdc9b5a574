import Dispatch
import Foundation

/// A parallel map with a fixed number of workers; results come back in input order.
enum Parallel {
    static func map<T: Sendable, R: Sendable>(_ items: [T], jobs: Int, _ transform: @Sendable (T) -> R) -> [R] {
        let workers = max(1, min(jobs, items.count))
        guard workers > 1 else { return items.map(transform) }
        let box = Results<R>(count: items.count)
        withoutActuallyEscaping(transform) { transform in
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let i = box.takeIndex() {
                    box.set(i, transform(items[i]))
                }
            }
        }
        return box.values()
    }

    /// The results, and the next index to hand out, behind one lock.
    private final class Results<R: Sendable>: @unchecked Sendable {
        private var slots: [R?]
        private var next = 0
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func takeIndex() -> Int? {
            lock.withLock {
                guard next < slots.count else { return nil }
                defer { next += 1 }
                return next
            }
        }

        func set(_ i: Int, _ value: R) { lock.withLock { slots[i] = value } }

        func values() -> [R] { lock.withLock { slots.compactMap { $0 } } }
    }
}
