import Testing
@testable import Figures

private func labels(_ ticks: [DecimalNumber]) -> [String] { ticks.map(TickFormat.compact) }

// MARK: - Linear 1-2-5 ticks

@Test func stepsUpToFiftyThousandGetTenThousandSteps() {
    #expect(labels(NiceTicks.linear(0, 50_000, maxCount: 6).ticks) == ["0", "10k", "20k", "30k", "40k", "50k"])
}

@Test func unitRangeGetsTwoTenthsWithSixTicks() {
    #expect(labels(NiceTicks.linear(0, 1, maxCount: 6).ticks) == ["0", "0.2", "0.4", "0.6", "0.8", "1"])
}

@Test func unitRangeGetsHalvesWithFiveTicksAtMost() {
    // 0.2 would need 6 ticks; the next 1-2-5 step is 0.5.
    #expect(labels(NiceTicks.linear(0, 1, maxCount: 5).ticks) == ["0", "0.5", "1"])
}

@Test func rangeAcrossZeroUsesMultiplesOfTheStep() {
    #expect(labels(NiceTicks.linear(-3.7, 12.2, maxCount: 8).ticks) == ["−2", "0", "2", "4", "6", "8", "10", "12"])
    #expect(labels(NiceTicks.linear(-3.7, 12.2, maxCount: 6).ticks) == ["0", "5", "10"])
}

@Test(arguments: [(0.0, 1.0), (0.0, 50_000.0), (-3.7, 12.2), (1e-9, 3e-9), (12_345.0, 12_399.0), (-1e6, 1e6), (0.001, 0.9)])
func everyStepIsOneTwoOrFiveTimesAPowerOfTenAndTheCountStaysWithinTheLimit(lo: Double, hi: Double) {
    for maxCount in 2...12 {
        let step = NiceTicks.linearStep(lo, hi, maxCount: maxCount)
        #expect([1, 2, 5].contains(step.significand), "step \(step) for \(lo)...\(hi)")
        let ticks = NiceTicks.linear(lo, hi, maxCount: maxCount).ticks
        #expect(ticks.count <= maxCount)
        #expect(ticks.allSatisfy { $0.value >= lo - 1e-12 * abs(lo) && $0.value <= hi + 1e-12 * abs(hi) })
    }
}

@Test func tickValuesCarryNoBinaryNoise() {
    // 3 × 0.1 is 0.30000000000000004 in Double arithmetic.
    #expect(labels(NiceTicks.linear(0, 0.3, maxCount: 4).ticks) == ["0", "0.1", "0.2", "0.3"])
    #expect(NiceTicks.linear(0, 0.3, maxCount: 4).ticks.last?.value == 0.3)
}

@Test func aNarrowRangeFarFromZeroNeedsAtMostFourSignificantDigits() {
    let ticks = NiceTicks.linear(0.69310, 0.69320, maxCount: 10).ticks
    #expect(labels(ticks) == ["0.6931", "0.6932"])
}

@Test func hugeRangesGetTicksWithoutOverflow() {
    let ticks = NiceTicks.linear(0, 1e300, maxCount: 5).ticks
    #expect(ticks.count >= 2 && ticks.count <= 5)
    #expect(labels(ticks).allSatisfy { $0 == "0" || $0.contains("e") })
}

// MARK: - Log ticks

@Test func lossFromTwoPointFourToOneEMinusFourGetsOneTickPerDecade() {
    let log = NiceTicks.log(7.4e-5, 3.2, maxCount: 8)
    #expect(labels(log.ticks) == ["1e−4", "0.001", "0.01", "0.1", "1"])
    // Unlabelled grid values 2…9 × 10^k between them.
    #expect(log.minor.contains { abs($0 - 2e-4) < 1e-18 } && log.minor.contains { abs($0 - 9e-1) < 1e-15 })
}

@Test func manyDecadesAreLabelledEveryFewDecades() {
    let log = NiceTicks.log(1e-300, 1e300, maxCount: 8)
    #expect(labels(log.ticks) == ["1e−300", "1e−200", "1e−100", "1", "1e100", "1e200", "1e300"])
}

