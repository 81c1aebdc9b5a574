import Autodiff

/// How parameters move after each backward pass, with its hyperparameters, as a lesson
/// writes it: `sgd(lr: 0.1)`, `momentum(lr: 0.1, beta: 0.9)`, `adam(lr: 0.01)`. The update
/// rules are PyTorch's (torch.optim.SGD and Adam with their default options), so numbers can
/// be checked against it.
package enum OptimizerRule: Sendable, Equatable {
    /// p −= lr · g.
    case sgd(lr: Double)
    /// v = β · v + g; p −= lr · v (PyTorch's SGD with momentum β, no dampening, not Nesterov).
    case momentum(lr: Double, beta: Double = 0.9)
    /// Adam with bias correction: m = β₁m + (1 − β₁)g, v = β₂v + (1 − β₂)g²,
    /// p −= lr / (1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε) at step t = 1, 2, ...
    case adam(lr: Double, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8)

    /// "sgd", "momentum" or "adam".
    package var name: String {
        switch self {
        case .sgd: "sgd"
        case .momentum: "momentum"
        case .adam: "adam"
        }
    }

    /// Throws for a learning rate that is not positive, a β outside [0, 1), or ε ≤ 0.
    package func validate() throws(ArgumentError) {
        switch self {
        case .sgd(let lr):
            try Check.above(lr, 0, "lr")
        case .momentum(let lr, let beta):
            try Check.above(lr, 0, "lr")
            try Check.inHalfOpen(beta, 0, 1, "beta")
        case .adam(let lr, let beta1, let beta2, let eps):
            try Check.above(lr, 0, "lr")
            try Check.inHalfOpen(beta1, 0, 1, "beta1")
            try Check.inHalfOpen(beta2, 0, 1, "beta2")
            try Check.above(eps, 0, "eps")
        }
    }

    /// Numbers of state kept per parameter element: none, a velocity, or two moments.
    var stateCount: Int {
        switch self {
        case .sgd: 0
        case .momentum: 1
        case .adam: 2
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
        self.plan = plan
        self.parameters = parameters
        self.offsets = offsets
        elements = total
        stateSize = rule.stateCount * total
        state = .allocate(capacity: max(stateSize, 1))
        state.initialize(repeating: 0, count: max(stateSize, 1))
    }

    deinit { state.deallocate() }

    /// Moves every parameter once, using the gradients of the last `backward()`.
    package func step() throws(PlanError) {
        steps += 1
        let state = self.state
        switch rule {
        case .sgd(let lr):
            for p in 0..<parameters.count {
                try plan.updateValues(parameters[p]) { value, g in
                    for i in 0..<value.count { value[i] -= lr * g[i] }
                }
            }
        case .momentum(let lr, let beta):
            for p in 0..<parameters.count {
                let velocity = state + offsets[p]
                try plan.updateValues(parameters[p]) { value, g in
                    for i in 0..<value.count {
                        velocity[i] = beta * velocity[i] + g[i]
                        value[i] -= lr * velocity[i]
                    }
                }
            }
        case .adam(let lr, let beta1, let beta2, let eps):
            beta1Power *= beta1
            beta2Power *= beta2
            let stepSize = lr / (1 - beta1Power)
            let correction2 = (1 - beta2Power).squareRoot()
            for p in 0..<parameters.count {
                let m = state + offsets[p], v = state + elements + offsets[p]
                try plan.updateValues(parameters[p]) { value, g in
                    for i in 0..<value.count {
                        m[i] = Self.lerp(m[i], g[i], 1 - beta1)
                        v[i] = v[i] * beta2 + (1 - beta2) * g[i] * g[i]
                        value[i] -= stepSize * (m[i] / (v[i].squareRoot() / correction2 + eps))
                    }
                }
            }
        }
    }

    /// Forgets all state (velocities, moments, step count), as a freshly created optimizer.
    package func reset() {
        state.update(repeating: 0, count: max(stateSize, 1))
        steps = 0
        beta1Power = 1
        beta2Power = 1
    }

    /// a + w · (b − a), computed as PyTorch's `lerp` does (from the nearer end), so Adam's
    /// first moment rounds the same way as torch's `exp_avg.lerp_(grad, 1 − β₁)`.
    static func lerp(_ a: Double, _ b: Double, _ w: Double) -> Double {
        abs(w) < 0.5 ? a + w * (b - a) : b - (b - a) * (1 - w)
    }
}
