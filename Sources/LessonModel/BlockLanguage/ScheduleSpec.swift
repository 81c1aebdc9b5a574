/// `schedule step(every: 100, gamma: 0.5)`: how the learning rate changes from one epoch to the
/// next, as PyTorch's `torch.optim.lr_scheduler` does it (stepped once at the end of each epoch).
public enum ScheduleSpec: Equatable, Sendable {
    /// lr · γ^⌊epoch / every⌋ (StepLR).
    case step(every: Int, gamma: Double)
    /// lr · γ^epoch (ExponentialLR).
    case exponential(gamma: Double)
    /// From lr down to `minimum` along half a cosine over all the epochs (CosineAnnealingLR with
    /// T_max = epochs): minimum + (lr − minimum) · (1 + cos(π · epoch / epochs)) / 2.
    case cosine(minimum: Double)

    /// The name a lesson writes: step, exponential or cosine.
    public var name: String {
        switch self {
        case .step: "step"
        case .exponential: "exponential"
        case .cosine: "cosine"
        }
    }

    /// How the schedule is written in a lesson, as `schedule` takes it.
    public var source: String {
        switch self {
        case .step(let every, let gamma): "step(every: \(every), gamma: \(gamma))"
        case .exponential(let gamma): "exponential(gamma: \(gamma))"
        case .cosine(let minimum): minimum == 0 ? "cosine()" : "cosine(min_lr: \(minimum))"
        }
    }

    /// Every schedule with its arguments (nil default: required), for the parser and its messages.
    static let signatures: [(name: String, arguments: [(name: String, defaultValue: Double?)], example: String)] = [
        ("step", [("every", nil), ("gamma", 0.1)], "step(every: 100, gamma: 0.5)"),
        ("exponential", [("gamma", nil)], "exponential(gamma: 0.99)"),
        ("cosine", [("min_lr", 0)], "cosine()"),
    ]
}
