import Testing
@testable import Presentation

/// The build's loss curve that the retraining chart draws dashed keeps about 100 points, dense
/// where the loss falls fastest (the first steps) as well as spread over the whole run.
struct RetrainCurveTests {
    @Test func theKeptPointsAreDenseAtTheStartAndSpanTheRun() {
        let kept = ModelPresentation.curveIndices(count: 50_000, points: 100)
        #expect(kept.first == 0 && kept.last == 49_999)
        #expect(kept.count <= 100 && kept.count >= 80, "\(kept.count) points")
        #expect(kept == kept.sorted() && Set(kept).count == kept.count)
        #expect(kept.filter { $0 < 100 }.count >= 10, "the first 100 steps have \(kept.filter { $0 < 100 })")
        let gaps = zip(kept, kept.dropFirst()).map { $1 - $0 }
        #expect((gaps.max() ?? 0) <= 50_000 / 49 + 1, "no gap wider than the even spread's")
    }

    @Test func aShortCurveIsKeptWhole() {
        #expect(ModelPresentation.curveIndices(count: 60, points: 100) == Array(0..<60))
        #expect(ModelPresentation.curveIndices(count: 0, points: 100) == [])
    }
}
