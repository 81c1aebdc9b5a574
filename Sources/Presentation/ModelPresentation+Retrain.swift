import Foundation
import Site
import Training

extension ModelPresentation {
    /// At most this many points of the build's loss curve travel to the page, drawn dashed for comparison.
    static let retrainCurvePoints = 100

    /// What the page needs to train the model again, for a run small enough (`RetrainSource`).
    func retrain() -> ModelWidget.Retrain? {
        guard let source = run.retrain, let finalLoss = run.history.values.last, let lastStep = run.history.steps.last else { return nil }
        let optimizer = model.train.optimizer
        var arguments: [String: Double] = [:]
        for (name, value) in optimizer.arguments { arguments[name] = value }
        var scheduleValues: [String: Double]?
        switch model.schedule {
        case .step(let every, let gamma)?: scheduleValues = ["every": Double(every), "gamma": gamma]
        case .exponential(let gamma)?: scheduleValues = ["gamma": gamma]
        case .cosine(let minimum)?: scheduleValues = ["minimum": minimum]
        case nil: scheduleValues = nil
        }
        let history = run.history
        let kept = Self.curveIndices(count: history.steps.count, points: Self.retrainCurvePoints)
        var steps = kept.map { history.steps[$0] }, losses = kept.map { history.values[$0] }
        if steps.last != lastStep { steps.append(lastStep); losses.append(finalLoss) }
        return ModelWidget.Retrain(plan: source.plan, loss: source.loss, parameters: source.parameters, optimizer: optimizer.name,
                                   arguments: arguments, scheduleKind: model.schedule?.name, schedule: scheduleValues,
                                   steps: lastStep + 1, maxSteps: source.maxSteps, buildSteps: steps, buildLosses: losses,
                                   finalLoss: finalLoss)
    }

    /// About `points` indices of a curve of `count` points, the first and the last among them: half
    /// spread evenly, half geometrically (1, 2, 4, ... in effect), because a loss falls fastest in
    /// its first steps, which an even spread alone draws as one straight segment.
    static func curveIndices(count: Int, points: Int) -> [Int] {
        guard count > points, points >= 4 else { return Array(0..<count) }
        let half = points / 2
        var kept = Set<Int>()
        for k in 0..<half { kept.insert(k * (count - 1) / (half - 1)) }
        let growth = Foundation.log(Double(count - 1)) / Double(half - 1)
        for k in 0..<half { kept.insert(min(count - 1, Int((Foundation.exp(Double(k) * growth)).rounded()))) }
        kept.insert(0)
        return kept.sorted()
    }
}
