import LessonModel
import Testing
import Training

// The learning rate per epoch under each schedule (the fixture test checks them against PyTorch
// over 100 steps; these pin the shapes a reader sees on the page).

private func rates(_ schedule: ScheduleSpec?, base: Double = 1, epochs: Int) -> [Double] {
    var r = LearningRates(base: base, schedule: schedule, epochs: epochs)
    return (0..<epochs).map { r.rate(epoch: $0) }
}

@Test func noScheduleKeepsTheRate() {
    #expect(rates(nil, base: 0.1, epochs: 4) == [0.1, 0.1, 0.1, 0.1])
}

@Test func stepCutsAtEachBoundary() {
    #expect(rates(.step(every: 2, gamma: 0.5), epochs: 6) == [1, 1, 0.5, 0.5, 0.25, 0.25])
}

@Test func exponentialMultipliesEveryEpoch() {
    #expect(rates(.exponential(gamma: 0.5), epochs: 4) == [1, 0.5, 0.25, 0.125])
}

@Test func cosineFallsFromTheRateTowardsTheMinimum() {
    let r = rates(.cosine(minimum: 0.1), epochs: 4)
    #expect(r[0] == 1)
    #expect(abs(r[2] - 0.55) < 1e-15)  // halfway: the mean of the two ends
    #expect(r[1] > r[2] && r[2] > r[3] && r[3] > 0.1)
}

@Test func epochsMaySkip() {
    var r = LearningRates(base: 1, schedule: .step(every: 3, gamma: 0.1), epochs: 10)
    #expect(r.rate(epoch: 0) == 1)
    #expect(abs(r.rate(epoch: 7) - 0.01) < 1e-17)
    #expect(abs(r.rate(epoch: 7) - 0.01) < 1e-17)  // asking again moves nothing
}
