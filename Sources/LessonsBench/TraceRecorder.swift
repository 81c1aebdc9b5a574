import Autodiff

/// Records one traced training step the way `GraphRunner.step` does for `ModelRunner`: every
/// node's value and gradient, each input's scalar local derivative, and what each node passed
/// back to each input. `GraphRunner.step` and `Trace.Step`'s initializer are internal to
/// Training (and the benchmark may not change Training), so this repeats the same calls on the
/// same public `Plan` API into a struct of the same layout: the work per traced step is the
/// same. For W1 the benchmark also times the real path (`ModelRunner.run` on the lesson's
/// block, `--tracing lesson`), which shows the two agree.
enum TraceRecorder {
    struct Step {
        var step: Int
        var loss: Double?
        var values: [[Double]]
        var gradients: [[Double]]
        var localDerivatives: [[Double?]]
        var shares: [[Int: [Double]]]
    }

    /// Line for line the body of `GraphRunner.step(_:plan:compiled:loss:)`, with `ids` standing
    /// for `compiled.ids` (here every node of the graph, one per program node as in a block).
    static func step(_ number: Int, plan: Plan, ids: [NodeID], loss: Double?) -> Step {
        var values: [[Double]] = [], gradients: [[Double]] = [], locals: [[Double?]] = [], shares: [[Int: [Double]]] = []
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let everyShare = plan.allContributions()
        for id in ids {
            values.append(plan.value(id)?.scalars ?? [])
            gradients.append(plan.gradient(id)?.scalars ?? [])
            let arity = plan.graph.inputs(of: id)?.count ?? 0
            locals.append((0..<arity).map { plan.localDerivative(of: id, input: $0) })
            var share: [Int: [Double]] = [:]
            for (input, tensor) in id.index < everyShare.count ? everyShare[id.index] : [:] {
                if let i = index[input] { share[i] = tensor.scalars }
            }
            shares.append(share)
        }
        return Step(step: number, loss: loss, values: values, gradients: gradients, localDerivatives: locals, shares: shares)
    }
}
