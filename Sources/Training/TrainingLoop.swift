import Autodiff

/// The inner loop of training: forward, check, backward, trace, update — `epochs` times over one
/// compiled plan. Nothing in the loop allocates except on traced steps.
package struct TrainingLoop {
    /// Why training stopped early: the step and the first node whose value is not finite.
    package struct Divergence: Error, Sendable, Equatable {
        package var step: Int
        package var node: NodeID?
    }

    package let plan: Plan
    package let loss: NodeID
    package let epochs: Int
    /// Steps whose full state is handed to `onTrace` (sorted).
    package let traced: [Int]

    package init(plan: Plan, loss: NodeID, epochs: Int, traced: [Int]) {
        self.plan = plan
        self.loss = loss
        self.epochs = epochs
        self.traced = traced
    }

    /// Runs the loop. `prepare(step)` may load a mini-batch into the plan's data leaves before
    /// the forward pass; `update()` applies the optimizer after the backward pass; `onTrace`
    /// sees the plan after the backward pass and before the update of a traced step (its values
    /// are those the step used, its gradients those it computed). `progress` is called with the
    /// number of finished steps about every 1% of the run.
    package func run(history: inout LossHistory,
                     prepare: ((Int) -> Void)? = nil,
                     afterPass: (() -> Void)? = nil,
                     update: () -> Void,
                     onTrace: (Int, Double) -> Void,
                     progress: ((Int) -> Void)? = nil) -> Divergence? {
        var nextTrace = 0
        let progressEvery = max(1, epochs / 100)
        for step in 0..<epochs {
            prepare?(step)
            plan.forward()
            let value = plan.scalarValue(loss) ?? .nan
            guard value.isFinite else {
                return Divergence(step: step, node: plan.firstNonFinite() ?? loss)
            }
            // A traced step shows every gradient; the others need only the parameters' (the same
            // bits; W5 skips the gradient of its input images, a third of its products).
            let isTraced = nextTrace < traced.count && traced[nextTrace] == step
            plan.backward(parametersOnly: !isTraced)
            afterPass?()
            history.record(step: step, loss: value, isLast: step == epochs - 1)
            if isTraced {
                onTrace(step, value)
                nextTrace += 1
            }
            update()
            if let progress, step % progressEvery == 0 { progress(step + 1) }
        }
        return nil
    }
}
