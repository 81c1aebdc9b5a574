import Dispatch
import Foundation
import Testing
@testable import Figures

@Test func preloadingMoreFontMapsThanThereMayBeReturns() {
    // It holds one map while asking for the next: at the limit it must stop, not wait for itself.
    FontPreload.run(maps: SharedFontMap.maxMaps + 2)
    FontPreload.run()
}

@Test func textMeasuredOnManyThreadsAtOnceMeasuresTheSameAsOnOne() throws {
    let samples = ["Loss 0.25", "∂L/∂w₁ = −0.0312", "训练步数", "x<sub>1</sub>"]
    @Sendable func measure() throws -> [Size] {
        let canvas = try Canvas(size: Size(width: 100, height: 100))
        return try samples.map { $0.contains("<") ? try canvas.measure(markup: $0) : try canvas.measure($0) }
    }
    let expected = try measure()
    let results = Results(count: 16)
    DispatchQueue.concurrentPerform(iterations: 16) { i in
        if i % 5 == 0 { FontPreload.run() }
        results.set(i, try? measure())
    }
    for sizes in results.all { #expect(sizes == expected) }
}

private final class Results: @unchecked Sendable {
    private var values: [[Size]?]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: [Size]?) { lock.withLock { values[i] = value } }
    var all: [[Size]?] { lock.withLock { values } }
}
