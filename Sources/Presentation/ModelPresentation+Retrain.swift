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
        let stride = max(1, (history.steps.count + Self.retrainCurvePoints - 1) / Self.retrainCurvePoints)
        var steps: [Int] = [], losses: [Double] = []
        for i in Swift.stride(from: 0, to: history.steps.count, by: stride) {
            steps.append(history.steps[i]); losses.append(history.values[i])
        }
        if steps.last != lastStep { steps.append(lastStep); losses.append(finalLoss) }
        return ModelWidget.Retrain(plan: source.plan, loss: source.loss, parameters: source.parameters, optimizer: optimizer.name,
                                   arguments: arguments, scheduleKind: model.schedule?.name, schedule: scheduleValues,
                                   steps: lastStep + 1, maxSteps: source.maxSteps, buildSteps: steps, buildLosses: losses,
                                   finalLoss: finalLoss)
    }
}
