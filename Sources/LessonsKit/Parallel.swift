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

    /// `a()` and `b()` at once (on two cores when there are), their results as a pair.
    static func both<A: Sendable, B: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
        let first = Results<A>(count: 1), second = Results<B>(count: 1)
        withoutActuallyEscaping(a) { a in
            withoutActuallyEscaping(b) { b in
                DispatchQueue.concurrentPerform(iterations: 2) { k in
                    if k == 0 { first.set(0, a()) } else { second.set(0, b()) }
                }
            }
        }
        // Both slots are filled: concurrentPerform returns after both iterations ran.
        return (first.values()[0], second.values()[0])
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
