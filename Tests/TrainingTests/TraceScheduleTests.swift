import Testing
@testable import Training

@Test func everyNKeepsMultiplesAndTheLastStep() {
    #expect(TraceSchedule.every(5000).steps(epochs: 50_000, graphNumbers: 30)
            == [0, 5000, 10000, 15000, 20000, 25000, 30000, 35000, 40000, 45000, 49999])
}

@Test func automaticTracesAboutFiftySteps() {
    let steps = TraceSchedule.automatic.steps(epochs: 2000, graphNumbers: 100)
    #expect(steps.first == 0 && steps.last == 1999)
    #expect((50...52).contains(steps.count))
}

@Test func logScheduleIsDenseAtTheStart() {
    let steps = TraceSchedule.log(10).steps(epochs: 10_000, graphNumbers: 10)
    #expect(steps == [0, 2, 7, 21, 59, 166, 463, 1291, 3593, 9999])  // round(10^(4k/9)) − 1
}

@Test func shortRunsTraceEveryStep() {
    #expect(TraceSchedule.automatic.steps(epochs: 3, graphNumbers: 10) == [0, 1, 2])
    #expect(TraceSchedule.every(100).steps(epochs: 1, graphNumbers: 10) == [0])
    #expect(TraceSchedule.every(0).steps(epochs: 4, graphNumbers: 10) == [0, 1, 2, 3])
}

@Test func largeGraphsAreThinnedToTheMemoryBound() {
    let steps = TraceSchedule.every(1).steps(epochs: 10_000, graphNumbers: 5_000)
    #expect(steps.count == TraceSchedule.maxNumbers / 10_000)
    #expect(TraceSchedule.every(1).steps(epochs: 10_000, graphNumbers: 20_000).count == 2)  // two moons: the first and the last step
    #expect(steps.first == 0 && steps.last == 9999)
    #expect(TraceSchedule.every(1).steps(epochs: 10_000, graphNumbers: 10_000_000) == [0, 9999])
    #expect(TraceSchedule.every(1).steps(epochs: 100_000, graphNumbers: 1).count == TraceSchedule.maxSteps)
}

@Test func observedStepsIgnoreTheSizeBoundButNotTheStepBound() {
    let schedule = TraceSchedule.every(100)
    #expect(schedule.observedSteps(epochs: 10_000) == Array(stride(from: 0, through: 9_900, by: 100)) + [9_999])
    #expect(schedule.steps(epochs: 10_000, graphNumbers: 200_000) == [0, 9_999])
    #expect(TraceSchedule.every(1).observedSteps(epochs: 100_000).count == TraceSchedule.maxSteps)
    // Every fully traced step is also an observed one.
    let full = Set(TraceSchedule.log(30).steps(epochs: 5_000, graphNumbers: 4_000))
    #expect(full.isSubset(of: Set(TraceSchedule.log(30).observedSteps(epochs: 5_000))))
}

@Test func lossHistoryKeepsEveryStepOfShortRunsAndThinsLongOnes() {
    var short = LossHistory(epochs: 10)
    for k in 0..<10 { short.record(step: k, loss: Double(k), isLast: k == 9) }
    #expect(short.steps == Array(0..<10))
    var long = LossHistory(epochs: 1_000_001)
    for k in 0..<1_000_001 { long.record(step: k, loss: 1, isLast: k == 1_000_000) }
    #expect(long.stride == 6)
    #expect(long.steps.count <= LossHistory.maxPoints + 1)
    #expect(long.steps.last == 1_000_000)
}

@Test func lastTracesTheLastStepAloneButObservesAsAutomatic() {
    #expect(TraceSchedule.last.steps(epochs: 440, graphNumbers: 50_000) == [439])
    #expect(TraceSchedule.last.steps(epochs: 1, graphNumbers: 10) == [0])
    #expect(TraceSchedule.last.steps(epochs: 0, graphNumbers: 10) == [])
    #expect(TraceSchedule.last.observedSteps(epochs: 2000) == TraceSchedule.automatic.observedSteps(epochs: 2000))
}
