import Figures
import Foundation

/// Work that runs on a thread of its own while the caller does something else, and whose result
/// the caller then waits for. A thread, not a dispatch queue: a block worker that waits for work
/// queued behind it on the same pool could wait for ever.
final class OwnThread<T>: @unchecked Sendable {
    private let work: () throws(FigureError) -> T
    private var result: Result<T, FigureError>?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping () throws(FigureError) -> T) {
        self.work = work
        let thread = Thread { [self] in
            do throws(FigureError) { result = .success(try self.work()) } catch { result = .failure(error) }
            done.signal()
        }
        thread.stackSize = 16 << 20  // as much as a main thread has: graph layout recurses
        thread.start()
    }

    /// The work's result, once it has finished.
    func wait() throws(FigureError) -> T {
        done.wait()
        guard let result else { throw FigureError(operation: "draw", message: "the drawing thread finished without a result") }
        return try result.get()
    }
}
