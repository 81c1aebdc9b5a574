import Autodiff
import LessonModel

/// How parameters move after each backward pass, with its hyperparameters, as a lesson writes
/// it: `sgd(lr: 0.1)`, `momentum(lr: 0.1, beta: 0.9)`, `adam(lr: 0.01)`, ... The block language's
/// `OptimizerSpec` is the rule itself (one type, so the trainer and the parser cannot drift).
package typealias OptimizerRule = OptimizerSpec

extension OptimizerSpec {
    /// Throws for a learning rate that is not positive, a β or α outside [0, 1) (Nesterov's
    /// β must also be above 0), ε ≤ 0, or a negative weight decay.
    package func validate() throws(ArgumentError) {
        try Check.above(lr, 0, "lr")
        switch self {
        case .sgd: break
        case .momentum(_, let beta, let nesterov, _):
            try Check.inHalfOpen(beta, 0, 1, "beta")
            if nesterov { try Check.above(beta, 0, "beta") }
        case .adam(_, let beta1, let beta2, let eps, _), .adamw(_, let beta1, let beta2, let eps, _):
            try Check.inHalfOpen(beta1, 0, 1, "beta1")
            try Check.inHalfOpen(beta2, 0, 1, "beta2")
            try Check.above(eps, 0, "eps")
        case .rmsprop(_, let alpha, let eps, _):
            try Check.inHalfOpen(alpha, 0, 1, "alpha")
            try Check.above(eps, 0, "eps")
        }
        try Check.atLeast(weightDecay, 0, "weight_decay")
    }

    /// Numbers of state kept per parameter element: none, a velocity, two moments, or a mean square.
    var stateCount: Int {
        switch self {
        case .sgd: 0
        case .momentum, .rmsprop: 1
        case .adam, .adamw: 2
        }
    }
}

/// Applies an `OptimizerRule` to a plan's parameters, in place. Created once per plan: it
/// checks the parameters and allocates all its state up front, so `step()` allocates nothing
/// (it writes through `Plan.updateValue` and one buffer it owns).
package final class Optimizer {
    /// The rule and its hyperparameters.
    package let rule: OptimizerRule
    /// The plan whose parameters move.
    package let plan: Plan
    /// The parameters updated by each step, in order.
    package let parameters: [NodeID]
    /// Steps taken so far (Adam's t after the last step).
    package private(set) var steps = 0
    /// The learning rate of the next step: the rule's, unless a schedule has changed it.
    package var learningRate: Double

    /// Where each parameter's state starts in `state` (first moments or velocities; Adam's
    /// second moments follow at the same offsets plus `elements`).
    private let offsets: [Int]
    /// Number of parameter elements in all.
    private let elements: Int
    /// Velocities (momentum) or first then second moments (Adam); owned, zero at the start.
    private let state: UnsafeMutablePointer<Double>
    private let stateSize: Int
    /// β₁ᵗ and β₂ᵗ, kept as running products: libm's pow is not the same on every platform.
    private var beta1Power = 1.0, beta2Power = 1.0

    /// Checks the hyperparameters and that every ID is a distinct parameter of `plan`, then
    /// allocates the state.
    package init(_ rule: OptimizerRule, plan: Plan, parameters: [NodeID]) throws(ArgumentError) {
        try rule.validate()
        guard !parameters.isEmpty else { throw ArgumentError(nil, "there are no parameters to train: mark weights with param") }
        var offsets: [Int] = []
        var total = 0
        for (i, id) in parameters.enumerated() {
            guard plan.graph.op(of: id) == .parameter, let shape = plan.graph.shape(of: id) else {
                let what = plan.graph.op(of: id).map { "a \($0.name) node" } ?? "not in this graph"
                throw ArgumentError(nil, "node \(id) cannot be trained: it is \(what), not a parameter")
            }
            guard !parameters[..<i].contains(id) else { throw ArgumentError(nil, "parameter \(id) is listed twice") }
            offsets.append(total)
            total += shape.count
        }
        self.rule = rule
        learningRate = rule.lr
        self.plan = plan
        self.parameters = parameters
        self.offsets = offsets
        elements = total
        stateSize = rule.stateCount * total
        state = .allocate(capacity: max(stateSize, 1))
        state.initialize(repeating: 0, count: max(stateSize, 1))
    }

    deinit { state.deallocate() }

    /// Moves every parameter once, using the gradients of the last `backward()`. Weight decay
    /// is added to the gradient first (L2, as PyTorch), except in AdamW, which shrinks the
    /// weight itself.
    package func step() throws(PlanError) {
        steps += 1
        let state = self.state, lr = learningRate, decay = rule.weightDecay
        switch rule {
        case .sgd:
            for p in 0..<parameters.count {
                try plan.updateValues(parameters[p]) { value, g in
                    for i in 0..<value.count { value[i] -= lr * (g[i] + decay * value[i]) }
                }
            }
        case .momentum(_, let beta, let nesterov, _):
            for p in 0..<parameters.count {
                let velocity = state + offsets[p]
                try plan.updateValues(parameters[p]) { value, g in
                    for i in 0..<value.count {
                        let gradient = g[i] + decay * value[i]
                        velocity[i] = beta * velocity[i] + gradient
                        value[i] -= lr * (nesterov ? gradient + beta * velocity[i] : velocity[i])
                    }
                }
            }
        case .adam(_, let beta1, let beta2, let eps, _), .adamw(_, let beta1, let beta2, let eps, _):
            let decoupled: Bool
            if case .adamw = rule { decoupled = true } else { decoupled = false }
            beta1Power *= beta1
            beta2Power *= beta2
            let numbers = AdamStep(beta2: beta2, stepSize: lr / (1 - beta1Power), correction2: (1 - beta2Power).squareRoot(),
                                   eps: eps, lr: lr, decay: decay, weight: 1 - beta1, decoupled: decoupled)
            for p in 0..<parameters.count {
                let m = state + offsets[p], v = state + elements + offsets[p]
                try plan.updateValues(parameters[p]) { value, g in Self.adam(value, g, m: m, v: v, numbers) }
            }
        case .rmsprop(_, let alpha, let eps, _):
            for p in 0..<parameters.count {
                let meanSquare = state + offsets[p]
                try plan.updateValues(parameters[p]) { value, g in
                    for i in 0..<value.count {
                        let gradient = g[i] + decay * value[i]
                        meanSquare[i] = alpha * meanSquare[i] + (1 - alpha) * gradient * gradient
                        value[i] -= lr * (gradient / (meanSquare[i].squareRoot() + eps))
                    }
                }
            }
        }
    }

    /// Forgets all state (velocities, moments, step count), as a freshly created optimizer.
    package func reset() {
        state.update(repeating: 0, count: max(stateSize, 1))
        steps = 0
        learningRate = rule.lr
        beta1Power = 1
        beta2Power = 1
    }

    /// a + w · (b − a), computed as PyTorch's `lerp` does (from the nearer end), so Adam's
    /// first moment rounds the same way as torch's `exp_avg.lerp_(grad, 1 − β₁)`.
    @inline(__always)
    static func lerp<V: SIMD>(_ a: V, _ b: V, _ w: Double) -> V where V.Scalar == Double {
        abs(w) < 0.5 ? a + w * (b - a) : b - (b - a) * (1 - w)
    }
}
