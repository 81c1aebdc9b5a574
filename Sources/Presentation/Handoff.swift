import Foundation

/// A value one thread makes and another waits for: the waiting thread can start its own work
/// first and block only when it needs the value. Set it exactly once (nil when making it failed).
final class Handoff<T>: @unchecked Sendable {
    private var value: T?
    private let lock = NSLock()
    private let ready = DispatchSemaphore(value: 0)

    /// Gives the value to every waiter, now and later.
    func set(_ value: T?) {
        lock.withLock { self.value = value }
        ready.signal()
    }

    /// The value, once `set` has been called.
    func wait() -> T? {
        ready.wait()
        ready.signal()  // for the next call
        return lock.withLock { value }
    }
}
