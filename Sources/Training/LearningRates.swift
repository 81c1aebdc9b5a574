import Autodiff
import LessonModel

/// The learning rate of each epoch under a lesson's `schedule` line, as PyTorch's schedulers
/// give it when stepped once at the end of every epoch. StepLR and ExponentialLR multiply the
/// rate by γ as they go (as PyTorch does, and with × only, so every platform gets the same
/// bits); the cosine uses its closed form with `DeterministicMath.cos`.
package struct LearningRates {
    private let base: Double
    private let schedule: ScheduleSpec?
    private let epochs: Int
    private var epoch = 0
    private var current: Double

    /// Rates for `epochs` epochs starting at `base` (the optimizer's lr); nil `schedule`: constant.
    package init(base: Double, schedule: ScheduleSpec?, epochs: Int) {
        self.base = base
        self.schedule = schedule
        self.epochs = max(1, epochs)
        current = base
    }

    /// The rate for `epoch`: epochs must come in increasing order (the running products move forward only).
    package mutating func rate(epoch target: Int) -> Double {
        while epoch < target {
            epoch += 1
            switch schedule {
            case .step(let every, let gamma)?: if epoch % every == 0 { current *= gamma }
            case .exponential(let gamma)?: current *= gamma
            case .cosine(let minimum)?:
                current = minimum + (base - minimum) * (1 + DeterministicMath.cos(Double.pi * Double(epoch) / Double(epochs))) / 2
            case nil: break
            }
        }
        return current
    }
}