@Test func twoDecadesGetOneTwoFiveTicks() {
    #expect(labels(NiceTicks.log(0.1, 10, maxCount: 10).ticks) == ["0.1", "0.2", "0.5", "1", "2", "5", "10"])
}

@Test func lessThanADecadeStillGetsTwoTicks() {
    #expect(labels(NiceTicks.log(2, 8, maxCount: 6).ticks) == ["2", "5"])
}

// MARK: - Labels

@Test(arguments: [
    (DecimalNumber(0, 0), "0"), (DecimalNumber(1, 4), "10k"), (DecimalNumber(15, 2), "1.5k"),
    (DecimalNumber(2, 6), "2M"), (DecimalNumber(1, 9), "1e9"), (DecimalNumber(999, 0), "999"),
    (DecimalNumber(25, -2), "0.25"), (DecimalNumber(1, -3), "0.001"), (DecimalNumber(1, -4), "1e−4"),
    (DecimalNumber(25, -6), "2.5e−5"), (DecimalNumber(-3, 0), "−3"), (DecimalNumber(-15, 3), "−15k"),
    (DecimalNumber(6931, -4), "0.6931"), (DecimalNumber(100, 0), "100"),
])
func tickLabelsAreCompactAndUseTheRealMinusSign(number: DecimalNumber, expected: String) {
    #expect(TickFormat.compact(number) == expected)
}

// MARK: - Axis domains

@Test func aConstantSeriesGetsARangeAroundItsValue() {
    let axis = ChartAxis.make(.init(scale: .linear, dataLo: 0.5, dataHi: 0.5, padding: 0.04, snap: 0.07), maxCount: 6)
    #expect(axis.lo < 0.5 && axis.hi > 0.5)
    #expect(axis.ticks.count >= 2)
}

@Test func aConstantZeroSeriesDoesNotGoBelowZero() {
    let axis = ChartAxis.make(.init(scale: .linear, dataLo: 0, dataHi: 0, padding: 0.04, snap: 0.07), maxCount: 6)
    #expect(axis.lo == 0 && axis.hi > 0)
    #expect(axis.ticks.count >= 2)
}

@Test func anAlmostConstantSeriesGetsTwoDistinctLabels() {
    let axis = ChartAxis.make(.init(scale: .linear, dataLo: 0.69314, dataHi: 0.69314 + 1e-9, padding: 0.04, snap: 0.07), maxCount: 6)
    let text = axis.labels
    #expect(text.count >= 2)
    #expect(Set(text).count == text.count)
    #expect(axis.lo <= 0.69314 && axis.hi >= 0.69314 + 1e-9)
}

@Test func aConstantSeriesOnALogAxisGetsADecadeAroundIt() {
    let axis = ChartAxis.make(.init(scale: .log, dataLo: 0.01, dataHi: 0.01, padding: 0.04, snap: 0.07), maxCount: 6)
    #expect(axis.lo < 0.01 && axis.hi > 0.01)
    #expect(axis.ticks.count >= 2)
}

@Test func theXAxisSnapsToARoundEndWhenItIsClose() {
    let axis = ChartAxis.make(.init(scale: .linear, dataLo: 0, dataHi: 49_999, snap: 0.08), maxCount: 6)
    #expect(axis.hi == 50_000)
    #expect(axis.labels.last == "50k")
}

@Test func theXAxisDoesNotSnapFarAway() {
    let axis = ChartAxis.make(.init(scale: .linear, dataLo: 0, dataHi: 51_000, snap: 0.08), maxCount: 6)
    #expect(axis.hi == 51_000)
}

@Test func extremeDataStaysFinite() {
    let linear = ChartAxis.make(.init(scale: .linear, dataLo: -Double.greatestFiniteMagnitude, dataHi: .greatestFiniteMagnitude,
                                      padding: 0.04, keepNonNegative: false), maxCount: 6)
    #expect(linear.lo.isFinite && linear.hi.isFinite && linear.ticks.count >= 2)
    #expect(linear.fraction(0).map { abs($0 - 0.5) < 0.01 } == true)
    let log = ChartAxis.make(.init(scale: .log, dataLo: .leastNonzeroMagnitude, dataHi: 1e308, padding: 0.04), maxCount: 6)
    #expect(log.lo > 0 && log.hi.isFinite && log.ticks.count >= 2)
}
